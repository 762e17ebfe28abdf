using System.Security.Claims;
using System.Text.Encodings.Web;
using IESCP.Data.ApiTokens;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace IESCP.Web.Api;

/// <summary>
/// Signs API calls in by "Authorization: Bearer &lt;token&gt;" with a token the user made in their
/// settings. Only the API uses this scheme, and the API uses only this one: a browser's cookie
/// never authorizes an API call, so no API call can be forged from another site.
/// </summary>
internal sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiTokenRepository tokens, IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    private const string Bearer = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var caller = await tokens.AuthenticateAsync(header[Bearer.Length..].Trim());
        if (caller is null)
        {
            return AuthenticateResult.Fail("The token is unknown or revoked, or its account may not sign in.");
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, caller.UserId), new Claim(ClaimTypes.Role, caller.Role)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return WriteAsync(StatusCodes.Status401Unauthorized, "An API token is needed",
            "Send the header 'Authorization: Bearer <token>' with a valid token; tokens are made and revoked on your Settings page.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteAsync(StatusCodes.Status403Forbidden, "Not allowed", "This token's account may not do this.");

    private Task WriteAsync(int status, string title, string detail)
    {
        Response.StatusCode = status;
        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        }).AsTask();
    }
}

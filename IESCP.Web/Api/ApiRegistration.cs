using System.Text.Json.Serialization;
using IESCP.Data.Identity;
using IESCP.Web.Authorization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace IESCP.Web.Api;

/// <summary>
/// The JSON API under /api/v1: minimal APIs over the same repositories as the pages, signed in
/// by per-user tokens only, every error a problem-details document, described at /openapi/v1.json.
/// </summary>
internal static class ApiRegistration
{
    public const string Prefix = "/api";

    public const string Policy = "ApiToken";

    public static void AddIescpApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddSingleton<CachedJson>();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(ApiTokenAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser());
        services.AddOpenApi("v1", options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "IESCP API";
                document.Info.Description = "Send 'Authorization: Bearer <token>' with a token made on your Settings page. Errors are problem details (RFC 9457).";
                return Task.CompletedTask;
            });
        });
    }

    public static void MapIescpApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        // The ceiling the benchmark compares against: the same process, nothing behind it.
        app.MapGet($"{Prefix}/v1/ping", () => TypedResults.Text("pong")).ExcludeFromDescription();

        // A token speaks for its user as the pages do: a sponsor not (or no longer) approved gets nothing but 403.
        var api = app.MapGroup($"{Prefix}/v1").RequireAuthorization(Policy, Policies.Member).AddEndpointFilter(ApiResults.ProblemsFilter).WithTags("IESCP");
        api.MapSearchApi();
        api.MapAdRequestApi();
        api.MapFallback(() => ApiResults.NotFound("That API address")).ExcludeFromDescription();
    }

    /// <summary>API answers are problem details, never the site's HTML error and not-found pages.</summary>
    public static void UseApiProblemPages(this WebApplication app) =>
        app.UseWhen(context => context.Request.Path.StartsWithSegments(Prefix), api => api.UseStatusCodePages());

    /// <summary>Once the caller is signed in and allowed, an unreadable body is answered naming its field (<see cref="ApiResults.CheckJsonBodyAsync"/>).</summary>
    public static void UseApiBodyChecks(this WebApplication app) =>
        app.UseWhen(context => context.Request.Path.StartsWithSegments(Prefix), api => api.Use(ApiResults.CheckJsonBodyAsync));

}

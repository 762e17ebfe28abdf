using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace IESCP.Web.Security;

/// <summary>Configuration section "RateLimits".</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Posts of one account form (sign-in, sign-up, forgotten or new password) per address and minute.</summary>
    public int AccountFormsPerMinute { get; set; } = 20;
}

/// <summary>
/// Throttles the account forms by address: each of sign-in, sign-up, forgot-password and
/// reset-password takes a limited number of posts a minute from one address; the next get 429
/// until the minute is over. Everything else is not limited here.
/// </summary>
internal static class AccountRateLimits
{
    private static readonly (string Path, string Form)[] Forms =
    [
        ("/Account/Login", "sign-in"),
        ("/Account/Register", "sign-up"),
        ("/Account/ForgotPassword", "forgot-password"),
        ("/Account/ResetPassword", "reset-password"),
    ];

    public static void AddAccountRateLimits(this WebApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync("Too many attempts from your address. Wait a minute, then try again.", cancellationToken);
            };
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                FormOf(http) is { } form
                    ? RateLimitPartition.GetFixedWindowLimiter($"{form}:{http.Connection.RemoteIpAddress}", _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = limits.AccountFormsPerMinute,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    })
                    : RateLimitPartition.GetNoLimiter(""));
        });
    }

    private static string? FormOf(HttpContext http) =>
        HttpMethods.IsPost(http.Request.Method)
            ? Forms.FirstOrDefault(f => http.Request.Path.StartsWithSegments(f.Path, StringComparison.OrdinalIgnoreCase)).Form
            : null;
}

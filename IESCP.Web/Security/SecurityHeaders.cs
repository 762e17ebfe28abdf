namespace IESCP.Web.Security;

/// <summary>
/// The headers every response carries, pages and static files alike. The content security policy
/// allows scripts from this site only (no inline script: the reconnect UI binds its buttons from a
/// file); styles may be inline because Radzen's components and charts set style attributes.
/// <c>base-uri</c> is 'self', not 'none': Blazor resolves every link against the page's
/// <c>&lt;base href="/"&gt;</c>.
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers.Remove("Server");
            return Task.CompletedTask;
        });
        return next();
    });
}

using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IESCP.Web.Health;

/// <summary>
/// <c>/health/live</c>: the process answers. <c>/health/ready</c>: it can serve, with each
/// dependency it needs checked (the database; Redis and the SMTP server when they are
/// configured); 503 while one is down. Open to anonymous callers, as load balancers and
/// orchestrators are; they name each check and its state, nothing more.
/// </summary>
internal static class HealthEndpoints
{
    private const string Ready = "ready";

    public static void AddIescpHealthChecks(this WebApplicationBuilder builder)
    {
        var checks = builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [Ready]);
        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("Redis")))
        {
            checks.AddCheck<RedisHealthCheck>("redis", tags: [Ready]);
        }

        if (!string.IsNullOrWhiteSpace(builder.Configuration["Email:SmtpHost"]))
        {
            checks.AddCheck<SmtpHealthCheck>("smtp", tags: [Ready]);
        }
    }

    public static void MapIescpHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(Ready),
            ResponseWriter = WriteAsync,
        }).AllowAnonymous();
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), e.Value.Description }),
        }));
    }
}

using System.Text.Json;
using IESCP.Data;
using IESCP.Data.AdRequests;
using IESCP.Data.Campaigns;
using IESCP.Data.Identity;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace IESCP.Web.Api;

/// <summary>How repository answers become HTTP answers: problem details for every refusal.</summary>
internal static class ApiResults
{
    public static IResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"{what} was not found.");

    /// <summary>Field errors as a validation problem (400); "not found" as 404; any other refusal as 409 with its reason.</summary>
    public static IResult Refused(CommandResult result)
    {
        if (result.Errors.Any(e => e.Field != ""))
        {
            return TypedResults.ValidationProblem(result.Errors.GroupBy(e => e.Field == "" ? "request" : Camel(e.Field))
                .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
        }

        return result.Message is AdRequestRepository.NotFoundMessage or CampaignRepository.NotFoundMessage or AdRequestRepository.InfluencerNotFoundMessage
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: result.Message)
            : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Refused", detail: result.Message);
    }

    public static IResult Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>Wraps every API endpoint: a role refusal is 403, and nothing leaks as an HTML error page.</summary>
    public static async ValueTask<object?> ProblemsFilter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (ForbiddenException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed", detail: e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("IESCP.Web.Api")
                .LogError(e, "API call {Path} failed", context.HttpContext.Request.Path);
            return TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "Something went wrong on our side");
        }
    }

    /// <summary>
    /// Reads a call's JSON body as its endpoint will, before it runs. A body that is not the JSON
    /// the endpoint takes (bad syntax, a value of the wrong type or out of range, nesting too deep,
    /// nothing at all) is answered 400 with the field it failed at, instead of a bare 400.
    /// </summary>
    public static async Task CheckJsonBodyAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method) || !request.HasJsonContentType()
            || context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>() is not { RequestType: { } type } accepts)
        {
            await next(context);
            return;
        }

        var body = new MemoryStream();
        context.Response.RegisterForDispose(body);
        try
        {
            await request.Body.CopyToAsync(body, context.RequestAborted);
        }
        catch (BadHttpRequestException e)
        {
            // Too large (413), or cut off: the server's own limits, answered as problem details.
            await TypedResults.Problem(statusCode: e.StatusCode, title: "The body could not be read", detail: e.Message).ExecuteAsync(context);
            return;
        }

        body.Position = 0;
        request.Body = body;
        if (body.Length == 0)
        {
            if (!accepts.IsOptional)
            {
                await Invalid("body", "Send a JSON object with the fields this call takes.").ExecuteAsync(context);
                return;
            }
        }
        else
        {
            var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            try
            {
                if (await JsonSerializer.DeserializeAsync(body, type, options, context.RequestAborted) is null && !accepts.IsOptional)
                {
                    await Invalid("body", "Send a JSON object with the fields this call takes, not null.").ExecuteAsync(context);
                    return;
                }
            }
            catch (JsonException e)
            {
                var field = e.Path?.Split('.', '[').Skip(1).FirstOrDefault(part => part.Length > 0);
                var property = field is null ? null : type.GetProperty(field, System.Reflection.BindingFlags.IgnoreCase | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance);
                await (property is null
                    ? Invalid("body", "The body is not a JSON object this call can read: check its syntax and nesting.")
                    : Invalid(Camel(property.Name), $"Expected {Expected(property.PropertyType)} here.")).ExecuteAsync(context);
                return;
            }

            body.Position = 0;
        }

        await next(context);
    }

    private static string Expected(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(decimal) => "an amount: a JSON number such as 12.50, within the allowed range",
        var t when t == typeof(int) || t == typeof(long) => "a whole number (a JSON number such as 42)",
        var t when t == typeof(string) => "text (a JSON string) or null",
        _ => "a value of the documented type",
    };

    private static string Camel(string field) => field.Length == 0 ? field : char.ToLowerInvariant(field[0]) + field[1..];
}

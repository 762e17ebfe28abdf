using IESCP.Data;
using IESCP.Data.AdRequests;
using IESCP.Data.Campaigns;
using IESCP.Data.Identity;

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

        return result.Message is AdRequestRepository.NotFoundMessage || result.Message == CampaignRepository.NotFoundMessage
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

    private static string Camel(string field) => field.Length == 0 ? field : char.ToLowerInvariant(field[0]) + field[1..];
}

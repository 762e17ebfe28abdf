using System.Reflection;
using IESCP.Data;
using IESCP.Data.Identity;
using IESCP.Tests.Infrastructure;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RouteAttribute = Microsoft.AspNetCore.Components.RouteAttribute;

namespace IESCP.Tests.Authorization;

/// <summary>
/// The authorization matrix (<see cref="AuthorizationTable"/>): the table names exactly the
/// pages, endpoints and commands the app has, and every kind of caller meets what each row says.
/// </summary>
[Trait("Category", "Integration")]
[Collection(AppCollection.Name)]
public sealed class AuthorizationMatrixTests(IescpApp app)
{
    public static TheoryData<string> RowNames => [.. AuthorizationTable.Rows.Select(r => r.Name)];

    [Theory]
    [MemberData(nameof(RowNames))]
    public async Task Every_kind_of_caller_is_let_in_or_kept_out_as_its_row_says(string rowName)
    {
        var world = await AuthorizationWorld.OfAsync(app);
        var row = AuthorizationTable.Rows.Single(r => r.Name == rowName);
        var trial = row.Start(world);
        var wrong = new List<string>();
        foreach (var caller in Enum.GetValues<Caller>())
        {
            var outcome = await trial(caller);
            var expected = row.Allowed.Contains(caller);
            if (outcome.Allowed != expected)
            {
                wrong.Add($"{caller}: should be {(expected ? "let in" : "kept out")}, but {outcome.Seen}");
            }
        }

        Assert.True(wrong.Count == 0, $"{rowName}\n  {string.Join("\n  ", wrong)}");
    }

    [Fact]
    public void The_table_has_a_row_for_every_page_route_and_no_other()
    {
        var routes = typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
            .Select(r => r.Template);

        AssertSameSet(routes, RowsOf(Surface.Page), "page routes");
    }

    [Fact]
    public void The_table_has_a_row_for_every_endpoint_but_the_frameworks_own_and_no_other()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is null && !IsFrameworks(e))
            .Select(NameOf)
            .Except(AuthorizationTable.Unchecked.Keys);

        AssertSameSet(endpoints, RowsOf(Surface.Endpoint), "endpoints");
    }

    [Fact]
    public void The_table_has_a_row_for_every_public_repository_command_and_names_every_read()
    {
        var methods = typeof(Actor).Assembly.GetExportedTypes()
            .Where(t => t != typeof(Actor))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.GetParameters().Any(p => p.ParameterType == typeof(Actor)))
            .ToList();

        AssertSameSet(methods.Where(ChangesData).Select(NameOf), RowsOf(Surface.Command), "commands");
        AssertSameSet(methods.Where(m => !ChangesData(m)).Select(NameOf), AuthorizationTable.Reads, "reads");
    }

    /// <summary>A command answers with a CommandResult, or with nothing at all; anything else is a read.</summary>
    private static bool ChangesData(MethodInfo method) =>
        method.ReturnType == typeof(Task) || typeof(CommandResult).IsAssignableFrom(method.ReturnType)
        || (method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() == typeof(Task<>)
            && typeof(CommandResult).IsAssignableFrom(method.ReturnType.GetGenericArguments()[0]));

    private static string NameOf(MethodInfo method) => $"{method.DeclaringType!.Name}.{method.Name}";

    private static string NameOf(RouteEndpoint endpoint) =>
        $"{(endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is { HttpMethods.Count: > 0 } methods ? string.Join(",", methods.HttpMethods) : "*")} {endpoint.RoutePattern.RawText}";

    /// <summary>Blazor's own endpoints (the circuit's hub, its scripts) and the static files (with their fallback to files on disk).</summary>
    private static bool IsFrameworks(RouteEndpoint endpoint) =>
        endpoint.RoutePattern.RawText is "{**path:file}"
        || endpoint.RoutePattern.RawText?.TrimStart('/').StartsWith("_blazor", StringComparison.Ordinal) == true
        || endpoint.RoutePattern.RawText?.TrimStart('/').StartsWith("_framework", StringComparison.Ordinal) == true
        || endpoint.Metadata.Any(m => m.GetType().Name.Contains("StaticAsset", StringComparison.Ordinal));

    private static IEnumerable<string> RowsOf(Surface surface) => AuthorizationTable.Rows.Where(r => r.Surface == surface).Select(r => r.Member);

    private static void AssertSameSet(IEnumerable<string> found, IEnumerable<string> table, string what)
    {
        var inApp = found.ToHashSet();
        var inTable = table.ToHashSet();
        var missing = inApp.Except(inTable).Order().ToList();
        var extra = inTable.Except(inApp).Order().ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"The app has {what} the table lacks:\n  {string.Join("\n  ", missing)}\nThe table has {what} the app lacks:\n  {string.Join("\n  ", extra)}");
    }
}

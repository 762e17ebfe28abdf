using IESCP.Data;
using IESCP.Data.Database;
using IESCP.Jobs;
using IESCP.Web;
using IESCP.Web.Commands;

// `dotnet run` (its launch profile) means Development unless the environment is set explicitly,
// so `ASPNETCORE_ENVIRONMENT=Production dotnet run` is Production (a launch profile's own
// ASPNETCORE_ENVIRONMENT would override the shell's). A published app defaults to Production.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    EnvironmentName = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
        ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
        ?? Environment.GetEnvironmentVariable("IESCP_DEFAULT_ENVIRONMENT"),
});
var command = CommandLine.IsCommand(args);
if (!command)
{
    StartupJitProfile.Start(builder);
}

builder.AddRepositoryDevelopmentSettings();
builder.AddIescpData();
builder.AddIescpJobs();
builder.AddIescpWeb();

if (command)
{
    return await CommandLine.RunAsync(builder, args);
}

var app = builder.Build();
app.UseIescpWeb();
try
{
    await app.InitializeIescpAsync();
}
catch (StartupProblemException problem)
{
    await Console.Error.WriteLineAsync($"IESCP cannot start: {problem.Message}");
    return 2;
}

await app.RunAsync();
return 0;

/// <summary>The entry point, public so tests can host the real app.</summary>
public partial class Program;

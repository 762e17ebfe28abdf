using IESCP.Data;
using IESCP.Jobs;
using IESCP.Web;
using IESCP.Web.Commands;

var builder = WebApplication.CreateBuilder(args);
builder.AddRepositoryDevelopmentSettings();
builder.AddIescpData();
builder.AddIescpJobs();
builder.AddIescpWeb();

if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(builder, args);
}

var app = builder.Build();
app.UseIescpWeb();
await app.InitializeIescpAsync();
await app.RunAsync();
return 0;

/// <summary>The entry point, public so tests can host the real app.</summary>
public partial class Program;

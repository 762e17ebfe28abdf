using IESCP.Data;
using IESCP.Jobs;
using IESCP.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddRepositoryDevelopmentSettings();
builder.AddIescpData();
builder.AddIescpJobs();
builder.AddIescpWeb();

var app = builder.Build();
app.UseIescpWeb();
await app.InitializeIescpAsync();
await app.RunAsync();

/// <summary>The entry point, public so tests can host the real app.</summary>
public partial class Program;

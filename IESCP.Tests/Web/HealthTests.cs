using System.Net;
using System.Text.Json;
using IESCP.Tests.Infrastructure;

namespace IESCP.Tests.Web;

/// <summary>The health endpoints against a real Redis and a real SMTP server that the test stops and starts.</summary>
[Trait("Category", "Integration")]
public sealed class HealthTests : IAsyncLifetime
{
    private readonly RedisServer redis = new();
    private readonly SmtpServer smtp = new();
    private IescpApp app = default!;

    public async Task InitializeAsync()
    {
        await Task.WhenAll(redis.InitializeAsync(), smtp.InitializeAsync());
        app = new ConfiguredApp(redis.ConnectionString, smtp.Port);
        await app.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await Task.WhenAll(redis.DisposeAsync(), smtp.DisposeAsync());
    }

    [Fact]
    public async Task Live_answers_and_ready_names_each_dependency_and_follows_it_down_and_back()
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);
        await RedisServer.WaitUntilConnectedAsync(app.Get<StackExchange.Redis.IConnectionMultiplexer>());
        Assert.Equal(("Healthy", "Healthy", "Healthy", "Healthy"), await ReadyAsync(http));

        redis.Stop();
        smtp.Stop();
        Assert.Equal(("Degraded", "Healthy", "Degraded", "Degraded"), await ReadyAsync(http));

        await redis.StartAsync();
        await smtp.StartAsync();
        await RedisServer.WaitUntilConnectedAsync(app.Get<StackExchange.Redis.IConnectionMultiplexer>());
        Assert.Equal(("Healthy", "Healthy", "Healthy", "Healthy"), await ReadyAsync(http));
    }

    private static async Task<(string Overall, string Database, string Redis, string Smtp)> ReadyAsync(HttpClient http)
    {
        var response = await http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // degraded still serves: the database answers
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var checks = report.RootElement.GetProperty("checks");
        string Status(string name) => checks.GetProperty(name).GetProperty("status").GetString()!;
        return (report.RootElement.GetProperty("status").GetString()!, Status("database"), Status("redis"), Status("smtp"));
    }

    private sealed class ConfiguredApp(string redis, int smtpPort) : IescpApp(new Dictionary<string, string?>
    {
        ["ConnectionStrings:Redis"] = redis,
        ["Email:SmtpHost"] = "127.0.0.1",
        ["Email:SmtpPort"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });
}

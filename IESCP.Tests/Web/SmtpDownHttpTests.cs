using System.Net;
using IESCP.Data;
using IESCP.Data.Outbox;
using IESCP.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IESCP.Tests.Web;

/// <summary>With the mail server down, asking for a reset link answers as usual; the email leaves once the server is back.</summary>
[Trait("Category", "Integration")]
public sealed class SmtpDownHttpTests : IAsyncLifetime
{
    private readonly SmtpServer smtp = new();
    private SmtpApp app = default!;

    public async Task InitializeAsync()
    {
        await smtp.InitializeAsync();
        app = new SmtpApp(smtp.Port);
        await app.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await smtp.DisposeAsync();
    }

    [Fact]
    public async Task The_visitor_sees_the_same_confirmation_and_the_email_is_delivered_once_smtp_is_back()
    {
        var influencer = await app.Users.InfluencerAsync();
        smtp.Stop();
        using var session = new HttpSession(app.BaseAddress);

        var response = await session.PostFormAsync("/Account/ForgotPassword", "forgot-password", new() { ["Input.Email"] = influencer.Email });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/ForgotPasswordConfirmation", HttpSession.RedirectPath(response));
        await Eventually.TrueAsync(async () => (await MessageAsync(influencer.Email))?.LastError is not null, "a failed attempt");
        Assert.Equal(OutboxStatus.Pending, (await MessageAsync(influencer.Email))!.Status);

        await smtp.StartAsync();
        await Eventually.TrueAsync(() => Task.FromResult(smtp.Messages().Any(m => m.Contains($"To: {influencer.Email}", StringComparison.OrdinalIgnoreCase))), "the email");
        Assert.Single(smtp.Messages(), m => m.Contains($"To: {influencer.Email}", StringComparison.OrdinalIgnoreCase));
        await Eventually.TrueAsync(async () => (await MessageAsync(influencer.Email))?.Status == OutboxStatus.Sent, "the message marked sent");
    }

    private async Task<OutboxMessage?> MessageAsync(string to)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<IescpDbContext>>().CreateDbContextAsync();
        return await db.OutboxMessages.AsNoTracking().SingleOrDefaultAsync(m => m.Recipient == to);
    }

    private sealed class SmtpApp(int smtpPort) : IescpApp(new Dictionary<string, string?>
    {
        ["Email:SmtpHost"] = "127.0.0.1",
        ["Email:SmtpPort"] = smtpPort.ToString(),
        // Retries come quickly here, so the test does not wait out production's back-off.
        ["Outbox:FirstRetryDelay"] = "00:00:00.200",
        ["Outbox:MaxRetryDelay"] = "00:00:01",
        ["Outbox:PollInterval"] = "00:00:00.500",
        ["Outbox:QuickRetries"] = "0",
    });
}

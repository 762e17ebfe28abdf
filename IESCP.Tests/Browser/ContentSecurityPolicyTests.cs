using IESCP.Data.Campaigns;
using IESCP.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace IESCP.Tests.Browser;

/// <summary>The content security policy blocks nothing the app itself needs: no violation on the busiest pages of each role.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ContentSecurityPolicyTests(BrowserApp app, ITestOutputHelper output) : IDisposable
{
    private readonly IDisposable appLog = app.Log.ReportTo(output);

    [Fact]
    public async Task The_busiest_pages_of_each_role_run_without_a_single_policy_violation()
    {
        var sponsor = await app.Users.SponsorAsync();
        var influencer = await app.Users.InfluencerAsync();
        var campaignId = (await app.Get<CampaignRepository>().CreateAsync(sponsor.Actor,
            Marketplace.Campaign(start: DateOnly.FromDateTime(DateTime.UtcNow)))).Value;
        var visits = new[]
        {
            (IescpApp.AdminEmail, IescpApp.AdminPassword, new[] { "admin", "admin/users", "admin/audit" }),
            (sponsor.Email, sponsor.Password, new[] { "sponsor", $"sponsor/campaigns/{campaignId}", "sponsor/campaigns/new", "sponsor/influencers" }),
            (influencer.Email, influencer.Password, new[] { "influencer", "influencer/campaigns", "notifications" }),
        };

        var violations = new List<string>();
        foreach (var (email, password, paths) in visits)
        {
            var page = await app.NewPageAsync();
            page.Console += (_, message) =>
            {
                if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                {
                    lock (violations)
                    {
                        violations.Add($"{page.Url}: {message.Text}");
                    }
                }
            };
            page.PageError += (_, error) =>
            {
                lock (violations)
                {
                    violations.Add($"{page.Url}: {error}");
                }
            };
            await page.LoginAsync(email, password);
            foreach (var path in paths)
            {
                await page.GotoInteractiveAsync(path);
                await page.Locator(".bell-button").ClickAsync();
            }
        }

        Assert.Empty(violations);
    }

    public void Dispose() => appLog.Dispose();
}

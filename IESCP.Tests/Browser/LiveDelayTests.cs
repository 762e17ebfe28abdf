using IESCP.Data.AdRequests;
using IESCP.Data.Campaigns;
using IESCP.Data.Influencers;
using IESCP.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static IESCP.Tests.Infrastructure.PageActions;

namespace IESCP.Tests.Browser;

/// <summary>
/// Twenty counter-offers back and forth, each arriving on the other person's open page without a
/// reload. The test asserts that every one arrives; it reports (not asserts) how long each took,
/// from the command to the moment the other browser's page showed the new amount.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class LiveDelayTests(BrowserApp app, ITestOutputHelper output) : IDisposable
{
    private const int Tries = 20;

    /// <summary>Resolves with the wall-clock time (ms) at which the request page shows the amount.</summary>
    private const string ShownAt = """
        text => new Promise(resolve => {
            const now = () => performance.timeOrigin + performance.now();
            const shown = () => document.querySelector('.amount')?.textContent.includes(text);
            if (shown()) { resolve(now()); return; }
            const observer = new MutationObserver(() => { if (shown()) { observer.disconnect(); resolve(now()); } });
            observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        })
        """;

    private readonly IDisposable appLog = app.Log.ReportTo(output);

    [Fact]
    public async Task Twenty_counter_offers_each_reach_the_other_open_page()
    {
        var sponsor = await app.Users.SponsorAsync();
        var influencer = await app.Users.InfluencerAsync();
        var campaignId = (await app.Get<CampaignRepository>().CreateAsync(sponsor.Actor,
            Marketplace.Campaign(budget: 10_000m, start: DateOnly.FromDateTime(DateTime.UtcNow)))).Value;
        var influencerId = (await app.Get<InfluencerRepository>().GetOwnProfileAsync(influencer.Actor))!.Id;
        var requests = app.Get<AdRequestRepository>();
        var id = (await requests.SendAsync(sponsor.Actor, campaignId, influencerId, Marketplace.Offer(100m))).Value;
        var pages = new Dictionary<Party, IPage>
        {
            [Party.Sponsor] = await OpenAsync(sponsor, id),
            [Party.Influencer] = await OpenAsync(influencer, id),
        };

        var delays = new List<double>();
        for (var attempt = 1; attempt <= Tries; attempt++)
        {
            var (mover, watcher) = attempt % 2 == 1 ? (influencer, Party.Sponsor) : (sponsor, Party.Influencer);
            var amount = 100m + attempt;
            var shown = pages[watcher].EvaluateAsync<double>(ShownAt, amount.ToString("C", System.Globalization.CultureInfo.GetCultureInfo("en-US")));
            var start = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            Marketplace.Ok(await requests.CounterAsync(mover.Actor, id, seenRevision: attempt, Marketplace.Offer(amount)));
            delays.Add(await shown.WaitAsync(TimeSpan.FromSeconds(15)) - start);
        }

        delays.Sort();
        output.WriteLine($"Live delay, command to the other page, {Tries} tries: median {delays[Tries / 2]:0} ms, worst {delays[^1]:0} ms, best {delays[0]:0} ms");
        Assert.Equal(Tries, delays.Count);
    }

    private async Task<IPage> OpenAsync(TestUser user, int requestId)
    {
        var page = await app.NewPageAsync();
        await page.LoginAsync(user.Email, user.Password);
        await page.GotoInteractiveAsync($"requests/{requestId}");
        await Expect(page.Locator(".amount")).ToHaveTextAsync("$100.00");
        return page;
    }

    public void Dispose() => appLog.Dispose();
}

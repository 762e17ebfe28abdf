using IESCP.Data.Caching;
using IESCP.Tests.Infrastructure;
using Microsoft.Playwright;
using static IESCP.Tests.Infrastructure.PageActions;

namespace IESCP.Tests.Browser;

/// <summary>
/// A search page is prerendered, then comes alive in a circuit. The prerender's results travel in
/// the page to the circuit (persisted component state, with the 9.0 browser script), so a visit
/// searches once; a new search from the live page searches again.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class SearchHandoffTests(BrowserApp app)
{
    [Fact]
    public async Task Opening_the_influencer_search_searches_once_and_a_new_search_once_more()
    {
        var name = $"Handoff {Guid.NewGuid():N}"[..16];
        await app.Users.InfluencerAsync(name: name, category: "Music", niche: "Indie", followers: 4_321);
        var sponsor = await app.Users.SponsorAsync();
        var page = await app.NewPageAsync();
        await page.LoginAsync(sponsor.Email, sponsor.Password);
        await page.WaitForURLAsync(url => url.EndsWith("/sponsor", StringComparison.Ordinal));
        using var searches = new SearchCounter(app.Services, CacheScopes.Influencers);

        await page.GotoInteractiveAsync($"sponsor/influencers?q={Uri.EscapeDataString(name)}");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = name })).ToBeVisibleAsync();
        await page.WaitForTimeoutAsync(500);
        Assert.Equal(1, searches.Requested);

        await page.GetByLabel("Name or niche").FillAsync("Indie");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("q=Indie"));
        // The address changes before the new search runs, and the old results still show the
        // name: wait for the search itself, then check that no second one follows it.
        await Eventually.TrueAsync(() => Task.FromResult(searches.Requested >= 2), "the new search");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = name })).ToBeVisibleAsync();
        await page.WaitForTimeoutAsync(500);
        Assert.Equal(2, searches.Requested);
    }

    [Fact]
    public async Task Opening_the_campaign_search_searches_once()
    {
        var influencer = await app.Users.InfluencerAsync();
        var page = await app.NewPageAsync();
        await page.LoginAsync(influencer.Email, influencer.Password);
        await page.WaitForURLAsync(url => url.EndsWith("/influencer", StringComparison.Ordinal));
        using var searches = new SearchCounter(app.Services, CacheScopes.Campaigns);

        await page.GotoInteractiveAsync("influencer/campaigns?q=nothing-like-this");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("0 campaigns");
        await page.WaitForTimeoutAsync(500);

        Assert.Equal(1, searches.Requested);
    }
}

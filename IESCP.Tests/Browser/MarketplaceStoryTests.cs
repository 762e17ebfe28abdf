using System.Text.RegularExpressions;
using IESCP.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static IESCP.Tests.Infrastructure.PageActions;

namespace IESCP.Tests.Browser;

/// <summary>The whole story as two people live it, each in their own browser.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class MarketplaceStoryTests(BrowserApp app, ITestOutputHelper output) : IDisposable
{
    private readonly IDisposable appLog = app.Log.ReportTo(output);

    [Fact]
    public async Task A_sponsor_and_an_influencer_negotiate_pay_deliver_complete_and_review()
    {
        var creatorName = $"Lumen {Guid.NewGuid():N}"[..14];
        var campaignName = $"Trail Launch {Guid.NewGuid():N}"[..20];
        var sponsorUser = await app.Users.SponsorAsync(name: "Northwind Gear");
        var influencerUser = await app.Users.InfluencerAsync(name: creatorName, category: "Travel", niche: "Adventure", followers: 88_000);

        // The sponsor creates a campaign.
        var sponsor = await app.NewPageAsync();
        await sponsor.LoginAsync(sponsorUser.Email, sponsorUser.Password);
        await sponsor.GotoInteractiveAsync("sponsor/campaigns");
        await sponsor.GetByRole(AriaRole.Button, new() { Name = "New campaign" }).ClickAsync();
        await sponsor.GetByLabel("Name", new() { Exact = true }).FillAsync(campaignName);
        await sponsor.GetByLabel("Description").FillAsync("Summer trail shoes, filmed outdoors.");
        await ChooseAsync(sponsor, "campaign-category", "Travel");
        await ChooseAsync(sponsor, "campaign-niche", "Adventure");
        await sponsor.GetByLabel("Budget (USD)").FillAsync("5000");
        await sponsor.GetByLabel("Goals").FillAsync("Reach hikers before the season.");
        await sponsor.GetByRole(AriaRole.Button, new() { Name = "Create campaign" }).ClickAsync();
        await Expect(sponsor.GetByRole(AriaRole.Heading, new() { Name = campaignName })).ToBeVisibleAsync();

        // The influencer has the inbox open before anything is sent to it.
        var influencer = await app.NewPageAsync();
        await influencer.LoginAsync(influencerUser.Email, influencerUser.Password);
        await influencer.GotoInteractiveAsync("influencer/requests");
        await Expect(influencer.GetByRole(AriaRole.Link, new() { Name = campaignName })).ToHaveCountAsync(0);

        // The sponsor finds the influencer and sends a request.
        await sponsor.GetByRole(AriaRole.Button, new() { Name = "Find influencers" }).ClickAsync();
        await Expect(sponsor).ToHaveURLAsync(new Regex("/sponsor/influencers\\?campaign=\\d+&niche=Adventure"));
        await sponsor.GetByLabel("Name or niche").FillAsync(creatorName);
        await sponsor.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(sponsor.GetByText("Niche match 40")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(sponsor, "sponsor-influencer-search");
        await sponsor.GetByRole(AriaRole.Button, new() { Name = $"Send request to {creatorName}" }).ClickAsync();
        var dialog = sponsor.Locator(".rz-dialog");
        await Expect(dialog.Locator(".rz-dropdown-label")).ToHaveTextAsync(campaignName);
        await dialog.GetByLabel("Payment (USD)").FillAsync("500");
        await dialog.GetByLabel("Requirements").FillAsync("One reel and two stories on a trail.");
        await dialog.GetByLabel("Message").FillAsync("We love your hikes!");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();
        await Expect(sponsor.GetByText("Request sent")).ToBeVisibleAsync();

        // It arrives in the open inbox without a reload.
        await Expect(influencer.GetByRole(AriaRole.Link, new() { Name = campaignName })).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(influencer, "influencer-inbox");

        // The sponsor opens the request and waits on it; the influencer opens it too.
        await sponsor.GotoInteractiveAsync("sponsor/requests");
        await sponsor.GetByRole(AriaRole.Link, new() { Name = campaignName }).ClickAsync();
        await Expect(sponsor.GetByText("Waiting for the influencer.")).ToBeVisibleAsync();
        await influencer.GetByRole(AriaRole.Link, new() { Name = campaignName }).ClickAsync();
        await Expect(influencer.GetByText("Your turn: accept, reject or make a counter-offer.")).ToBeVisibleAsync();

        // The influencer counters; the sponsor's open page shows the counter-offer arrive.
        await Expect(sponsor.GetByText("$650.00")).ToHaveCountAsync(0);
        await influencer.GetByRole(AriaRole.Button, new() { Name = "Counter-offer" }).ClickAsync();
        var counter = influencer.Locator(".rz-dialog");
        await counter.GetByLabel("Payment (USD)").FillAsync("650");
        await counter.GetByLabel("Message").FillAsync("Three stories for 650?");
        await counter.GetByRole(AriaRole.Button, new() { Name = "Send counter-offer" }).ClickAsync();
        await Expect(influencer.GetByText("Waiting for the sponsor.")).ToBeVisibleAsync();
        await Expect(sponsor.GetByText("“Three stories for 650?”")).ToBeVisibleAsync();
        await Expect(sponsor.GetByText("Your turn: accept, reject or make a counter-offer.")).ToBeVisibleAsync();

        // The sponsor accepts; the influencer's open page shows the request accepted.
        var influencerStatus = influencer.Locator(".page-heading .status-badge");
        await Expect(influencerStatus).ToHaveTextAsync("Negotiating");
        await sponsor.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await sponsor.Locator(".rz-dialog").GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await Expect(sponsor.GetByText("Your turn: pay to start the work.")).ToBeVisibleAsync();
        await Expect(influencerStatus).ToHaveTextAsync("Accepted");

        // ...pays on the demo payment page.
        await sponsor.GetByRole(AriaRole.Button, new() { Name = "Pay now" }).ClickAsync();
        await Expect(sponsor.GetByText("Demo payment.")).ToBeVisibleAsync();
        await sponsor.WaitForInteractiveAsync();
        await sponsor.GetByLabel("Name on card").FillAsync("Northwind Gear");
        await sponsor.GetByLabel("Card number").FillAsync("4242 4242 4242 4241");
        await sponsor.GetByLabel("Expiry (MM/YY)").FillAsync("12/30");
        await sponsor.GetByLabel("Security code").FillAsync("123");
        await sponsor.GetByRole(AriaRole.Button, new() { Name = "Pay $650.00" }).ClickAsync();
        await Expect(sponsor.GetByText("Enter a valid card number.")).ToBeVisibleAsync();
        await sponsor.GetByLabel("Card number").FillAsync("4242 4242 4242 4242");
        await sponsor.GetByRole(AriaRole.Button, new() { Name = "Pay $650.00" }).ClickAsync();
        await Expect(sponsor.GetByText(new Regex("receipt IESCP-\\d{6}"))).ToBeVisibleAsync();

        // The influencer, whose page updated by itself, delivers.
        await Expect(influencer.GetByText("Your turn: deliver the work and add the post's link.")).ToBeVisibleAsync();
        await influencer.GetByRole(AriaRole.Button, new() { Name = "Mark delivered" }).ClickAsync();
        await influencer.Locator(".rz-dialog").GetByLabel("Link to the published post").FillAsync("https://video.example/trail-reel");
        await influencer.Locator(".rz-dialog").GetByRole(AriaRole.Button, new() { Name = "Mark delivered" }).ClickAsync();
        await Expect(influencer.GetByRole(AriaRole.Link, new() { Name = "https://video.example/trail-reel" })).ToBeVisibleAsync();

        // The sponsor completes and reviews; the influencer reviews back.
        await Expect(sponsor.GetByText("Your turn: check the delivery and confirm completion.")).ToBeVisibleAsync();
        await sponsor.GetByRole(AriaRole.Button, new() { Name = "Confirm completion" }).ClickAsync();
        await sponsor.Locator(".rz-dialog").GetByRole(AriaRole.Button, new() { Name = "Complete" }).ClickAsync();
        await Expect(sponsor.GetByText("This request is completed.")).ToBeVisibleAsync();
        await ReviewAsync(sponsor, stars: 5, "Great reel, on time.");
        await Expect(influencer.GetByText("Great reel, on time.")).ToBeVisibleAsync();
        await ReviewAsync(influencer, stars: 4, "Clear brief, paid fast.");
        await Expect(sponsor.GetByText("Clear brief, paid fast.")).ToBeVisibleAsync();
        await Expect(sponsor.GetByRole(AriaRole.Button, new() { Name = "Review" })).ToHaveCountAsync(0);

        // The campaign's ledger shows the money spent.
        await sponsor.GotoInteractiveAsync("sponsor/campaigns");
        await sponsor.GetByRole(AriaRole.Link, new() { Name = campaignName }).ClickAsync();
        var ledger = sponsor.Locator(".ledger-facts");
        await Expect(ledger).ToContainTextAsync("Spent$650.00");
        await Expect(ledger).ToContainTextAsync("Available$4,350.00");
        await BrowserApp.ScreenshotAsync(sponsor, "sponsor-campaign");
    }

    /// <summary>Opens a Radzen drop-down (found by its labelled input's id) and picks an option.</summary>
    private static async Task ChooseAsync(IPage page, string inputId, string option)
    {
        await page.Locator($".rz-dropdown:has(input[id='{inputId}'])").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
    }

    private static async Task ReviewAsync(IPage page, int stars, string text)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Review" }).ClickAsync();
        var dialog = page.Locator(".rz-dialog");
        await dialog.GetByRole(AriaRole.Radio, new() { Name = $"Rate {stars}", Exact = true }).ClickAsync();
        await dialog.GetByLabel("Review", new() { Exact = true }).FillAsync(text);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Post review" }).ClickAsync();
        await Expect(page.GetByText(text)).ToBeVisibleAsync();
    }

    public void Dispose() => appLog.Dispose();
}

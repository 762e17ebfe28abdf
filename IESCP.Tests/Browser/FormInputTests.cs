using IESCP.Data.AdRequests;
using IESCP.Data.Campaigns;
using IESCP.Data.Influencers;
using IESCP.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static IESCP.Tests.Infrastructure.PageActions;

namespace IESCP.Tests.Browser;

/// <summary>What people mistype is refused next to the field, never turned silently into another value.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class FormInputTests(BrowserApp app, ITestOutputHelper output) : IDisposable
{
    private readonly IDisposable appLog = app.Log.ReportTo(output);

    [Fact]
    public async Task An_exponent_in_a_budget_and_an_impossible_date_are_refused_next_to_their_fields()
    {
        var sponsor = await app.Users.SponsorAsync();
        var page = await app.NewPageAsync();
        await page.LoginAsync(sponsor.Email, sponsor.Password);
        await page.GotoInteractiveAsync("sponsor/campaigns/new");

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Exponent launch");
        await page.GetByLabel("Budget (USD)").FillAsync("1e12");
        await page.GetByLabel("Start date").FillAsync("31 Feb 2027");
        await page.GetByLabel("Start date").PressAsync("Tab");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create campaign" }).ClickAsync();

        await Expect(FieldError(page, "campaign-budget")).ToHaveTextAsync("Enter an amount, like 1250.50.");
        await Expect(FieldError(page, "campaign-start")).ToContainTextAsync("Enter the start date as a real date");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/sponsor/campaigns/new$"));
        Assert.Equal(0, (await app.Get<CampaignRepository>().ListOwnAsync(sponsor.Actor, new CampaignListQuery())).TotalCount);
    }

    [Fact]
    public async Task An_exponent_in_a_counter_offer_is_refused_and_the_terms_stay()
    {
        var sponsor = await app.Users.SponsorAsync();
        var influencer = await app.Users.InfluencerAsync();
        var campaignId = (await app.Get<CampaignRepository>().CreateAsync(sponsor.Actor,
            Marketplace.Campaign(start: DateOnly.FromDateTime(DateTime.UtcNow)))).Value;
        var influencerId = (await app.Get<InfluencerRepository>().GetOwnProfileAsync(influencer.Actor))!.Id;
        var id = (await app.Get<AdRequestRepository>().SendAsync(sponsor.Actor, campaignId, influencerId, Marketplace.Offer(300m))).Value;
        var page = await app.NewPageAsync();
        await page.LoginAsync(influencer.Email, influencer.Password);
        await page.GotoInteractiveAsync($"requests/{id}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Counter-offer" }).ClickAsync();
        var dialog = page.Locator(".rz-dialog");
        await dialog.GetByLabel("Payment (USD)").FillAsync("1e15");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Send counter-offer" }).ClickAsync();

        await Expect(dialog.Locator(".form-field:has([id='offer-payment']) .field-error")).ToHaveTextAsync("Enter an amount, like 1250.50.");
        Assert.Equal(300m, (await app.Get<AdRequestRepository>().GetAsync(influencer.Actor, id))!.Summary.Payment);
    }

    /// <summary>
    /// Pressing Pay blurs the corrected card number, and the server clears the field's message
    /// while the button is still held down (a person's press lasts longer than that answer takes).
    /// The release must land on the button still: the message going must not move it.
    /// </summary>
    [Fact]
    public async Task A_corrected_card_is_paid_by_a_press_that_outlasts_its_message()
    {
        var sponsor = await app.Users.SponsorAsync();
        var influencer = await app.Users.InfluencerAsync();
        var campaignId = (await app.Get<CampaignRepository>().CreateAsync(sponsor.Actor,
            Marketplace.Campaign(start: DateOnly.FromDateTime(DateTime.UtcNow)))).Value;
        var influencerId = (await app.Get<InfluencerRepository>().GetOwnProfileAsync(influencer.Actor))!.Id;
        var requests = app.Get<AdRequestRepository>();
        var id = (await requests.SendAsync(sponsor.Actor, campaignId, influencerId, Marketplace.Offer(300m))).Value;
        Marketplace.Ok(await requests.AcceptAsync(influencer.Actor, id, seenRevision: 1));
        var page = await app.NewPageAsync();
        await page.LoginAsync(sponsor.Email, sponsor.Password);
        await page.GotoInteractiveAsync($"requests/{id}/pay");
        await page.GetByLabel("Name on card").FillAsync("Ada Lovelace");
        await page.GetByLabel("Card number").FillAsync("4242 4242 4242 4241");
        await page.GetByLabel("Expiry (MM/YY)").FillAsync("12/30");
        await page.GetByLabel("Security code").FillAsync("123");
        var pay = page.GetByRole(AriaRole.Button, new() { Name = "Pay $300.00" });
        await pay.ClickAsync();
        var refused = page.GetByText("Enter a valid card number.");
        await Expect(refused).ToBeVisibleAsync();

        await page.GetByLabel("Card number").FillAsync("4242 4242 4242 4242");
        await pay.HoverAsync();
        await page.Mouse.DownAsync();
        await Expect(refused).ToBeHiddenAsync(); // the server has answered the blur
        await page.Mouse.UpAsync();

        await Expect(page.GetByText(new System.Text.RegularExpressions.Regex("receipt IESCP-\\d{6}"))).ToBeVisibleAsync();
    }

    private static ILocator FieldError(IPage page, string inputId) => page.Locator($".form-field:has([id='{inputId}']) .field-error");

    public void Dispose() => appLog.Dispose();
}

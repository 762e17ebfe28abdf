using System.Net;
using IESCP.Data.AdRequests;
using IESCP.Data.Campaigns;
using IESCP.Data.Identity;
using IESCP.Data.Influencers;
using IESCP.Tests.Infrastructure;

namespace IESCP.Tests.Web;

/// <summary>
/// Whatever address is typed, a page shows only what belongs to the signed-in user: other
/// people's campaigns and requests read as "not found", other roles' pages are refused.
/// </summary>
[Trait("Category", "Integration")]
[Collection(AppCollection.Name)]
public sealed class OwnershipHttpTests(IescpApp app)
{
    [Fact]
    public async Task Pages_of_another_sponsors_campaign_and_request_show_nothing_of_them()
    {
        var (_, _, campaignId, requestId) = await DealAsync("Secret Summer Drop");
        var rival = await app.Users.SponsorAsync();
        using var session = await SignInAsync(rival);

        foreach (var path in new[] { $"/sponsor/campaigns/{campaignId}", $"/sponsor/campaigns/{campaignId}/edit", $"/requests/{requestId}", $"/requests/{requestId}/pay" })
        {
            var page = await ReadAsync(session, path);
            Assert.DoesNotContain("Secret Summer Drop", page);
        }

        Assert.Contains("Campaign not found", await ReadAsync(session, $"/sponsor/campaigns/{campaignId}"));
        Assert.Contains("Ad request not found", await ReadAsync(session, $"/requests/{requestId}"));
    }

    [Fact]
    public async Task An_influencer_sees_only_its_own_requests_and_no_sponsor_pages()
    {
        var (_, _, campaignId, requestId) = await DealAsync("Private Deal");
        var outsider = await app.Users.InfluencerAsync();
        using var session = await SignInAsync(outsider);

        Assert.Contains("Ad request not found", await ReadAsync(session, $"/requests/{requestId}"));
        var campaignPage = await session.GetAsync($"/sponsor/campaigns/{campaignId}");
        Assert.Equal(HttpStatusCode.Redirect, campaignPage.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", HttpSession.RedirectPath(campaignPage));
        var pay = await session.GetAsync($"/requests/{requestId}/pay");
        Assert.StartsWith("/Account/AccessDenied", HttpSession.RedirectPath(pay));
    }

    [Fact]
    public async Task The_pay_page_of_a_paid_request_shows_its_receipt_not_the_card_form()
    {
        var (owner, influencer, _, requestId) = await DealAsync("Paid Deal");
        using var session = await SignInAsync(owner);
        Assert.Contains("only an accepted request can be paid", await ReadAsync(session, $"/requests/{requestId}/pay"));
        var requests = app.Get<AdRequestRepository>();
        Assert.True((await requests.AcceptAsync(influencer.Actor, requestId, seenRevision: 1)).Succeeded);
        Assert.Contains("Name on card", await ReadAsync(session, $"/requests/{requestId}/pay"));

        Assert.True((await requests.PayAsync(owner.Actor, requestId, Marketplace.Card())).Succeeded);

        var page = await ReadAsync(session, $"/requests/{requestId}/pay");
        Assert.Contains("This request is already paid", page);
        Assert.Contains($"IESCP-{requestId:D6}", page);
        Assert.DoesNotContain("Name on card", page);
    }

    [Fact]
    public async Task A_pending_sponsor_is_sent_to_its_waiting_page_instead_of_an_influencers_profile()
    {
        var (_, influencer, _, _) = await DealAsync("Profile Deal");
        var influencerId = (await app.Get<InfluencerRepository>().GetOwnProfileAsync(influencer.Actor))!.Id;
        using var pending = await SignInAsync(await app.Users.SponsorAsync(approved: false));
        using var approved = await SignInAsync(await app.Users.SponsorAsync());

        var refused = await pending.GetAsync($"/influencers/{influencerId}");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("/sponsor/pending", HttpSession.RedirectPath(refused));
        // The profile itself is read once the page is live; the server lets an approved sponsor open the page.
        Assert.Contains("Loading profile", await ReadAsync(approved, $"/influencers/{influencerId}"));
    }

    [Fact]
    public async Task The_two_parties_both_read_their_request()
    {
        var (owner, influencer, _, requestId) = await DealAsync("Shared Deal");
        foreach (var user in new[] { owner, influencer })
        {
            using var session = await SignInAsync(user);
            Assert.Contains("Shared Deal", await ReadAsync(session, $"/requests/{requestId}"));
        }
    }

    private async Task<(TestUser Owner, TestUser Influencer, int CampaignId, int RequestId)> DealAsync(string campaignName)
    {
        var owner = await app.Users.SponsorAsync();
        var influencer = await app.Users.InfluencerAsync();
        var campaign = await app.Get<CampaignRepository>().CreateAsync(owner.Actor, Marketplace.Campaign(name: campaignName, visibility: CampaignVisibility.Private, start: DateOnly.FromDateTime(DateTime.UtcNow)));
        var influencerId = (await app.Get<InfluencerRepository>().GetOwnProfileAsync(influencer.Actor))!.Id;
        var request = await app.Get<AdRequestRepository>().SendAsync(owner.Actor, campaign.Value, influencerId, Marketplace.Offer(300m));
        Assert.True(request.Succeeded, request.Message);
        return (owner, influencer, campaign.Value, request.Value);
    }

    private Task<HttpSession> SignInAsync(TestUser user) =>
        HttpSession.SignedInAsync(app.BaseAddress, user.Email, user.Password, Roles.HomePath(user.Actor.Role));

    private static async Task<string> ReadAsync(HttpSession session, string path)
    {
        var response = await session.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}

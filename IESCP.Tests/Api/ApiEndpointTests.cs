using System.Net.Http.Json;
using IESCP.Data.Campaigns;
using IESCP.Data.Influencers;
using IESCP.Tests.Infrastructure;

namespace IESCP.Tests.Api;

/// <summary>Every API endpoint, answered by the same repositories (and so the same rules) as the pages.</summary>
[Trait("Category", "Integration")]
[Collection(AppCollection.Name)]
public sealed class ApiEndpointTests(IescpApp app)
{
    [Fact]
    public async Task A_sponsor_finds_an_influencer_sends_a_request_the_influencer_counters_and_the_sponsor_accepts()
    {
        var name = $"Api Creator {Guid.NewGuid():N}"[..20];
        var influencerUser = await app.Users.InfluencerAsync(name: name, category: "Fitness", niche: "Yoga", followers: 70_000);
        var sponsorUser = await app.Users.SponsorAsync();
        var campaignId = await CampaignAsync(sponsorUser, "Api Spring Yoga");
        var (sponsor, _) = await ApiClient.ForAsync(app, sponsorUser);
        var (influencer, _) = await ApiClient.ForAsync(app, influencerUser);
        using var s = sponsor;
        using var i = influencer;

        var found = await sponsor.GetOkAsync($"/api/v1/influencers?q={Uri.EscapeDataString(name)}&niche=Yoga&minFollowers=50000&maxFollowers=80000&sort=followers&page=1");
        var hit = found.GetProperty("items").EnumerateArray().Single();
        Assert.Equal(name, hit.GetProperty("name").GetString());
        Assert.Equal(1, found.GetProperty("totalCount").GetInt32());
        var influencerId = hit.GetProperty("id").GetInt32();
        Assert.Equal(name, (await sponsor.GetOkAsync($"/api/v1/influencers/{influencerId}")).GetProperty("name").GetString());
        Assert.Equal("Api Spring Yoga", (await sponsor.GetOkAsync("/api/v1/me/campaigns")).GetProperty("items")[0].GetProperty("name").GetString());
        Assert.Equal("Api Spring Yoga", (await sponsor.GetOkAsync($"/api/v1/campaigns/{campaignId}")).GetProperty("name").GetString());

        var sent = await sponsor.PostAsync("/api/v1/ad-requests", new { campaignId, influencerId, payment = 400m, requirements = "Two reels", message = "Hi" });
        Assert.Equal(201, (int)sent.StatusCode);
        var requestId = (await sponsor.OkAsync(sent)).GetProperty("summary").GetProperty("id").GetInt32();
        Assert.Equal($"/api/v1/ad-requests/{requestId}", sent.Headers.Location?.OriginalString);

        var inbox = await influencer.GetOkAsync("/api/v1/me/ad-requests?status=Pending");
        Assert.Equal(requestId, inbox.GetProperty("items")[0].GetProperty("id").GetInt32());
        var countered = await influencer.OkAsync(await influencer.PostAsync($"/api/v1/ad-requests/{requestId}/counter",
            new { seenRevision = 1, payment = 450m, requirements = "Two reels", message = "A bit more?" }));
        Assert.Equal("Negotiating", countered.GetProperty("summary").GetProperty("status").GetString());

        var accepted = await sponsor.OkAsync(await sponsor.PostAsync($"/api/v1/ad-requests/{requestId}/accept", new { seenRevision = 2 }));
        Assert.Equal("Accepted", accepted.GetProperty("summary").GetProperty("status").GetString());
        Assert.Equal(2, (await influencer.GetOkAsync($"/api/v1/ad-requests/{requestId}")).GetProperty("revisions").GetArrayLength());
    }

    [Fact]
    public async Task A_search_answered_from_the_cache_is_the_same_json_until_a_save_changes_it()
    {
        var name = $"Api Cached {Guid.NewGuid():N}"[..20];
        var influencerUser = await app.Users.InfluencerAsync(name: name, category: "Fitness", niche: "Yoga", followers: 70_000);
        var (sponsor, _) = await ApiClient.ForAsync(app, await app.Users.SponsorAsync());
        using var s = sponsor;
        var path = $"/api/v1/influencers?q={Uri.EscapeDataString(name)}";

        var first = await sponsor.GetAsync(path);
        var firstJson = await sponsor.OkAsync(first);
        var again = await sponsor.GetAsync(path);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(70_000, firstJson.GetProperty("items").EnumerateArray().Single().GetProperty("followers").GetInt64());

        var saved = await app.Get<InfluencerRepository>().UpdateOwnProfileAsync(influencerUser.Actor,
            new ProfileInput { Name = name, Category = "Fitness", Niche = "Yoga", Followers = 71_000, Platforms = "", Bio = "" });
        Assert.True(saved.Succeeded, saved.Message);

        var after = await sponsor.GetOkAsync(path);
        Assert.Equal(71_000, after.GetProperty("items").EnumerateArray().Single().GetProperty("followers").GetInt64());
    }

    [Fact]
    public async Task An_influencer_searches_campaigns_applies_and_withdraws_and_a_sponsor_rejects_another()
    {
        var sponsorUser = await app.Users.SponsorAsync();
        var title = $"Api Listed {Guid.NewGuid():N}"[..19];
        var campaignId = await CampaignAsync(sponsorUser, title);
        var (influencer, _) = await ApiClient.ForAsync(app, await app.Users.InfluencerAsync());
        var (sponsor, _) = await ApiClient.ForAsync(app, sponsorUser);
        using var i = influencer;
        using var s = sponsor;

        var found = await influencer.GetOkAsync($"/api/v1/campaigns?q={Uri.EscapeDataString(title)}&category=Technology&niche=Gadgets&minBudget=100&maxBudget=5000&sort=budget");
        Assert.Equal(campaignId, found.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetInt32());
        Assert.Equal(title, (await influencer.GetOkAsync($"/api/v1/campaigns/{campaignId}")).GetProperty("name").GetString());

        var applied = await influencer.OkAsync(await influencer.PostAsync("/api/v1/ad-requests", new { campaignId, payment = 200m, requirements = "One post" }));
        var requestId = applied.GetProperty("summary").GetProperty("id").GetInt32();
        var withdrawn = await influencer.OkAsync(await influencer.PostAsync($"/api/v1/ad-requests/{requestId}/withdraw"));
        Assert.Equal("Withdrawn", withdrawn.GetProperty("summary").GetProperty("status").GetString());

        var again = await influencer.OkAsync(await influencer.PostAsync("/api/v1/ad-requests", new { campaignId, payment = 150m, requirements = "One post" }));
        var secondId = again.GetProperty("summary").GetProperty("id").GetInt32();
        var rejected = await sponsor.OkAsync(await sponsor.PostAsync($"/api/v1/ad-requests/{secondId}/reject", new { reason = "Not this time" }));
        Assert.Equal("Rejected", rejected.GetProperty("summary").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Other_peoples_requests_and_campaigns_read_as_not_found_and_other_roles_are_refused()
    {
        var owner = await app.Users.SponsorAsync();
        var influencerUser = await app.Users.InfluencerAsync();
        var campaignId = await CampaignAsync(owner, "Api Private", CampaignVisibility.Private);
        var (ownerClient, _) = await ApiClient.ForAsync(app, owner);
        var (rival, _) = await ApiClient.ForAsync(app, await app.Users.SponsorAsync());
        var (stranger, _) = await ApiClient.ForAsync(app, await app.Users.InfluencerAsync());
        var (pending, _) = await ApiClient.ForAsync(app, await app.Users.SponsorAsync(approved: false));
        using var o = ownerClient;
        using var r = rival;
        using var st = stranger;
        using var p = pending;
        var influencerId = (await app.Get<IESCP.Data.Influencers.InfluencerRepository>().GetOwnProfileAsync(influencerUser.Actor))!.Id;
        var sent = await ownerClient.OkAsync(await ownerClient.PostAsync("/api/v1/ad-requests",
            new { campaignId, influencerId, payment = 100m, requirements = "One post" }));
        var requestId = sent.GetProperty("summary").GetProperty("id").GetInt32();

        await ApiClient.ProblemAsync(await rival.GetAsync($"/api/v1/ad-requests/{requestId}"), 404);
        await ApiClient.ProblemAsync(await rival.GetAsync($"/api/v1/campaigns/{campaignId}"), 404);
        await ApiClient.ProblemAsync(await stranger.GetAsync($"/api/v1/campaigns/{campaignId}"), 404);
        await ApiClient.ProblemAsync(await stranger.PostAsync($"/api/v1/ad-requests/{requestId}/accept", new { seenRevision = 1 }), 404);
        Assert.Equal(0, (await rival.GetOkAsync("/api/v1/me/ad-requests")).GetProperty("totalCount").GetInt32());
        await ApiClient.ProblemAsync(await stranger.GetAsync("/api/v1/influencers"), 403);
        await ApiClient.ProblemAsync(await rival.GetAsync("/api/v1/campaigns"), 403);
        await ApiClient.ProblemAsync(await pending.GetAsync("/api/v1/influencers"), 403);
        await ApiClient.ProblemAsync(await stranger.GetAsync("/api/v1/me/campaigns"), 403);
    }

    [Fact]
    public async Task Bad_input_is_answered_with_problem_details_naming_the_field()
    {
        var sponsorUser = await app.Users.SponsorAsync();
        var campaignId = await CampaignAsync(sponsorUser, "Api Bad Input");
        var influencerId = (await app.Get<IESCP.Data.Influencers.InfluencerRepository>().GetOwnProfileAsync((await app.Users.InfluencerAsync()).Actor))!.Id;
        var (sponsor, _) = await ApiClient.ForAsync(app, sponsorUser);
        var (influencer, _) = await ApiClient.ForAsync(app, await app.Users.InfluencerAsync());
        using var s = sponsor;
        using var i = influencer;

        await ApiClient.ProblemAsync(await sponsor.GetAsync("/api/v1/influencers?minFollowers=lots"), 400);
        var sort = await ApiClient.ProblemAsync(await sponsor.GetAsync("/api/v1/influencers?sort=1"), 400);
        Assert.True(sort.GetProperty("errors").TryGetProperty("sort", out _));
        var text = await ApiClient.ProblemAsync(await sponsor.GetAsync($"/api/v1/influencers?q={new string('x', 201)}"), 400);
        Assert.True(text.GetProperty("errors").TryGetProperty("q", out _));
        var budget = await ApiClient.ProblemAsync(await influencer.GetAsync("/api/v1/campaigns?maxBudget=1e30"), 400);
        var huge = await ApiClient.ProblemAsync(await influencer.GetAsync("/api/v1/campaigns?maxBudget=10000000000000"), 400);
        Assert.True(huge.GetProperty("errors").TryGetProperty("maxBudget", out _));
        var payment = await ApiClient.ProblemAsync(await sponsor.PostAsync("/api/v1/ad-requests",
            new { campaignId, influencerId, payment = 0m, requirements = "" }), 400);
        Assert.True(payment.GetProperty("errors").TryGetProperty("payment", out _));
        Assert.True(payment.GetProperty("errors").TryGetProperty("requirements", out _));
        await ApiClient.ProblemAsync(await sponsor.PostAsync("/api/v1/ad-requests", new { campaignId, payment = 10m, requirements = "x" }), 400);
        await ApiClient.ProblemAsync(await sponsor.PostAsync($"/api/v1/ad-requests/999999/withdraw"), 404);
        await ApiClient.ProblemAsync(await sponsor.GetAsync("/api/v1/influencers/999999"), 404);
        await ApiClient.ProblemAsync(await sponsor.GetAsync("/api/v1/no-such-thing"), 404);
        Assert.Equal(400, budget.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api()
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var document = await http.GetFromJsonAsync<System.Text.Json.JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        Assert.Contains("/api/v1/influencers", paths);
        Assert.Contains("/api/v1/campaigns", paths);
        Assert.Contains("/api/v1/influencers/{id}", paths);
        Assert.Contains("/api/v1/ad-requests/{id}/accept", paths);
        Assert.DoesNotContain(paths, p => !p.StartsWith("/api/v1/", StringComparison.Ordinal));
    }

    private async Task<int> CampaignAsync(TestUser sponsor, string name, CampaignVisibility visibility = CampaignVisibility.Public)
    {
        var input = Marketplace.Campaign(budget: 2_000m, visibility: visibility, name: name, start: DateOnly.FromDateTime(DateTime.UtcNow));
        var created = await app.Get<CampaignRepository>().CreateAsync(sponsor.Actor, input);
        Assert.True(created.Succeeded, created.Message);
        return created.Value;
    }
}

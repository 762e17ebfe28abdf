using IESCP.Data.Admin;
using IESCP.Data.ApiTokens;
using IESCP.Tests.Infrastructure;

namespace IESCP.Tests.Api;

/// <summary>API calls are signed in by a user's token only: a valid one works, a revoked or suspended one does not, a cookie never does.</summary>
[Trait("Category", "Integration")]
[Collection(AppCollection.Name)]
public sealed class ApiAuthenticationTests(IescpApp app)
{
    [Fact]
    public async Task Without_a_token_or_with_a_made_up_one_the_api_answers_401_problem_details()
    {
        using var anonymous = new ApiClient(app.BaseAddress, null);
        using var forged = new ApiClient(app.BaseAddress, "iescp_" + new string('A', 43));

        foreach (var client in new[] { anonymous, forged })
        {
            var response = await client.GetAsync("/api/v1/campaigns");
            var problem = await ApiClient.ProblemAsync(response, 401);
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
            Assert.Contains("Settings", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_signed_in_browser_cookie_does_not_authorize_an_api_call()
    {
        var sponsor = await app.Users.SponsorAsync();
        using var browser = await HttpSession.SignedInAsync(app.BaseAddress, sponsor.Email, sponsor.Password, "/sponsor");

        await ApiClient.ProblemAsync(await browser.GetAsync("/api/v1/influencers"), 401);
    }

    [Fact]
    public async Task A_token_works_until_its_owner_revokes_it_and_only_its_owner_can()
    {
        var sponsor = await app.Users.SponsorAsync();
        var other = await app.Users.SponsorAsync();
        var (client, token) = await ApiClient.ForAsync(app, sponsor, "reporting");
        using var _ = client;
        var tokens = app.Get<ApiTokenRepository>();
        await client.GetOkAsync("/api/v1/influencers");

        Assert.False((await tokens.RevokeAsync(other.Actor, token.Id)).Succeeded);
        await client.GetOkAsync("/api/v1/influencers");
        Assert.Equal(["reporting"], (await tokens.ListAsync(sponsor.Actor)).Select(t => t.Name));
        Assert.Empty(await tokens.ListAsync(other.Actor));

        Assert.True((await tokens.RevokeAsync(sponsor.Actor, token.Id)).Succeeded);
        await ApiClient.ProblemAsync(await client.GetAsync("/api/v1/influencers"), 401);
        Assert.Empty(await tokens.ListAsync(sponsor.Actor));
    }

    [Fact]
    public async Task The_token_of_a_suspended_account_stops_working_at_once()
    {
        var influencer = await app.Users.InfluencerAsync();
        var (client, _) = await ApiClient.ForAsync(app, influencer);
        using var _ = client;
        await client.GetOkAsync("/api/v1/campaigns");

        var flagged = await app.Get<ModerationRepository>().FlagUserAsync(await app.Users.AdminAsync(), influencer.UserId, new ReasonInput { Reason = "Spam" });
        Assert.True(flagged.Succeeded, flagged.Message);

        await ApiClient.ProblemAsync(await client.GetAsync("/api/v1/campaigns"), 401);
    }

    [Fact]
    public async Task Only_a_hash_of_the_token_is_stored()
    {
        var sponsor = await app.Users.SponsorAsync();
        var (client, token) = await ApiClient.ForAsync(app, sponsor);
        client.Dispose();

        var bytes = await File.ReadAllBytesAsync(app.DatabaseFile);
        var wal = File.Exists(app.DatabaseFile + "-wal") ? await File.ReadAllBytesAsync(app.DatabaseFile + "-wal") : [];
        var secret = System.Text.Encoding.UTF8.GetBytes(token.Token);
        Assert.Equal(-1, bytes.AsSpan().IndexOf(secret));
        Assert.Equal(-1, wal.AsSpan().IndexOf(secret));
    }
}

using IESCP.Data.ChatWebhooks;
using IESCP.Data.Identity;
using IESCP.Tests.Infrastructure;

namespace IESCP.Tests.ChatWebhooks;

/// <summary>Which webhook URLs a user may save: Google Chat's own, over https; a loopback one only where configured.</summary>
[Trait("Category", "Integration")]
public sealed class ChatWebhookSettingsTests : DatabaseTest
{
    private const string Google = "https://chat.googleapis.com/v1/spaces/AAAAbc123/messages?key=k-1&token=t-2";

    [Theory]
    [InlineData("http://chat.googleapis.com/v1/spaces/AAAA/messages?key=k&token=t")]
    [InlineData("https://chat.googleapis.com.evil.example/v1/spaces/AAAA/messages")]
    [InlineData("https://evil.example/v1/spaces/AAAA/messages")]
    [InlineData("https://chat.googleapis.com/v1/users/AAAA")]
    [InlineData("http://127.0.0.1:9999/v1/spaces/AAAA/messages")]
    [InlineData("not a url")]
    public async Task Anything_but_a_google_chat_webhook_is_refused(string url)
    {
        var influencer = await Db.CreateInfluencerAsync();

        var result = await Db.Get<ChatWebhookRepository>().SaveAsync(influencer, url);

        Assert.Equal([("Url", ChatWebhookRules.Invalid)], result.Errors);
        Assert.Null(await Db.Get<ChatWebhookRepository>().GetOwnAsync(influencer));
    }

    [Fact]
    public async Task A_google_chat_webhook_is_saved_replaced_and_removed_by_its_owner_only()
    {
        var sponsor = await Db.CreateSponsorAsync();
        var webhooks = Db.Get<ChatWebhookRepository>();

        Assert.True((await webhooks.SaveAsync(sponsor, Google)).Succeeded);
        Assert.Equal(Google, await webhooks.GetOwnAsync(sponsor));
        Assert.Null(await webhooks.GetOwnAsync(await Db.CreateInfluencerAsync()));
        Assert.True((await webhooks.SaveAsync(sponsor, "")).Succeeded);
        Assert.Null(await webhooks.GetOwnAsync(sponsor));
        await Assert.ThrowsAsync<ForbiddenException>(() => webhooks.SaveAsync(new Actor(sponsor.UserId, Roles.Admin), Google));
        Assert.Equal("https://chat.googleapis.com/v1/spaces/AAAAbc123/messages?…", ChatWebhookRules.Mask(Google));
    }

    [Fact]
    public void A_loopback_webhook_is_accepted_only_where_configured()
    {
        const string loopback = "http://127.0.0.1:9999/v1/spaces/AAAA/messages";

        Assert.Null(ChatWebhookRules.Refusal(loopback, allowLoopback: true));
        Assert.NotNull(ChatWebhookRules.Refusal(loopback, allowLoopback: false));
        Assert.NotNull(ChatWebhookRules.Refusal("http://localhost:9999/v1/spaces/AAAA/messages", allowLoopback: true));
    }
}

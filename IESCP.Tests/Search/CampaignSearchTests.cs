using IESCP.Data.AdRequests;
using IESCP.Data.Campaigns;
using IESCP.Data.Identity;
using IESCP.Data.Search;
using IESCP.Tests.Infrastructure;

namespace IESCP.Tests.Search;

[Trait("Category", "Integration")]
public sealed class CampaignSearchTests : DatabaseTest
{
    [Fact]
    public async Task Lists_only_public_current_campaigns_of_approved_sponsors_in_good_standing()
    {
        var sponsor = await Db.CreateSponsorAsync("Good Sponsor");
        var influencer = await Db.CreateInfluencerAsync();
        await Db.AddCampaignAsync(sponsor, c => c.Name = "Listed");
        await Db.AddCampaignAsync(sponsor, c => (c.Name, c.StartDate, c.EndDate) = ("Ends today", Today.AddDays(-10), Today));
        await Db.AddCampaignAsync(sponsor, c => (c.Name, c.Visibility) = ("Private", CampaignVisibility.Private));
        await Db.AddCampaignAsync(sponsor, c => (c.Name, c.StartDate, c.EndDate) = ("Ended", Today.AddDays(-10), Today.AddDays(-1)));
        await Db.AddCampaignAsync(sponsor, c => (c.Name, c.DeletedAt) = ("Deleted", Db.Clock.GetUtcNow().UtcDateTime));
        await Db.AddCampaignAsync(sponsor, c => (c.Name, c.IsFlagged) = ("Flagged", true));
        await Db.AddCampaignAsync(await Db.CreateSponsorAsync(approved: false), c => c.Name = "Pending sponsor");
        var flaggedSponsor = await Db.CreateSponsorAsync();
        await Db.AddCampaignAsync(flaggedSponsor, c => c.Name = "Flagged sponsor");
        await Db.FlagAsync(flaggedSponsor);

        var page = await Db.Get<CampaignSearch>().SearchAsync(influencer, new() { Sort = CampaignSearchSort.EndingSoon });

        Assert.Equal(["Ends today", "Listed"], page.Items.Select(c => c.Name));
        Assert.Equal(2, page.TotalCount);
        Assert.Equal("Good Sponsor", page.Items[0].SponsorName);
    }

    [Fact]
    public async Task Filters_by_category_niche_budget_in_dollars_and_text()
    {
        var sponsor = await Db.CreateSponsorAsync();
        var influencer = await Db.CreateInfluencerAsync();
        await Db.AddCampaignAsync(sponsor, c => (c.Name, c.BudgetCents) = ("Gadgets 500", 50_000));
        await Db.AddCampaignAsync(sponsor, c => (c.Name, c.Niche, c.BudgetCents) = ("AI 2500", "AI", 250_000));
        await Db.AddCampaignAsync(sponsor, c => (c.Name, c.Category, c.Niche, c.Description) = ("Food", "Food", "Baking", "Summer cakes"));

        Assert.Equal(["AI 2500"], await NamesAsync(influencer, new() { Niche = "AI" }));
        Assert.Equal(["AI 2500", "Gadgets 500"], await NamesAsync(influencer, new() { Category = "Technology", Sort = CampaignSearchSort.Budget }));
        Assert.Equal(["AI 2500"], await NamesAsync(influencer, new() { MinBudget = 500.01m, MaxBudget = 2_500m }));
        Assert.Equal(["Food"], await NamesAsync(influencer, new() { Text = "SUMMER" }));
        Assert.Equal(["Food"], await NamesAsync(influencer, new() { Text = "bak" }));
    }

    [Fact]
    public async Task Shows_the_budget_left_and_pages_newest_first()
    {
        var sponsor = await Db.CreateSponsorAsync();
        var influencer = await Db.CreateInfluencerAsync();
        var first = await Db.AddCampaignAsync(sponsor, c => (c.Name, c.BudgetCents, c.CommittedCents) = ("First", 100_000, 30_000));
        await Db.AddCampaignAsync(sponsor, c => c.Name = "Second");
        await Db.AddCampaignAsync(sponsor, c => c.Name = "Third");

        var search = Db.Get<CampaignSearch>();
        var page = await search.SearchAsync(influencer, new() { PageSize = 2, Page = 2 });

        var only = Assert.Single(page.Items);
        Assert.Equal((first, 3, 100_000L, 70_000L), (only.Id, page.TotalCount, only.BudgetCents, only.AvailableCents));
    }

    [Fact]
    public async Task Only_influencers_may_search_campaigns()
    {
        var sponsor = await Db.CreateSponsorAsync();
        var campaign = await Db.AddCampaignAsync(sponsor);

        await Assert.ThrowsAsync<ForbiddenException>(() => Db.Get<CampaignSearch>().SearchAsync(sponsor, new()));
        await Assert.ThrowsAsync<ForbiddenException>(() => Db.Get<CampaignSearch>().GetCampaignForInfluencerAsync(sponsor, campaign));
    }

    [Fact]
    public async Task A_private_campaign_shows_only_to_influencers_who_have_a_request_on_it()
    {
        var sponsor = await Db.CreateSponsorAsync();
        var asked = await Db.CreateInfluencerAsync();
        var stranger = await Db.CreateInfluencerAsync();
        var secret = await Db.AddCampaignAsync(sponsor, c => (c.Name, c.Visibility) = ("Secret", CampaignVisibility.Private));
        var open = await Db.AddCampaignAsync(sponsor, c => c.Name = "Open");
        await Db.AddAdRequestAsync(secret, asked, AdRequestStatus.Rejected);
        var search = Db.Get<CampaignSearch>();

        Assert.Equal("Secret", (await search.GetCampaignForInfluencerAsync(asked, secret))?.Name);
        Assert.Null(await search.GetCampaignForInfluencerAsync(stranger, secret));
        Assert.Equal("Open", (await search.GetCampaignForInfluencerAsync(stranger, open))?.Name);
        Assert.DoesNotContain("Secret", await NamesAsync(asked, new()));
    }

    private async Task<string[]> NamesAsync(Actor influencer, CampaignSearchQuery query) =>
        [.. (await Db.Get<CampaignSearch>().SearchAsync(influencer, query)).Items.Select(c => c.Name)];

    private DateOnly Today => Db.Clock.Today;
}

using IESCP.Data.AdRequests;
using IESCP.Data.Identity;
using IESCP.Data.Influencers;
using IESCP.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IESCP.Tests.Influencers;

[Trait("Category", "Integration")]
public sealed class ProfileTests : DatabaseTest
{
    [Fact]
    public async Task A_niche_outside_the_category_is_an_error_on_the_niche_and_changes_nothing()
    {
        var influencer = await Db.CreateInfluencerAsync("Ada Lens", "Technology", "AI");
        var input = ValidInput();
        input.Category = "Food";
        input.Niche = "AI";
        var tooLong = ValidInput();
        tooLong.Bio = new string('x', 2_001);
        var profiles = Db.Get<InfluencerRepository>();

        var result = await profiles.UpdateOwnProfileAsync(influencer, input);
        var tooLongResult = await profiles.UpdateOwnProfileAsync(influencer, tooLong);

        Assert.False(result.Succeeded);
        Assert.Equal([(nameof(ProfileInput.Niche), "Choose a niche of Food.")], result.Errors);
        Assert.Equal([nameof(ProfileInput.Bio)], tooLongResult.Errors.Select(e => e.Field));
        Assert.Equal("AI", (await Db.Get<InfluencerRepository>().GetOwnProfileAsync(influencer))!.Niche);
    }

    [Fact]
    public async Task An_influencer_updates_its_own_profile_and_display_name()
    {
        var influencer = await Db.CreateInfluencerAsync("Old Name");

        var result = await Db.Get<InfluencerRepository>().UpdateOwnProfileAsync(influencer, ValidInput());

        Assert.True(result.Succeeded);
        var profile = await Db.Get<InfluencerRepository>().GetOwnProfileAsync(influencer);
        Assert.Equal(("New Name", "Food", "Baking", 4_200L, "Instagram @newname", "I bake."),
            (profile!.Name, profile.Category, profile.Niche, profile.Followers, profile.Platforms, profile.Bio));
        await using var db = await Db.ContextAsync();
        Assert.Equal("New Name", await db.Users.Where(u => u.Id == influencer.UserId).Select(u => u.DisplayName).SingleAsync());
        await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await Db.Get<InfluencerRepository>().UpdateOwnProfileAsync(await Db.CreateSponsorAsync(), ValidInput()));
    }

    [Fact]
    public async Task The_public_profile_shows_ratings_and_the_latest_reviews_with_reviewer_names()
    {
        var sponsor = await Db.CreateSponsorAsync("Acme Gadgets");
        var influencer = await Db.CreateInfluencerAsync("Ada Lens");
        var request = await Db.AddAdRequestAsync(await Db.AddCampaignAsync(sponsor), influencer, AdRequestStatus.Completed);
        await Db.AddReviewAsync(request, sponsor, influencer, 4, "Great unboxing.");
        await Db.AddReviewAsync(request, influencer, sponsor, 2, "Paid late.");
        await Db.SetTrackRecordAsync(influencer, received: 3, accepted: 2, completed: 1, ratingSum: 4, ratingCount: 1);

        var profile = await Db.Get<InfluencerRepository>().GetPublicProfileAsync(sponsor, await Db.InfluencerIdAsync(influencer));

        Assert.Equal(("Ada Lens", 4.0, 1, 3, 2, 1), (profile!.Name, profile.AverageRating, profile.RatingCount,
            profile.RequestsReceived, profile.RequestsAccepted, profile.RequestsCompleted));
        var review = Assert.Single(profile.LatestReviews);
        Assert.Equal((4, "Great unboxing.", "Acme Gadgets"), (review.Rating, review.Text, review.ReviewerName));
    }

    [Fact]
    public async Task A_flagged_influencer_is_hidden_from_all_but_admins()
    {
        var influencer = await Db.CreateInfluencerAsync();
        await Db.FlagAsync(influencer);
        var id = await Db.InfluencerIdAsync(influencer);
        var profiles = Db.Get<InfluencerRepository>();

        Assert.Null(await profiles.GetPublicProfileAsync(await Db.CreateSponsorAsync(), id));
        Assert.NotNull(await profiles.GetPublicProfileAsync(await Db.AdminAsync(), id));
    }

    [Fact]
    public async Task Approved_sponsors_visits_count_once_a_day_week_by_week_and_a_pending_sponsor_sees_nothing()
    {
        var influencer = await Db.CreateInfluencerAsync();
        var id = await Db.InfluencerIdAsync(influencer);
        var thisWeek = ProfileViewWeek.WeekOf(Db.Clock.Today);
        await using (var db = await Db.ContextAsync())
        {
            db.ProfileViewWeeks.Add(new ProfileViewWeek { InfluencerId = id, WeekStart = thisWeek.AddDays(-14), Views = 7 });
            await db.SaveChangesAsync();
        }

        var profiles = Db.Get<InfluencerRepository>();
        var sponsors = new[] { await Db.CreateSponsorAsync(), await Db.CreateSponsorAsync(), await Db.CreateSponsorAsync() };
        // Five visits each, all at once: three sponsors, three views.
        await Task.WhenAll(sponsors.SelectMany(s => Enumerable.Range(0, 5).Select(_ => profiles.GetPublicProfileAsync(s, id))));
        await profiles.GetPublicProfileAsync(await Db.AdminAsync(), id);
        await profiles.GetPublicProfileAsync(await Db.CreateInfluencerAsync(), id);
        await profiles.GetPublicProfileAsync(influencer, id);
        var pending = await Db.CreateSponsorAsync(approved: false);
        Assert.Null(await profiles.GetPublicProfileAsync(pending, id));
        // The next day the same sponsor's visit counts again.
        Db.Clock.Advance(TimeSpan.FromDays(1));
        await profiles.GetPublicProfileAsync(sponsors[0], id);
        await profiles.GetPublicProfileAsync(sponsors[0], id);

        var weeks = await profiles.GetOwnProfileViewsAsync(influencer, weeks: 4);

        Assert.Equal([(thisWeek.AddDays(-21), 0), (thisWeek.AddDays(-14), 7), (thisWeek.AddDays(-7), 0), (thisWeek, 4)],
            weeks.Select(w => (w.WeekStart, w.Views)));
        Assert.Equal(DayOfWeek.Monday, thisWeek.DayOfWeek);
        Assert.Equal(12, (await profiles.GetOwnProfileViewsAsync(influencer)).Count);
        await Assert.ThrowsAsync<ForbiddenException>(() => profiles.GetOwnProfileViewsAsync(sponsors[0]));
    }

    private static ProfileInput ValidInput() => new()
    {
        Name = "New Name",
        Category = "Food",
        Niche = "Baking",
        Followers = 4_200,
        Platforms = "Instagram @newname",
        Bio = "I bake.",
    };
}

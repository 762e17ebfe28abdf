using IESCP.Data.Identity;
using IESCP.Data.Influencers;
using IESCP.Data.Sponsors;
using IESCP.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IESCP.Tests.Identity;

[Trait("Category", "Integration")]
public sealed class RegistrationTests : IClassFixture<TestDatabase>
{
    private readonly TestDatabase db;

    public RegistrationTests(TestDatabase db) => this.db = db;

    [Fact]
    public async Task A_new_sponsor_is_pending_until_an_admin_approves_it()
    {
        var sponsor = await db.CreateSponsorAsync(approved: false);
        var sponsors = db.Get<SponsorRepository>();
        Assert.Equal(ApprovalStatus.Pending, await sponsors.GetStatusAsync(sponsor.UserId));

        var profile = await sponsors.GetOwnProfileAsync(sponsor);
        await sponsors.DecideAsync(await db.AdminAsync(), profile!.Id, ApprovalStatus.Approved);

        Assert.Equal(ApprovalStatus.Approved, await sponsors.GetStatusAsync(sponsor.UserId));
    }

    [Fact]
    public async Task Only_an_admin_may_approve_a_sponsor()
    {
        var sponsor = await db.CreateSponsorAsync(approved: false);
        var profile = await db.Get<SponsorRepository>().GetOwnProfileAsync(sponsor);

        await Assert.ThrowsAsync<ForbiddenException>(() =>
            db.Get<SponsorRepository>().DecideAsync(sponsor, profile!.Id, ApprovalStatus.Approved));
        Assert.Equal(ApprovalStatus.Pending, await db.Get<SponsorRepository>().GetStatusAsync(sponsor.UserId));
    }

    [Fact]
    public async Task An_influencer_gets_its_profile_and_role()
    {
        var influencer = await db.CreateInfluencerAsync(name: "Ada Lens", niche: "AI", followers: 1234);
        var profile = await db.Get<InfluencerRepository>().GetOwnProfileAsync(influencer);
        Assert.Equal(("Ada Lens", "Technology", "AI", 1234L), (profile!.Name, profile.Category, profile.Niche, profile.Followers));
    }

    [Fact]
    public async Task A_taken_email_is_accepted_like_a_new_one_and_changes_nothing_while_a_weak_password_is_reported_either_way()
    {
        using var scope = db.Services.CreateScope();
        var registration = scope.ServiceProvider.GetRequiredService<AccountRegistration>();
        var created = await registration.RegisterInfluencerAsync(NewInfluencer("taken@iescp.test", "Strong#Pass1"));
        Assert.True(created.Succeeded);
        Assert.False(created.User!.EmailConfirmed);

        var taken = await registration.RegisterInfluencerAsync(NewInfluencer("TAKEN@iescp.test", "Other#Pass2"));
        var weakNew = await registration.RegisterInfluencerAsync(NewInfluencer("weak@iescp.test", "weakpassword"));
        var weakTaken = await registration.RegisterInfluencerAsync(NewInfluencer("taken@iescp.test", "weakpassword"));

        Assert.True(taken.Succeeded);
        Assert.Null(taken.User);
        Assert.Equal(created.User.Id, taken.ExistingUser?.Id);
        Assert.Contains(weakNew.Errors, e => e.Field == nameof(Registration.Password));
        Assert.Equal(weakNew.Errors, weakTaken.Errors);
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ApplicationUser>>();
        Assert.Null(await users.FindByEmailAsync("weak@iescp.test"));
        var owner = (await users.FindByEmailAsync("taken@iescp.test"))!;
        Assert.True(await users.CheckPasswordAsync(owner, "Strong#Pass1"));
        Assert.False(await registration.ConfirmEmailAsync(owner.Id, "not-the-code"));
        Assert.True(await registration.ConfirmEmailAsync(owner.Id, await registration.ConfirmationCodeAsync(owner)));
    }

    [Fact]
    public async Task A_niche_outside_the_chosen_category_is_refused()
    {
        var input = NewInfluencer("mismatch@iescp.test", "Strong#Pass1");
        input.Category = "Food";
        input.Niche = "AI";
        using var scope = db.Services.CreateScope();

        var result = await scope.ServiceProvider.GetRequiredService<AccountRegistration>().RegisterInfluencerAsync(input);

        Assert.Equal([(nameof(InfluencerRegistration.Niche), "Choose a niche of Food.")], result.Errors);
    }

    [Fact]
    public async Task An_undefined_sponsor_type_and_fractions_of_a_cent_are_refused_not_stored()
    {
        var input = new SponsorRegistration
        {
            Name = "Odd Values Inc",
            Industry = "Retail",
            Kind = (SponsorKind)99,
            Budget = 0.001m,
            Email = $"odd-{Guid.NewGuid():N}@iescp.test",
            Password = "Strong#Pass1",
            ConfirmPassword = "Strong#Pass1",
        };
        using var scope = db.Services.CreateScope();

        var result = await scope.ServiceProvider.GetRequiredService<AccountRegistration>().RegisterSponsorAsync(input);

        Assert.Equal(
            [(nameof(SponsorRegistration.Budget), "Amounts are in dollars and cents: at most two decimals."),
             (nameof(SponsorRegistration.Kind), "Choose company or individual.")],
            result.Errors.OrderBy(e => e.Field));
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ApplicationUser>>();
        Assert.Null(await users.FindByEmailAsync(input.Email));
    }

    private static InfluencerRegistration NewInfluencer(string email, string password) => new()
    {
        Name = "Test Creator",
        Category = "Technology",
        Niche = "Gadgets",
        Followers = 10,
        Email = email,
        Password = password,
        ConfirmPassword = password,
    };
}

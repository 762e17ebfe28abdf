using IESCP.Data.Identity;
using IESCP.Data.Sponsors;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace IESCP.Tests.Infrastructure;

/// <summary>A user created through the real sign-up service, with the password to sign in with.</summary>
public sealed record TestUser(Actor Actor, string Email, string Password, string Name)
{
    public string UserId => Actor.UserId;
}

/// <summary>Creates users of each role through the app's own services, their emails confirmed.</summary>
public sealed class TestUsers(IServiceProvider services)
{
    public const string SponsorPassword = "Sponsor#1";
    public const string InfluencerPassword = "Influencer#1";

    public async Task<Actor> AdminAsync()
    {
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var admin = (await users.GetUsersInRoleAsync(Roles.Admin)).Single();
        return new Actor(admin.Id, Roles.Admin);
    }

    /// <summary>A sponsor, approved by the admin unless asked otherwise.</summary>
    public async Task<TestUser> SponsorAsync(string? name = null, bool approved = true, decimal budget = 50_000m)
    {
        var input = new SponsorRegistration
        {
            Name = name ?? Unique("Sponsor"),
            Industry = "Retail",
            Budget = budget,
            Kind = SponsorKind.Company,
            Email = $"sponsor-{Guid.NewGuid():N}@iescp.test",
            Password = SponsorPassword,
            ConfirmPassword = SponsorPassword,
        };
        var user = await RegisterAsync(input, Roles.Sponsor, r => r.RegisterSponsorAsync(input));
        if (approved)
        {
            var sponsors = services.GetRequiredService<SponsorRepository>();
            var sponsorId = (await sponsors.GetOwnProfileAsync(user.Actor))!.Id;
            await sponsors.DecideAsync(await AdminAsync(), sponsorId, ApprovalStatus.Approved);
        }

        return user;
    }

    public Task<TestUser> InfluencerAsync(string? name = null, string category = "Technology", string niche = "Gadgets", long followers = 25_000)
    {
        var input = new InfluencerRegistration
        {
            Name = name ?? Unique("Influencer"),
            Category = category,
            Niche = niche,
            Followers = followers,
            Email = $"influencer-{Guid.NewGuid():N}@iescp.test",
            Password = InfluencerPassword,
            ConfirmPassword = InfluencerPassword,
        };
        return RegisterAsync(input, Roles.Influencer, r => r.RegisterInfluencerAsync(input));
    }

    private static string Unique(string prefix) => $"{prefix} {Guid.NewGuid():N}"[..(prefix.Length + 9)];

    private async Task<TestUser> RegisterAsync(Registration input, string role, Func<AccountRegistration, Task<RegistrationResult>> register)
    {
        using var scope = services.CreateScope();
        var registration = scope.ServiceProvider.GetRequiredService<AccountRegistration>();
        var result = await register(registration);
        Assert.True(result.User is not null, string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
        // Signing in needs a confirmed email: confirmed here as its emailed link would.
        Assert.True(await registration.ConfirmEmailAsync(result.User.Id, await registration.ConfirmationCodeAsync(result.User)));
        return new TestUser(new Actor(result.User.Id, role), input.Email, input.Password, input.Name);
    }
}

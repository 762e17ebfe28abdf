using IESCP.Data.Caching;
using IESCP.Data.Influencers;
using IESCP.Data.Live;
using IESCP.Data.Notifications;
using IESCP.Data.Sponsors;
using Microsoft.AspNetCore.Identity;

namespace IESCP.Data.Identity;

/// <summary>The outcome of a sign-up: the new user, or the errors by field ("" for the whole form).</summary>
public sealed record RegistrationResult(ApplicationUser? User, IReadOnlyList<(string Field, string Message)> Errors)
{
    public bool Succeeded => User is not null;
}

/// <summary>Creates a user, its role and its profile in one transaction.</summary>
public sealed class AccountRegistration(UserManager<ApplicationUser> users, IescpDbContext db, ILiveEvents events, TimeProvider clock, ReadCache cache)
{
    /// <summary>A new sponsor waits for an admin: each admin is notified, and every open admin page hears of it at once.</summary>
    public async Task<RegistrationResult> RegisterSponsorAsync(SponsorRegistration input)
    {
        // Checked before anything is read from the input (a missing name, a budget out of range).
        if (CommandResult.Validate(input, clock) is { Succeeded: false } invalid)
        {
            return Failed(invalid.Errors);
        }

        var sponsor = new Sponsor
        {
            Name = input.Name.Trim(),
            Kind = input.Kind,
            Industry = input.Industry.Trim(),
            BudgetCents = Money.ToCents(input.Budget),
            Status = ApprovalStatus.Pending,
        };
        var result = await RegisterAsync(input, Roles.Sponsor, async user =>
        {
            sponsor.UserId = user.Id;
            db.Sponsors.Add(sponsor);
            var kind = input.Kind == SponsorKind.Company ? "company" : "individual";
            foreach (var admin in await users.GetUsersInRoleAsync(Roles.Admin))
            {
                db.Notify(admin.Id, NotificationKind.Account, $"{sponsor.Name} ({kind}, {sponsor.Industry}) signed up as a sponsor and waits for approval.",
                    "admin/sponsors");
            }
        });
        if (result.Succeeded)
        {
            await cache.BumpAsync(CacheScopes.Statistics);
            events.Publish(new SponsorSignedUp(sponsor.Id));
            events.PublishNotified(db);
        }

        return result;
    }

    /// <summary>A new influencer can work at once; the admins' figures count it.</summary>
    public async Task<RegistrationResult> RegisterInfluencerAsync(InfluencerRegistration input)
    {
        if (CommandResult.Validate(input, clock) is { Succeeded: false } invalid)
        {
            return Failed(invalid.Errors);
        }

        var influencer = new Influencer
        {
            Name = input.Name.Trim(),
            Category = input.Category,
            Niche = input.Niche,
            Followers = input.Followers,
        };
        var result = await RegisterAsync(input, Roles.Influencer, user =>
        {
            influencer.UserId = user.Id;
            db.Influencers.Add(influencer);
            return Task.CompletedTask;
        });
        if (result.Succeeded)
        {
            await cache.BumpAsync(CacheScopes.Influencers, CacheScopes.Statistics);
            events.Publish(new InfluencerSignedUp(influencer.Id));
        }

        return result;
    }

    /// <summary>Creates the user of an input already validated, in its role, with the profile <paramref name="addProfile"/> adds.</summary>
    private async Task<RegistrationResult> RegisterAsync(Registration input, string role, Func<ApplicationUser, Task> addProfile)
    {
        var user = new ApplicationUser
        {
            UserName = input.Email.Trim(),
            Email = input.Email.Trim(),
            DisplayName = input.Name.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };

        await using var transaction = await db.Database.BeginTransactionAsync();
        var created = await users.CreateAsync(user, input.Password);
        if (!created.Succeeded)
        {
            // The user name is the email, so "user name taken" would repeat "email taken".
            return Failed(created.Errors.Where(e => e.Code != "DuplicateUserName").Select(e => (FieldOf(e), e.Description)));
        }

        var inRole = await users.AddToRoleAsync(user, role);
        if (!inRole.Succeeded)
        {
            return Failed(inRole.Errors.Select(e => ("", e.Description)));
        }

        await addProfile(user);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return new RegistrationResult(user, []);
    }

    private static RegistrationResult Failed(IEnumerable<(string, string)> errors) => new(null, [.. errors]);

    private static string FieldOf(IdentityError error) => error.Code switch
    {
        _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => nameof(Registration.Password),
        "DuplicateUserName" or "DuplicateEmail" or "InvalidEmail" or "InvalidUserName" => nameof(Registration.Email),
        _ => "",
    };
}

using IESCP.Data.Caching;
using IESCP.Data.Influencers;
using IESCP.Data.Live;
using IESCP.Data.Notifications;
using IESCP.Data.Sponsors;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IESCP.Data.Identity;

/// <summary>
/// The outcome of a sign-up: the errors by field ("" for the whole form) when the input is not
/// valid; otherwise the form is accepted, and either <see cref="User"/> is the new account (its
/// email still to confirm) or <see cref="ExistingUser"/> already had that email and is left as it
/// was. The visitor gets the same answer either way ("check your email"), so the form tells no
/// one which emails have accounts; only the email sent differs.
/// </summary>
public sealed record RegistrationResult(ApplicationUser? User, IReadOnlyList<(string Field, string Message)> Errors, ApplicationUser? ExistingUser = null)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>Creates a user, its role and its profile in one transaction; and confirms its email later.</summary>
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
        if (result.User is not null)
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
        if (result.User is not null)
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
        IdentityResult created;
        try
        {
            // The password is checked and hashed before the email is, so a taken email costs the
            // same time as a new one.
            created = await users.CreateAsync(user, input.Password);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // Someone signed up with the same email a moment earlier.
            created = IdentityResult.Failed(new IdentityError { Code = "DuplicateUserName" });
        }

        if (!created.Succeeded)
        {
            // The user name is the email, so "user name taken" would repeat "email taken"; and a
            // taken email is no error at all: it is answered like a new one (see RegistrationResult).
            var errors = created.Errors.Where(e => e.Code is not ("DuplicateUserName" or "DuplicateEmail")).ToList();
            if (errors.Count > 0)
            {
                return Failed(errors.Select(e => (FieldOf(e), e.Description)));
            }

            await transaction.RollbackAsync();
            db.ChangeTracker.Clear();
            return new RegistrationResult(null, [], await users.FindByEmailAsync(user.Email));
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

    /// <summary>The code an emailed link carries to confirm the account's email (valid for a day).</summary>
    public Task<string> ConfirmationCodeAsync(ApplicationUser user) => users.GenerateEmailConfirmationTokenAsync(user);

    /// <summary>Confirms an account's email with the code of its link: false for an unknown account, or a wrong or expired code.</summary>
    public async Task<bool> ConfirmEmailAsync(string userId, string code)
    {
        var user = await users.FindByIdAsync(userId);
        return user is not null && (await users.ConfirmEmailAsync(user, code)).Succeeded;
    }

    private static RegistrationResult Failed(IEnumerable<(string, string)> errors) => new(null, [.. errors]);

    private static string FieldOf(IdentityError error) => error.Code switch
    {
        _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => nameof(Registration.Password),
        "InvalidEmail" or "InvalidUserName" => nameof(Registration.Email),
        _ => "",
    };
}

using System.Linq.Expressions;
using IESCP.Data.Campaigns;
using IESCP.Data.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace IESCP.Data.AdRequests;

/// <summary>What a command step works with: its context and transaction, the request as found, the acting side.</summary>
internal sealed record CommandStep(IescpDbContext Db, RequestState Request, Party By, string UserId, DateTime Now)
{
    /// <summary>
    /// Updates the request only if it still matches <paramref name="onlyIf"/>, so a concurrent
    /// change can never be overwritten; true when it did.
    /// </summary>
    public async Task<bool> UpdateRequestAsync(Expression<Func<AdRequest, bool>> onlyIf, Action<UpdateSettersBuilder<AdRequest>> set) =>
        await Db.AdRequests.Where(r => r.Id == Request.Id).Where(onlyIf)
            .ExecuteUpdateAsync(setters =>
            {
                set(setters);
                setters.SetProperty(r => r.UpdatedAt, Now);
            }) == 1;

    public Task<int> UpdateCampaignAsync(Expression<Func<Campaign, bool>> onlyIf, Action<UpdateSettersBuilder<Campaign>> set) =>
        Db.Campaigns.Where(c => c.Id == Request.CampaignId).Where(onlyIf)
            .ExecuteUpdateAsync(setters =>
            {
                set(setters);
                setters.SetProperty(c => c.UpdatedAt, Now);
            });
}

/// <summary>
/// Runs a command on one existing request: one context and one transaction per command, the
/// request read as one of its two parties (anyone else finds nothing), the step's conditional
/// updates, commit only on success, then the live notification.
/// </summary>
internal sealed class AdRequestCommandRunner(IDbContextFactory<IescpDbContext> contexts, AdRequestNotifier notifier, TimeProvider clock)
{
    public static readonly CommandResult NotFound = CommandResult.Fail("This ad request was not found.");

    public IDbContextFactory<IescpDbContext> Contexts => contexts;

    public AdRequestNotifier Notifier => notifier;

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public CommandResult Validate(object input) => CommandResult.Validate(input, clock);

    public async Task<CommandResult> RunAsync(Actor actor, int requestId, object? input, Func<CommandStep, Task<CommandResult>> step)
    {
        var by = AdRequestAccess.PartyOf(actor);
        if (input is not null && Validate(input) is { Succeeded: false } invalid)
        {
            return invalid;
        }

        await using var db = await contexts.CreateDbContextAsync();
        // On SQLite this is BEGIN IMMEDIATE: commands on the file run one after another, and
        // the conditional updates keep the rules on databases that interleave more.
        await using var transaction = await db.Database.BeginTransactionAsync();
        var request = await db.AdRequests.OfParty(actor).Where(r => r.Id == requestId)
            .Select(RequestState.FromEntity)
            .FirstOrDefaultAsync();
        if (request is null)
        {
            return NotFound;
        }

        var result = await step(new CommandStep(db, request, by, actor.UserId, Now));
        if (!result.Succeeded)
        {
            return result; // disposing the transaction rolls back whatever the step changed
        }

        await transaction.CommitAsync();
        await notifier.NotifyAsync(new AdRequestChange(request.Id, request.SponsorUserId, request.InfluencerUserId));
        return result;
    }
}

/// <summary>Who may see a request: its sponsor and its influencer, nobody else.</summary>
internal static class AdRequestAccess
{
    public static Party PartyOf(Actor actor) => actor.Role switch
    {
        Roles.Sponsor => Party.Sponsor,
        Roles.Influencer => Party.Influencer,
        _ => throw new ForbiddenException("Only sponsors and influencers take part in ad requests."),
    };

    public static IQueryable<AdRequest> OfParty(this IQueryable<AdRequest> requests, Actor actor)
    {
        var userId = actor.UserId;
        return PartyOf(actor) == Party.Sponsor
            ? requests.Where(r => r.Campaign!.Sponsor!.UserId == userId)
            : requests.Where(r => r.Influencer!.UserId == userId);
    }
}

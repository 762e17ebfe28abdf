using IESCP.Data.Campaigns;
using IESCP.Data.Identity;
using IESCP.Data.Influencers;
using IESCP.Data.Sponsors;
using Microsoft.EntityFrameworkCore;

namespace IESCP.Data.AdRequests;

/// <summary>
/// The commands of an ad request, from the opening offer to completion. Every command checks
/// the actor's side and the request's state inside its transaction and changes rows only
/// through conditional updates; a refusal comes back as a <see cref="CommandResult"/> message.
/// </summary>
public sealed partial class AdRequestRepository
{
    private const string AlreadyOpen = "An open request for this campaign and influencer already exists.";

    private readonly AdRequestCommandRunner commands;

    public AdRequestRepository(IDbContextFactory<IescpDbContext> contexts, AdRequestNotifier notifier, TimeProvider clock) =>
        commands = new AdRequestCommandRunner(contexts, notifier, clock);

    /// <summary>A sponsor offers a request on its own campaign to an influencer. Returns the request id.</summary>
    public Task<CommandResult<int>> SendAsync(Actor actor, int campaignId, int influencerId, OfferInput offer)
    {
        actor.Require(Roles.Sponsor);
        return OpenAsync(actor, Party.Sponsor, offer,
            db => db.Campaigns.Where(c => c.Id == campaignId && c.DeletedAt == null
                && c.Sponsor!.UserId == actor.UserId && c.Sponsor.Status == ApprovalStatus.Approved),
            db => db.Influencers.Where(i => i.Id == influencerId),
            "That influencer was not found.");
    }

    /// <summary>An influencer asks to join a listed campaign, proposing terms. Returns the request id.</summary>
    public Task<CommandResult<int>> ApplyAsync(Actor actor, int campaignId, OfferInput offer)
    {
        actor.Require(Roles.Influencer);
        // A private campaign is offered by its sponsor, never applied to: it is "not found" here.
        return OpenAsync(actor, Party.Influencer, offer,
            db => db.Campaigns.Where(c => c.Id == campaignId && c.DeletedAt == null && c.Visibility == CampaignVisibility.Public),
            db => db.Influencers.Where(i => i.UserId == actor.UserId),
            "Your influencer profile was not found.");
    }

    /// <summary>Opens a request with its first revision, if the campaign and both users may take part.</summary>
    private async Task<CommandResult<int>> OpenAsync(
        Actor actor, Party by, OfferInput offer,
        Func<IescpDbContext, IQueryable<Campaign>> findCampaign,
        Func<IescpDbContext, IQueryable<Influencer>> findInfluencer,
        string influencerNotFound)
    {
        if (commands.Validate(offer) is { Succeeded: false } invalid)
        {
            return CommandResult<int>.Failure(invalid);
        }

        await using var db = await commands.Contexts.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var campaign = await findCampaign(db)
            .Select(c => new { c.Id, c.EndDate, c.IsFlagged, SponsorUserId = c.Sponsor!.UserId, SponsorFlagged = c.Sponsor.User!.IsFlagged })
            .FirstOrDefaultAsync();
        var influencer = await findInfluencer(db).Select(i => new { i.Id, i.UserId, i.User!.IsFlagged }).FirstOrDefaultAsync();
        var now = commands.Now;
        var refusal = campaign is null ? CampaignRepository.NotFound.Message
            : influencer is null ? influencerNotFound
            : campaign.IsFlagged ? "This campaign is flagged for review; it can't take new requests."
            : campaign.EndDate < DateOnly.FromDateTime(now) ? "This campaign has ended; it can't take new requests."
            : campaign.SponsorFlagged ? "This sponsor is flagged for review and can't take part in new requests."
            : influencer.IsFlagged ? "This influencer is flagged for review and can't take part in new requests."
            : await db.AdRequests.AnyAsync(r => r.CampaignId == campaign.Id && r.InfluencerId == influencer.Id
                && (r.Status == AdRequestStatus.Pending || r.Status == AdRequestStatus.Negotiating
                    || r.Status == AdRequestStatus.Accepted || r.Status == AdRequestStatus.Paid)) ? AlreadyOpen
            : null;
        if (refusal is not null)
        {
            return CommandResult<int>.Failure(CommandResult.Fail(refusal));
        }

        var request = new AdRequest
        {
            CampaignId = campaign!.Id,
            InfluencerId = influencer!.Id,
            InitiatedBy = by,
            Status = AdRequestStatus.Pending,
            PaymentCents = offer.PaymentCents,
            Requirements = offer.TrimmedRequirements,
            LatestRevision = 1,
            LatestBy = by,
            Revisions = [NewRevision(1, by, actor.UserId, offer, now)],
        };
        db.AdRequests.Add(request);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return CommandResult<int>.Failure(CommandResult.Fail(AlreadyOpen));
        }

        await db.Influencers.Where(i => i.Id == influencer.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.RequestsReceived, i => i.RequestsReceived + 1));
        await transaction.CommitAsync();
        await commands.Notifier.NotifyAsync(new AdRequestChange(request.Id, campaign.SponsorUserId, influencer.UserId));
        return CommandResult<int>.Success(request.Id);
    }

    private static AdRequestRevision NewRevision(int number, Party by, string userId, OfferInput offer, DateTime now) => new()
    {
        Number = number,
        By = by,
        AuthorUserId = userId,
        PaymentCents = offer.PaymentCents,
        Requirements = offer.TrimmedRequirements,
        Message = offer.TrimmedMessage,
        CreatedAt = now,
    };
}

using System.Globalization;
using IESCP.Data.Caching;
using IESCP.Data.Campaigns;
using IESCP.Data.Database;
using IESCP.Data.Identity;
using IESCP.Data.Influencers;
using IESCP.Data.Live;
using IESCP.Data.Notifications;
using IESCP.Data.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace IESCP.Data.AdRequests;

/// <summary>
/// Everything done with ad requests, from the opening offer to the reviews: each party's list,
/// one request's thread, and every move. A move reads the request as one of its two parties
/// (anyone else finds nothing) inside its transaction, checks the move's rules
/// (<see cref="AdRequestRules"/>) on it, and changes it by an UPDATE guarded by the same rules;
/// the other party's open pages hear of it once the transaction commits.
/// </summary>
public sealed class AdRequestRepository(IDbContextFactory<IescpDbContext> contexts, ILiveEvents events, TimeProvider clock, ReadCache cache)
{
    public const string NotFoundMessage = "This ad request was not found.";

    public const string InfluencerNotFoundMessage = "That influencer was not found.";

    private const string AlreadyOpen = "An open request for this campaign and influencer already exists.";

    /// <summary>The actor's requests: an influencer's inbox, or a sponsor's requests across its campaigns; only those waiting for its move if asked.</summary>
    public async Task<PagedResult<AdRequestSummary>> ListAsync(Actor actor, AdRequestListQuery query)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var requests = db.AdRequests.OfParty(actor);
        if (query.Status is { } status)
        {
            requests = requests.Where(r => r.Status == status);
        }

        if (query.CampaignId is { } campaignId)
        {
            requests = requests.Where(r => r.CampaignId == campaignId);
        }

        if (query.YourTurn)
        {
            requests = requests.Where(AdRequestRules.WaitsFor(actor.AsParty()));
        }

        if (Querying.ContainsPattern(query.Text) is { } pattern)
        {
            requests = requests.Where(r => EF.Functions.Like(r.Campaign!.Name, pattern, @"\")
                || EF.Functions.Like(r.Campaign.Sponsor!.Name, pattern, @"\")
                || EF.Functions.Like(r.Influencer!.Name, pattern, @"\"));
        }

        var sorted = query.Sort switch
        {
            AdRequestSort.Created => requests.Sort(r => r.CreatedAt, query.Descending),
            AdRequestSort.Payment => requests.Sort(r => r.PaymentCents, query.Descending),
            AdRequestSort.Status => requests.Sort(r => r.Status, query.Descending),
            AdRequestSort.Campaign => requests.Sort(r => r.Campaign!.Name, query.Descending),
            _ => requests.Sort(r => r.UpdatedAt, query.Descending),
        };
        return await sorted.ThenBy(r => r.Id)
            .Select(r => new AdRequestSummary(r.Id, r.CampaignId, r.Campaign!.Name, r.Campaign.Sponsor!.Name, r.InfluencerId,
                r.Influencer!.Name, r.Status, Money.FromCents(r.PaymentCents), r.Requirements, r.LatestRevision, r.LatestBy,
                r.InitiatedBy, AdRequestRules.WaitingFor(r.Status, r.LatestBy, r.DeliveredAt), r.UpdatedAt))
            .ToPageAsync(query.Page, query.PageSize);
    }

    /// <summary>The request with its thread, receipt and reviews; null for anyone but its two parties.</summary>
    public async Task<AdRequestDetail?> GetAsync(Actor actor, int requestId)
    {
        var viewer = actor.AsParty();
        await using var db = await contexts.CreateDbContextAsync();
        var row = await db.AdRequests.AsNoTracking().OfParty(actor).Where(r => r.Id == requestId)
            .Select(r => new
            {
                Request = r,
                CampaignName = r.Campaign!.Name,
                SponsorName = r.Campaign.Sponsor!.Name,
                InfluencerName = r.Influencer!.Name,
                CampaignDeleted = r.Campaign.DeletedAt != null,
                Revisions = r.Revisions.OrderBy(v => v.Number)
                    .Select(v => new AdRequestRevisionView(v.Number, v.By, Money.FromCents(v.PaymentCents), v.Requirements, v.Message, v.CreatedAt))
                    .ToList(),
                Receipt = r.Payment == null
                    ? null
                    : new PaymentReceipt(r.Payment.ReceiptNumber, Money.FromCents(r.Payment.AmountCents), r.Payment.CardBrand,
                        r.Payment.CardLast4, r.Payment.PaidAt),
                Reviews = r.Reviews.OrderBy(v => v.By).Select(v => new ReviewView(v.By, v.Rating, v.Text, v.CreatedAt)).ToList(),
            })
            .AsSplitQuery()
            .FirstOrDefaultAsync();
        if (row is null)
        {
            return null;
        }

        var r = row.Request;
        var summary = new AdRequestSummary(r.Id, r.CampaignId, row.CampaignName, row.SponsorName, r.InfluencerId, row.InfluencerName,
            r.Status, Money.FromCents(r.PaymentCents), r.Requirements, r.LatestRevision, r.LatestBy, r.InitiatedBy,
            AdRequestRules.WaitingFor(r.Status, r.LatestBy, r.DeliveredAt), r.UpdatedAt);
        return new AdRequestDetail(summary, viewer, row.CampaignDeleted, r.DeliveryUrl, r.DeliveredAt, r.AcceptedAt, r.PaidAt,
            r.CompletedAt, r.ClosedReason, r.CreatedAt, row.Revisions, row.Receipt, row.Reviews,
            AdRequestRules.ActionsFor(r, viewer, reviewed: row.Reviews.Any(v => v.By == viewer)));
    }

    /// <summary>A sponsor offers a request on its own campaign to an influencer. Returns the request id.</summary>
    public Task<CommandResult<int>> SendAsync(Actor actor, int campaignId, int influencerId, OfferInput offer)
    {
        actor.Require(Roles.Sponsor);
        return OpenAsync(actor, Party.Sponsor, offer,
            db => db.Campaigns.Where(c => c.Id == campaignId && c.DeletedAt == null && c.Sponsor!.UserId == actor.UserId),
            db => db.Influencers.Where(i => i.Id == influencerId),
            InfluencerNotFoundMessage);
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

    /// <summary>The sponsor revises its opening offer before the influencer answers; a new revision.</summary>
    public Task<CommandResult> EditAsync(Actor actor, int requestId, OfferInput offer) =>
        MoveAsync(actor, requestId, AdRequestRules.Edit, seenRevision: null, offer, step => step.ReviseAsync(offer, AdRequestStatus.Pending));

    /// <summary>
    /// The side whose turn it is proposes new terms. <paramref name="seenRevision"/> is the
    /// revision the caller answers: if the other side moved meanwhile the counter-offer is refused.
    /// </summary>
    public Task<CommandResult> CounterAsync(Actor actor, int requestId, int seenRevision, OfferInput offer) =>
        MoveAsync(actor, requestId, AdRequestRules.Counter, seenRevision, offer, step =>
            offer.PaymentCents == step.Request.PaymentCents && offer.TrimmedRequirements == step.Request.Requirements
                ? Task.FromResult(CommandResult.Fail("Change the payment or the requirements to make a counter-offer."))
                : step.ReviseAsync(offer, AdRequestStatus.Negotiating));

    /// <summary>The side that opened the request takes it back while it is still being negotiated.</summary>
    public Task<CommandResult> WithdrawAsync(Actor actor, int requestId) =>
        MoveAsync(actor, requestId, AdRequestRules.Withdraw, seenRevision: null, input: null, step =>
            step.UpdateAsync(set => set.SetProperty(r => r.Status, AdRequestStatus.Withdrawn)));

    /// <summary>
    /// The side that did not write the latest revision accepts it. In one transaction the request
    /// becomes Accepted and its payment is committed on the campaign, only if the campaign can
    /// still take it (<see cref="CampaignRules.CanCommit"/>); otherwise nothing changes and the reason is returned.
    /// </summary>
    public Task<CommandResult> AcceptAsync(Actor actor, int requestId, int seenRevision) =>
        MoveAsync(actor, requestId, AdRequestRules.Accept, seenRevision, input: null, async step =>
        {
            if (await step.UpdateAsync(set => set.SetProperty(r => r.Status, AdRequestStatus.Accepted).SetProperty(r => r.AcceptedAt, step.Now))
                is { Succeeded: false } moved)
            {
                return moved;
            }

            var amount = step.Request.PaymentCents;
            var campaign = step.Db.Campaigns.Where(c => c.Id == step.Request.CampaignId);
            step.Touched.Add(CacheScopes.Campaigns);
            if (await campaign.Where(CampaignRules.CanCommit(amount))
                    .UpdateAsync(step.Db, set => set.SetProperty(c => c.CommittedCents, c => c.CommittedCents + amount)) == 0)
            {
                return CommandResult.Fail(CampaignRules.WhyNotCommitted(await campaign.AsNoTracking().SingleAsync(), amount));
            }

            await step.CountForInfluencerAsync(set => set.SetProperty(i => i.RequestsAccepted, i => i.RequestsAccepted + 1));
            return CommandResult.Ok;
        });

    /// <summary>The side that did not write the latest revision turns it down, optionally saying why.</summary>
    public Task<CommandResult> RejectAsync(Actor actor, int requestId, string? reason = null) =>
        MoveAsync(actor, requestId, AdRequestRules.Reject, seenRevision: null, input: null, step =>
        {
            step.Reason = Clean(reason);
            return ReasonError(reason, required: false) is { } invalid
                ? Task.FromResult(invalid)
                : step.UpdateAsync(set => set.SetProperty(r => r.Status, AdRequestStatus.Rejected).SetProperty(r => r.ClosedReason, Clean(reason)));
        });

    /// <summary>The sponsor calls off an accepted, unpaid request; its committed money is released.</summary>
    public Task<CommandResult> CancelAsync(Actor actor, int requestId, string reason) =>
        MoveAsync(actor, requestId, AdRequestRules.Cancel, seenRevision: null, input: null, async step =>
        {
            step.Reason = Clean(reason);
            if ((ReasonError(reason, required: true)
                    ?? await step.UpdateAsync(set => set.SetProperty(r => r.Status, AdRequestStatus.Cancelled).SetProperty(r => r.ClosedReason, Clean(reason))))
                is { Succeeded: false } refused)
            {
                return refused;
            }

            var amount = step.Request.PaymentCents;
            await step.UpdateCampaignAsync(set => set.SetProperty(c => c.CommittedCents, c => c.CommittedCents - amount));
            return CommandResult.Ok;
        });

    /// <summary>
    /// The sponsor pays an accepted request with the simulated card form: the request becomes
    /// Paid, the campaign's spent grows (committed already holds the amount) and a receipt is
    /// written with only the card's brand and last four digits.
    /// </summary>
    public Task<CommandResult> PayAsync(Actor actor, int requestId, PaymentInput card) =>
        MoveAsync(actor, requestId, AdRequestRules.Pay, seenRevision: null, card, async step =>
        {
            if (await step.UpdateAsync(set => set.SetProperty(r => r.Status, AdRequestStatus.Paid).SetProperty(r => r.PaidAt, step.Now))
                is { Succeeded: false } moved)
            {
                return moved;
            }

            var request = step.Request;
            await step.UpdateCampaignAsync(set => set.SetProperty(c => c.SpentCents, c => c.SpentCents + request.PaymentCents));
            step.Db.Payments.Add(new Payment
            {
                AdRequestId = request.Id,
                AmountCents = request.PaymentCents,
                CardBrand = card.Brand,
                CardLast4 = card.Last4,
                // One payment per request, so the request's number is a unique receipt number.
                ReceiptNumber = string.Create(CultureInfo.InvariantCulture, $"IESCP-{request.Id:D6}"),
                PaidAt = step.Now,
                PayerUserId = step.Actor.UserId,
            });
            await step.Db.SaveChangesAsync();
            return CommandResult.Ok;
        });

    /// <summary>
    /// The influencer hands in the work of a paid request as a link. It may hand it in again
    /// (a corrected link) until the sponsor completes the request.
    /// </summary>
    public Task<CommandResult> DeliverAsync(Actor actor, int requestId, string deliveryUrl) =>
        MoveAsync(actor, requestId, AdRequestRules.Deliver, seenRevision: null, input: null, step =>
        {
            var url = deliveryUrl?.Trim() ?? "";
            return url.Length > 500 || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
                ? Task.FromResult(CommandResult.Fail("DeliveryUrl", "Enter the full link to the work, starting with https:// (at most 500 characters)."))
                : step.UpdateAsync(set => set.SetProperty(r => r.DeliveryUrl, url).SetProperty(r => r.DeliveredAt, step.Now));
        });

    /// <summary>The sponsor confirms a delivered request; it counts as completed for the influencer.</summary>
    public Task<CommandResult> CompleteAsync(Actor actor, int requestId) =>
        MoveAsync(actor, requestId, AdRequestRules.Complete, seenRevision: null, input: null, async step =>
        {
            if (await step.UpdateAsync(set => set.SetProperty(r => r.Status, AdRequestStatus.Completed).SetProperty(r => r.CompletedAt, step.Now))
                is { Succeeded: false } moved)
            {
                return moved;
            }

            await step.CountForInfluencerAsync(set => set.SetProperty(i => i.RequestsCompleted, i => i.RequestsCompleted + 1));
            return CommandResult.Ok;
        });

    /// <summary>After completion each side rates the other once; the rating joins the reviewee's totals in the same transaction.</summary>
    public Task<CommandResult> ReviewAsync(Actor actor, int requestId, ReviewInput input) =>
        MoveAsync(actor, requestId, AdRequestRules.Review, seenRevision: null, input, async step =>
        {
            var request = step.Request;
            step.Rating = input.Rating;
            step.Db.Reviews.Add(new Review
            {
                AdRequestId = request.Id,
                By = step.By,
                ReviewerUserId = step.Actor.UserId,
                RevieweeUserId = step.By == Party.Sponsor ? step.Participants.InfluencerUserId : step.Participants.SponsorUserId,
                Rating = input.Rating,
                Text = input.Text?.Trim() ?? "",
                CreatedAt = step.Now,
            });
            try
            {
                await step.Db.SaveChangesAsync();
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
            {
                return CommandResult.Fail(AdRequestRules.AlreadyReviewed);
            }

            var rating = input.Rating;
            if (step.By == Party.Sponsor)
            {
                await step.CountForInfluencerAsync(set => set
                    .SetProperty(i => i.RatingSum, i => i.RatingSum + rating)
                    .SetProperty(i => i.RatingCount, i => i.RatingCount + 1));
            }
            else
            {
                await step.Db.Sponsors.Where(s => s.Id == step.Participants.SponsorId).UpdateAsync(step.Db, set => set
                    .SetProperty(s => s.RatingSum, s => s.RatingSum + rating)
                    .SetProperty(s => s.RatingCount, s => s.RatingCount + 1));
            }

            return CommandResult.Ok;
        });

    /// <summary>
    /// Run by the scheduler (no acting user): requests still under negotiation whose latest
    /// offer is older than <paramref name="days"/> days expire, and both sides are told. Returns how many.
    /// </summary>
    public async Task<int> ExpireUnansweredAsync(int days, CancellationToken cancellationToken = default)
    {
        var expired = await AdRequestExpiry.ExpireAsync(contexts, events, days, cancellationToken);
        if (expired > 0)
        {
            // Requests by status changed.
            await cache.BumpAsync(CacheScopes.Statistics);
        }

        return expired;
    }

    /// <summary>Opens a request with its first revision, if the campaign and both users may take part.</summary>
    private async Task<CommandResult<int>> OpenAsync(
        Actor actor, Party by, OfferInput offer,
        Func<IescpDbContext, IQueryable<Campaign>> findCampaign,
        Func<IescpDbContext, IQueryable<Influencer>> findInfluencer,
        string influencerNotFound)
    {
        if (CommandResult.Validate(offer, clock) is { Succeeded: false } invalid)
        {
            return CommandResult<int>.Failure(invalid);
        }

        await using var db = await contexts.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (await db.RefusalForAsync(actor) is { } barred)
        {
            return CommandResult<int>.Failure(CommandResult.Fail(barred));
        }

        var campaign = await findCampaign(db)
            .Select(c => new
            {
                c.Id, c.Name, c.EndDate, c.IsFlagged, SponsorName = c.Sponsor!.Name, SponsorUserId = c.Sponsor.UserId,
                SponsorFlagged = c.Sponsor.User!.IsFlagged || c.Sponsor.User.DeletedAt != null,
            })
            .FirstOrDefaultAsync();
        var influencer = await findInfluencer(db)
            .Select(i => new { i.Id, i.Name, i.UserId, IsFlagged = i.User!.IsFlagged || i.User.DeletedAt != null })
            .FirstOrDefaultAsync();
        var refusal = campaign is null ? CampaignRepository.NotFound.Message
            : influencer is null ? influencerNotFound
            : campaign.IsFlagged ? CampaignRules.FlaggedNoRequests
            : campaign.EndDate < DateOnly.FromDateTime(db.Now) ? "This campaign has ended; it can't take new requests."
            : campaign.SponsorFlagged ? "This sponsor is flagged for review and can't take part in new requests."
            : influencer.IsFlagged ? "This influencer is flagged for review and can't take part in new requests."
            : await db.AdRequests.Where(r => r.CampaignId == campaign.Id && r.InfluencerId == influencer.Id).AnyAsync(AdRequestRules.IsOpen) ? AlreadyOpen
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
            Revisions = [offer.ToRevision(1, by, actor.UserId, db.Now)],
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
            .UpdateAsync(db, set => set.SetProperty(i => i.RequestsReceived, i => i.RequestsReceived + 1));
        var touched = new[] { CacheScopes.Influencers, CacheScopes.Statistics };
        var notice = new Notice(campaign.Name, campaign.SponsorName, influencer.Name, by, offer.PaymentCents, null, 0);
        db.Notify(by == Party.Sponsor ? influencer.UserId : campaign.SponsorUserId, NotificationKind.AdRequest, notice.Opened(), Link(request.Id));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        await cache.BumpAsync(touched);
        events.Publish(new AdRequestChanged(request.Id, campaign.Id, campaign.SponsorUserId, influencer.UserId));
        events.PublishNotified(db);
        return CommandResult<int>.Success(request.Id);
    }

    /// <summary>
    /// Runs one move on one existing request: one context and one transaction, the request
    /// read as one of its two parties, the move's rules checked, then the command's own steps
    /// (whose request UPDATE the same rules guard); commit only on success, then tell both parties.
    /// </summary>
    private async Task<CommandResult> MoveAsync(Actor actor, int requestId, Transition transition, int? seenRevision, object? input,
        Func<MoveStep, Task<CommandResult>> steps)
    {
        var by = actor.AsParty();
        if (input is not null && CommandResult.Validate(input, clock) is { Succeeded: false } invalid)
        {
            return invalid;
        }

        await using var db = await contexts.CreateDbContextAsync();
        // On SQLite this is BEGIN IMMEDIATE: moves on the file run one after another; the guarded
        // UPDATEs keep the rules where a database interleaves more.
        await using var transaction = await db.Database.BeginTransactionAsync();
        var found = await db.AdRequests.AsNoTracking().OfParty(actor).Where(r => r.Id == requestId)
            .TagWith(SnapshotTag)
            .Select(r => new
            {
                Request = r,
                Participants = new Participants(r.Campaign!.SponsorId, r.Campaign.Sponsor!.UserId, r.Influencer!.UserId,
                    r.Campaign.Name, r.Campaign.Sponsor.Name, r.Influencer.Name),
            })
            .FirstOrDefaultAsync();
        if (found is null)
        {
            return CommandResult.Fail(NotFoundMessage);
        }

        var move = new Move(by, seenRevision ?? found.Request.LatestRevision);
        if ((await db.RefusalForAsync(actor) ?? transition.Refusal(found.Request, move)) is { } refusal)
        {
            return CommandResult.Fail(refusal);
        }

        var step = new MoveStep(db, actor, found.Request, found.Participants, move, transition);
        var result = await steps(step);
        if (!result.Succeeded)
        {
            return result; // disposing the transaction rolls back whatever the steps changed
        }

        var (parties, other) = (found.Participants, by == Party.Sponsor ? found.Participants.InfluencerUserId : found.Participants.SponsorUserId);
        var notice = new Notice(parties.CampaignName, parties.SponsorName, parties.InfluencerName, by, step.AmountCents, step.Reason, step.Rating);
        db.Notify(other, NotificationKind.AdRequest, notice.For(transition.Action), Link(requestId));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        await cache.BumpAsync([.. step.Touched]);
        events.Publish(new AdRequestChanged(requestId, found.Request.CampaignId, parties.SponsorUserId, parties.InfluencerUserId));
        events.PublishNotified(db);
        return result;
    }

    /// <summary>Marks the read of the request a move starts from, in the SQL log (and for tests that race it).</summary>
    internal const string SnapshotTag = "ad-request move: read";

    private static CommandResult? ReasonError(string? reason, bool required) =>
        required && string.IsNullOrWhiteSpace(reason) ? CommandResult.Fail("Reason", "Say why; the other side will see it.")
        : reason?.Trim().Length > 500 ? CommandResult.Fail("Reason", "The reason must be at most 500 characters.")
        : !PlainText.IsClean(reason) ? CommandResult.Fail("Reason", PlainText.Refusal)
        : null;

    private static string? Clean(string? reason) => string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();

    private static string Link(int requestId) => $"requests/{requestId}";

    private sealed record Participants(
        int SponsorId, string SponsorUserId, string InfluencerUserId, string CampaignName, string SponsorName, string InfluencerName);

    /// <summary>What a move's steps work with: the transaction's context, the request as read, and who moves.</summary>
    private sealed record MoveStep(IescpDbContext Db, Actor Actor, AdRequest Request, Participants Participants, Move Move, Transition Transition)
    {
        public Party By => Move.By;

        public DateTime Now { get; } = Db.Now;

        /// <summary>The amount the move leaves on the table (new terms change it), for the notification.</summary>
        public long AmountCents { get; set; } = Request.PaymentCents;

        /// <summary>The reason given (a rejection, a cancellation), for the notification.</summary>
        public string? Reason { get; set; }

        /// <summary>The stars of a review, for the notification.</summary>
        public int Rating { get; set; }

        /// <summary>The cache scopes the move changes (a request's status is always in the statistics), bumped after the commit.</summary>
        public HashSet<string> Touched { get; } = [CacheScopes.Statistics];

        /// <summary>Changes the request only if the move's rules still hold for it in the database.</summary>
        public async Task<CommandResult> UpdateAsync(Action<UpdateSettersBuilder<AdRequest>> set) =>
            await Db.AdRequests.Where(r => r.Id == Request.Id).Where(Transition.Guard(Move)).UpdateAsync(Db, set) == 1
                ? CommandResult.Ok
                : CommandResult.Fail(AdRequestRules.ChangedMeanwhile);

        public Task<int> UpdateCampaignAsync(Action<UpdateSettersBuilder<Campaign>> set)
        {
            Touched.Add(CacheScopes.Campaigns);
            return Db.Campaigns.Where(c => c.Id == Request.CampaignId).UpdateAsync(Db, set);
        }

        public Task<int> CountForInfluencerAsync(Action<UpdateSettersBuilder<Influencer>> set)
        {
            Touched.Add(CacheScopes.Influencers);
            return Db.Influencers.Where(i => i.Id == Request.InfluencerId).UpdateAsync(Db, set);
        }

        /// <summary>New terms as the next revision of the thread.</summary>
        public async Task<CommandResult> ReviseAsync(OfferInput offer, AdRequestStatus status)
        {
            var number = Request.LatestRevision + 1;
            var moved = await UpdateAsync(set => set.SetProperty(r => r.Status, status)
                .SetProperty(r => r.PaymentCents, offer.PaymentCents)
                .SetProperty(r => r.Requirements, offer.TrimmedRequirements)
                .SetProperty(r => r.LatestRevision, number)
                .SetProperty(r => r.LatestBy, By));
            if (!moved.Succeeded)
            {
                return moved;
            }

            AmountCents = offer.PaymentCents;
            var revision = offer.ToRevision(number, By, Actor.UserId, Now);
            revision.AdRequestId = Request.Id;
            Db.AdRequestRevisions.Add(revision);
            await Db.SaveChangesAsync();
            return CommandResult.Ok;
        }
    }
}

/// <summary>Which requests a party may see: its sponsor's and its influencer's, nobody else's.</summary>
internal static class AdRequestVisibility
{
    public static IQueryable<AdRequest> OfParty(this IQueryable<AdRequest> requests, Actor actor)
    {
        var userId = actor.UserId;
        return actor.AsParty() == Party.Sponsor
            ? requests.Where(r => r.Campaign!.Sponsor!.UserId == userId)
            : requests.Where(r => r.Influencer!.UserId == userId);
    }
}

using IESCP.Data.AdRequests;
using IESCP.Data.Identity;
using Microsoft.EntityFrameworkCore;

namespace IESCP.Data.Reviews;

/// <summary>After a completed request each side rates the other once.</summary>
public sealed class ReviewRepository
{
    private readonly AdRequestCommandRunner commands;

    public ReviewRepository(IDbContextFactory<IescpDbContext> contexts, AdRequestNotifier notifier, TimeProvider clock) =>
        commands = new AdRequestCommandRunner(contexts, notifier, clock);

    /// <summary>Writes the review and adds its rating to the reviewee's totals in the same transaction.</summary>
    public Task<CommandResult> ReviewAsync(Actor actor, int requestId, ReviewInput input) =>
        commands.RunAsync(actor, requestId, input, async step =>
        {
            var request = step.Request;
            var reviewed = await step.Db.Reviews.AnyAsync(r => r.AdRequestId == request.Id && r.By == step.By);
            if (AdRequestRules.CanReview(request, reviewed) is { } refusal)
            {
                return CommandResult.Fail(refusal);
            }

            step.Db.Reviews.Add(new Review
            {
                AdRequestId = request.Id,
                By = step.By,
                ReviewerUserId = step.UserId,
                RevieweeUserId = step.By == Party.Sponsor ? request.InfluencerUserId : request.SponsorUserId,
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
                await step.Db.Influencers.Where(i => i.Id == request.InfluencerId).ExecuteUpdateAsync(set => set
                    .SetProperty(i => i.RatingSum, i => i.RatingSum + rating)
                    .SetProperty(i => i.RatingCount, i => i.RatingCount + 1));
            }
            else
            {
                await step.Db.Sponsors.Where(s => s.Id == request.SponsorId).ExecuteUpdateAsync(set => set
                    .SetProperty(s => s.RatingSum, s => s.RatingSum + rating)
                    .SetProperty(s => s.RatingCount, s => s.RatingCount + 1));
            }

            return CommandResult.Ok;
        });
}

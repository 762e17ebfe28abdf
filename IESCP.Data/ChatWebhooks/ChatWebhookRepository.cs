using IESCP.Data.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IESCP.Data.ChatWebhooks;

/// <summary>A sponsor's or influencer's own Google Chat webhook, where their reminders are posted too.</summary>
public sealed class ChatWebhookRepository(IDbContextFactory<IescpDbContext> contexts, IOptions<ChatWebhookOptions> options)
{
    public async Task<string?> GetOwnAsync(Actor actor)
    {
        RequireMember(actor);
        await using var db = await contexts.CreateDbContextAsync();
        return await db.ChatWebhooks.Where(w => w.UserId == actor.UserId).Select(w => w.Url).FirstOrDefaultAsync();
    }

    /// <summary>Saves the URL, or removes it when <paramref name="url"/> is empty.</summary>
    public async Task<CommandResult> SaveAsync(Actor actor, string? url)
    {
        RequireMember(actor);
        var clean = url?.Trim() ?? "";
        if (clean.Length > 0 && ChatWebhookRules.Refusal(clean, options.Value.AllowLoopbackWebhooks) is { } invalid)
        {
            return CommandResult.Fail("Url", invalid);
        }

        await using var db = await contexts.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (await db.RefusalForAsync(actor) is { } refusal)
        {
            return CommandResult.Fail(refusal);
        }

        var saved = await db.ChatWebhooks.FirstOrDefaultAsync(w => w.UserId == actor.UserId);
        if (clean.Length == 0)
        {
            if (saved is not null)
            {
                db.ChatWebhooks.Remove(saved);
            }
        }
        else if (saved is null)
        {
            db.ChatWebhooks.Add(new ChatWebhook { UserId = actor.UserId, Url = clean, UpdatedAt = db.Now });
        }
        else
        {
            saved.Url = clean;
            saved.UpdatedAt = db.Now;
        }

        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return CommandResult.Ok;
    }

    private static void RequireMember(Actor actor)
    {
        if (!actor.IsSponsor && !actor.IsInfluencer)
        {
            throw new ForbiddenException("Only sponsors and influencers get reminders.");
        }
    }
}

using IESCP.Data.Identity;
using Microsoft.EntityFrameworkCore;

namespace IESCP.Data.Influencers;

public sealed record InfluencerProfile(int Id, string Name, string Category, string Niche, long Followers, string Platforms, string Bio);

public sealed class InfluencerRepository(IDbContextFactory<IescpDbContext> contexts)
{
    public async Task<InfluencerProfile?> GetOwnProfileAsync(Actor actor)
    {
        actor.Require(Roles.Influencer);
        await using var db = await contexts.CreateDbContextAsync();
        return await db.Influencers.Where(i => i.UserId == actor.UserId)
            .Select(i => new InfluencerProfile(i.Id, i.Name, i.Category, i.Niche, i.Followers, i.Platforms, i.Bio))
            .FirstOrDefaultAsync();
    }
}

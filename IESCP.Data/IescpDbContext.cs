using IESCP.Data.Identity;
using IESCP.Data.Influencers;
using IESCP.Data.Sponsors;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace IESCP.Data;

public sealed class IescpDbContext(DbContextOptions<IescpDbContext> options) : IdentityDbContext<ApplicationUser>(options)
{
    public DbSet<Sponsor> Sponsors => Set<Sponsor>();

    public DbSet<Influencer> Influencers => Set<Influencer>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(IescpDbContext).Assembly);
    }
}

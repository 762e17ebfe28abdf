using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IESCP.Data.Influencers;

internal sealed class ProfileViewWeekConfiguration : IEntityTypeConfiguration<ProfileViewWeek>
{
    public void Configure(EntityTypeBuilder<ProfileViewWeek> builder)
    {
        // One row per influencer and week, counted up by an upsert: no row per view to aggregate.
        builder.HasKey(v => new { v.InfluencerId, v.WeekStart });
        builder.ToTable(t => t.HasCheckConstraint("CK_ProfileViewWeeks_Views", "\"Views\" > 0"));
        builder.HasOne<Influencer>().WithMany().HasForeignKey(v => v.InfluencerId).OnDelete(DeleteBehavior.Cascade);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IESCP.Data.Influencers;

internal sealed class ProfileViewDayConfiguration : IEntityTypeConfiguration<ProfileViewDay>
{
    public void Configure(EntityTypeBuilder<ProfileViewDay> builder)
    {
        builder.HasKey(v => new { v.InfluencerId, v.ViewerUserId, v.Day });
        builder.HasIndex(v => v.Day);
        builder.HasOne<Influencer>().WithMany().HasForeignKey(v => v.InfluencerId).OnDelete(DeleteBehavior.Cascade);
    }
}

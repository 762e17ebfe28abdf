using IESCP.Data.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IESCP.Data.Influencers;

internal sealed class InfluencerConfiguration : IEntityTypeConfiguration<Influencer>
{
    public void Configure(EntityTypeBuilder<Influencer> builder)
    {
        builder.Property(i => i.Name).HasMaxLength(100).IsRequired();
        builder.Property(i => i.Category).HasMaxLength(40).IsRequired();
        builder.Property(i => i.Niche).HasMaxLength(40).IsRequired();
        builder.Property(i => i.Platforms).HasMaxLength(300).IsRequired();
        builder.Property(i => i.Bio).HasMaxLength(2000).IsRequired();
        // Defaults let the migration add these columns to existing rows; the model says the same.
        builder.Property(i => i.RequestsReceived).HasDefaultValue(0);
        builder.Property(i => i.RequestsAccepted).HasDefaultValue(0);
        builder.Property(i => i.RequestsCompleted).HasDefaultValue(0);
        builder.Property(i => i.RatingSum).HasDefaultValue(0);
        builder.Property(i => i.RatingCount).HasDefaultValue(0);

        builder.Property(i => i.ProfileScore).HasComputedColumnSql(Relevance.ProfileScoreSql, stored: false);

        builder.HasIndex(i => i.UserId).IsUnique();
        builder.HasIndex(i => new { i.Niche, i.Followers });
        // Search by category or niche with a follower range, ranked without reading the rows.
        builder.HasIndex(i => new { i.Category, i.Followers, i.Niche, i.ProfileScore, i.UserId });
        // Search orders without a filter (relevance, followers, name); text search scans names and niches only.
        builder.HasIndex(i => i.ProfileScore);
        builder.HasIndex(i => i.Followers);
        builder.HasIndex(i => new { i.Name, i.Niche });
        // Sign-ups per week, for the admin's statistics.
        builder.HasIndex(i => i.CreatedAt);
        builder.HasOne(i => i.User).WithOne().HasForeignKey<Influencer>(i => i.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

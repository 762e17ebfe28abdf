using IESCP.Data.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IESCP.Data.Influencers;

internal sealed class InfluencerConfiguration : IEntityTypeConfiguration<Influencer>
{
    /// <summary>The rows search shows; written as EF Core writes the test, so SQLite matches the partial indexes.</summary>
    public const string ListedFilter = "\"IsListed\"";

    public void Configure(EntityTypeBuilder<Influencer> builder)
    {
        // Triggers keep IsListed (see the Search migration); SQLite's RETURNING clause does not see what AFTER triggers write.
        builder.ToTable(t => t.UseSqlReturningClause(false));
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
        builder.Property(i => i.ReachScore).HasDefaultValue(0.0).ValueGeneratedNever();
        builder.Property(i => i.IsListed).HasDefaultValue(false).ValueGeneratedOnAddOrUpdate()
            .Metadata.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);

        builder.Property(i => i.ProfileScore).HasComputedColumnSql(Relevance.ProfileScoreSql, stored: false);
        builder.Property(i => i.RatingScore).HasComputedColumnSql(Relevance.RatingScoreSql, stored: false);

        builder.HasIndex(i => i.UserId).IsUnique();
        // Search reads listed influencers only, so its indexes hold only those. Each order has its index
        // (the rowid, Id, ends every index entry, so ties break on it), and each filter its range;
        // ranked indexes also carry the follower count (and the niche), so a follower minimum is
        // checked in the index while it is read in score order: a page of ids comes from an index
        // read, the count from an index count, and no row is read until the page's 20 are fetched.
        builder.HasIndex(i => new { i.ProfileScore, i.Followers }, "IX_Influencers_Listed_ProfileScore").HasFilter(ListedFilter);
        builder.HasIndex(i => i.Followers, "IX_Influencers_Listed_Followers").HasFilter(ListedFilter);
        builder.HasIndex(i => new { i.RatingScore, i.RatingCount }, "IX_Influencers_Listed_RatingScore").HasFilter(ListedFilter);
        builder.HasIndex(i => new { i.Name, i.Niche }, "IX_Influencers_Listed_Name").HasFilter(ListedFilter);
        // A category's follower range with the score and niche: when a high minimum leaves few matches, all are ranked from it.
        builder.HasIndex(i => new { i.Category, i.Followers, i.ProfileScore, i.Niche }, "IX_Influencers_Listed_Category_Followers").HasFilter(ListedFilter);
        builder.HasIndex(i => new { i.Category, i.ProfileScore, i.Followers, i.Niche }, "IX_Influencers_Listed_Category_ProfileScore").HasFilter(ListedFilter);
        builder.HasIndex(i => new { i.Niche, i.Followers }, "IX_Influencers_Listed_Niche_Followers").HasFilter(ListedFilter);
        builder.HasIndex(i => new { i.Niche, i.ProfileScore, i.Followers }, "IX_Influencers_Listed_Niche_ProfileScore").HasFilter(ListedFilter);
        // Sign-ups per week, for the admin's statistics.
        builder.HasIndex(i => i.CreatedAt);
        builder.HasOne(i => i.User).WithOne().HasForeignKey<Influencer>(i => i.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

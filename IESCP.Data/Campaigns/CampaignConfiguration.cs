using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IESCP.Data.Campaigns;

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    /// <summary>The campaigns influencers can find; written as EF Core writes the test, so SQLite matches the partial indexes.</summary>
    public const string ListedFilter = "\"IsListed\"";

    /// <summary>What a text search filters and orders its matches on, by id: read instead of the wide rows.</summary>
    public const string TextSearchIndex = "IX_Campaigns_Listed_Id";

    public void Configure(EntityTypeBuilder<Campaign> builder)
    {
        builder.ToTable(t =>
        {
            // Triggers keep IsListed and the text index (see the Search migration); SQLite's RETURNING clause does not see what AFTER triggers write.
            t.UseSqlReturningClause(false);
            t.HasCheckConstraint("CK_Campaigns_Budget", "\"BudgetCents\" > 0");
            t.HasCheckConstraint("CK_Campaigns_Dates", "\"EndDate\" >= \"StartDate\"");
            // The last guard of the ledger: no code path may overspend a campaign.
            t.HasCheckConstraint("CK_Campaigns_Ledger", "\"SpentCents\" >= 0 AND \"CommittedCents\" >= \"SpentCents\" AND \"CommittedCents\" <= \"BudgetCents\"");
        });
        builder.Property(c => c.Name).HasMaxLength(100).IsRequired();
        builder.Property(c => c.Description).HasMaxLength(2000).IsRequired();
        builder.Property(c => c.Category).HasMaxLength(40).IsRequired();
        builder.Property(c => c.Niche).HasMaxLength(40).IsRequired();
        builder.Property(c => c.Goals).HasMaxLength(1000).IsRequired();
        builder.Property(c => c.FlagReason).HasMaxLength(500);
        builder.Property(c => c.IsListed).HasDefaultValue(false).ValueGeneratedOnAddOrUpdate()
            .Metadata.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);
        builder.HasOne(c => c.Sponsor).WithMany().HasForeignKey(c => c.SponsorId).OnDelete(DeleteBehavior.Restrict);

        // The sponsor's own list.
        builder.HasIndex(c => c.SponsorId);
        // Influencers' search reads only listed campaigns, so its indexes hold only those. Every search
        // keeps to current campaigns (EndDate >= today) and may range over the budget: each index
        // carries both, so a page of ids and the count come from index reads alone.
        builder.HasIndex(c => new { c.EndDate, c.BudgetCents }, "IX_Campaigns_Listed_EndDate").HasFilter(ListedFilter);
        builder.HasIndex(c => new { c.CreatedAt, c.EndDate, c.BudgetCents }, "IX_Campaigns_Listed_CreatedAt").HasFilter(ListedFilter);
        builder.HasIndex(c => new { c.BudgetCents, c.EndDate }, "IX_Campaigns_Listed_Budget").HasFilter(ListedFilter);
        builder.HasIndex(c => new { c.Category, c.EndDate, c.BudgetCents }, "IX_Campaigns_Listed_Category").HasFilter(ListedFilter);
        builder.HasIndex(c => new { c.Niche, c.EndDate, c.BudgetCents }, "IX_Campaigns_Listed_Niche").HasFilter(ListedFilter);
        builder.HasIndex(c => new { c.Id, c.EndDate, c.BudgetCents, c.CreatedAt, c.Category, c.Niche }, TextSearchIndex).HasFilter(ListedFilter);
    }
}

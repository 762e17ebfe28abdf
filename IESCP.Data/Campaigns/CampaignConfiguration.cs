using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IESCP.Data.Campaigns;

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    /// <summary>Public, not flagged, not deleted: written as EF Core writes those tests, so SQLite matches the two.</summary>
    public const string ListedFilter = "NOT \"IsFlagged\" AND \"DeletedAt\" IS NULL AND \"Visibility\" = 0";

    public void Configure(EntityTypeBuilder<Campaign> builder)
    {
        builder.ToTable(t =>
        {
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
        builder.HasOne(c => c.Sponsor).WithMany().HasForeignKey(c => c.SponsorId).OnDelete(DeleteBehavior.Restrict);

        // The sponsor's own list.
        builder.HasIndex(c => c.SponsorId);
        // Influencers' search reads only listed campaigns, so its indexes hold only those; the extra
        // columns let it count and order without reading the rows.
        builder.HasIndex(c => new { c.EndDate, c.SponsorId, c.CreatedAt, c.BudgetCents }, "IX_Campaigns_Listed_EndDate").HasFilter(ListedFilter);
        builder.HasIndex(c => new { c.Category, c.EndDate, c.BudgetCents, c.SponsorId }, "IX_Campaigns_Listed_Category").HasFilter(ListedFilter);
        builder.HasIndex(c => new { c.Niche, c.EndDate, c.BudgetCents, c.SponsorId }, "IX_Campaigns_Listed_Niche").HasFilter(ListedFilter);
    }
}

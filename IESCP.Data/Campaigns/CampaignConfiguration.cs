using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IESCP.Data.Campaigns;

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
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
        builder.HasOne(c => c.Sponsor).WithMany().HasForeignKey(c => c.SponsorId).OnDelete(DeleteBehavior.Restrict);

        // The sponsor's own list.
        builder.HasIndex(c => c.SponsorId);
        // Influencers' search: listed campaigns of a niche, or of a category, that have not ended.
        builder.HasIndex(c => new { c.IsFlagged, c.DeletedAt, c.Visibility, c.Niche, c.EndDate });
        builder.HasIndex(c => new { c.IsFlagged, c.DeletedAt, c.Visibility, c.Category, c.EndDate });
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IESCP.Data.AdRequests;

internal sealed class AdRequestConfiguration : IEntityTypeConfiguration<AdRequest>
{
    /// <summary>At most one open request (<see cref="AdRequestRules.Open"/>) per campaign and influencer.</summary>
    public static readonly string OpenFilter = $"\"Status\" IN ({string.Join(", ", AdRequestRules.Open.Select(s => (int)s))})";

    public void Configure(EntityTypeBuilder<AdRequest> builder)
    {
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("CK_AdRequests_Payment", "\"PaymentCents\" > 0");
            t.HasCheckConstraint("CK_AdRequests_Revision", "\"LatestRevision\" >= 1");
        });
        builder.Property(r => r.Requirements).HasMaxLength(2000).IsRequired();
        builder.Property(r => r.DeliveryUrl).HasMaxLength(500);
        builder.Property(r => r.ClosedReason).HasMaxLength(500);
        builder.HasOne(r => r.Campaign).WithMany().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Influencer).WithMany().HasForeignKey(r => r.InfluencerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Revisions).WithOne().HasForeignKey(v => v.AdRequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Payment).WithOne().HasForeignKey<Payment>(p => p.AdRequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Reviews).WithOne().HasForeignKey(v => v.AdRequestId).OnDelete(DeleteBehavior.Cascade);

        builder.HasIndex(r => new { r.CampaignId, r.InfluencerId })
            .IsUnique()
            .HasFilter(OpenFilter)
            .HasDatabaseName("IX_AdRequests_OpenPerCampaignAndInfluencer");
        // A campaign's requests (detail, sponsor inbox, delete) and an influencer's inbox.
        builder.HasIndex(r => new { r.CampaignId, r.Status });
        builder.HasIndex(r => new { r.InfluencerId, r.Status });
        // Requests per week and by status, for the admin's statistics.
        builder.HasIndex(r => r.CreatedAt);
        // Requests by status (statistics), and the expiry job's offers left unanswered too long.
        builder.HasIndex(r => new { r.Status, r.UpdatedAt });
    }
}

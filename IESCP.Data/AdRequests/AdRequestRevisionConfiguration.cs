using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IESCP.Data.AdRequests;

internal sealed class AdRequestRevisionConfiguration : IEntityTypeConfiguration<AdRequestRevision>
{
    public void Configure(EntityTypeBuilder<AdRequestRevision> builder)
    {
        builder.ToTable(t => t.HasCheckConstraint("CK_AdRequestRevisions_Payment", "\"PaymentCents\" > 0"));
        builder.Property(v => v.AuthorUserId).IsRequired();
        builder.Property(v => v.Requirements).HasMaxLength(2000).IsRequired();
        builder.Property(v => v.Message).HasMaxLength(1000).IsRequired();
        builder.HasIndex(v => new { v.AdRequestId, v.Number }).IsUnique();
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IESCP.Data.Admin;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.ActorUserId).HasMaxLength(450).IsRequired();
        builder.Property(a => a.ActorName).HasMaxLength(256).IsRequired();
        builder.Property(a => a.TargetId).HasMaxLength(450).IsRequired();
        builder.Property(a => a.TargetName).HasMaxLength(256).IsRequired();
        builder.Property(a => a.Reason).HasMaxLength(500);
        // The log reads newest first, filtered by action or by target.
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.Action, a.At });
        builder.HasIndex(a => new { a.Target, a.TargetId });
    }
}

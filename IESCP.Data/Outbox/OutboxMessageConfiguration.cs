using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IESCP.Data.Outbox;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.Property(m => m.Key).HasMaxLength(200).IsRequired();
        builder.Property(m => m.Recipient).HasMaxLength(500).IsRequired();
        builder.Property(m => m.Subject).HasMaxLength(300).IsRequired();
        builder.Property(m => m.Text).IsRequired();
        builder.Property(m => m.AttachmentName).HasMaxLength(200);
        builder.Property(m => m.LockedBy).HasMaxLength(50);
        builder.Property(m => m.LastError).HasMaxLength(1000);
        builder.HasIndex(m => m.Key).IsUnique();
        // The dispatcher's "what is due now", and the admin's lists by status, newest first.
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
        builder.HasIndex(m => new { m.Status, m.Id });
        // How many account emails a user got lately: the limit on emails the public account forms send.
        builder.HasIndex(m => new { m.UserId, m.CreatedAt });
    }
}

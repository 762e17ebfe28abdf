using IESCP.Data.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IESCP.Data.Exports;

internal sealed class ExportConfiguration : IEntityTypeConfiguration<Export>
{
    public void Configure(EntityTypeBuilder<Export> builder)
    {
        builder.Property(e => e.FileName).HasMaxLength(200).IsRequired();
        builder.Property(e => e.Error).HasMaxLength(1000);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(e => e.OwnerUserId).OnDelete(DeleteBehavior.Cascade);
        // A user's exports, newest first; the cleanup's expired ones.
        builder.HasIndex(e => new { e.OwnerUserId, e.CreatedAt });
        builder.HasIndex(e => e.ExpiresAt);
    }
}

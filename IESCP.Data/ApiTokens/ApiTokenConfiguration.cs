using IESCP.Data.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IESCP.Data.ApiTokens;

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(ApiTokenInput.MaxNameLength).IsRequired();
        builder.Property(t => t.Hash).HasMaxLength(64).IsRequired();
        builder.Property(t => t.Prefix).HasMaxLength(16).IsRequired();
        // Every API call finds its token by the hash.
        builder.HasIndex(t => t.Hash).IsUnique();
        builder.HasIndex(t => t.UserId);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

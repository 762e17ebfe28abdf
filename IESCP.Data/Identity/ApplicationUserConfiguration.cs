using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IESCP.Data.Identity;

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        // Triggers keep search's IsListed columns in step (see the Search migration); SQLite's RETURNING clause and AFTER triggers do not mix.
        builder.ToTable(t => t.UseSqlReturningClause(false));
        builder.Property(u => u.DisplayName).HasMaxLength(100).IsRequired();
        // Searches leave out flagged users: this lists the few of them without reading every user
        // (a partial index, because EF Core tests the flag as a bare column, which a plain index cannot seek).
        builder.HasIndex(u => u.Id, "IX_AspNetUsers_Flagged").HasFilter("\"IsFlagged\"");
        builder.Property(u => u.FlagReason).HasMaxLength(500);
        // Sign-ups per week and activity, for the admin's statistics.
        builder.HasIndex(u => u.CreatedAt);
        builder.HasIndex(u => u.LastSeenAt);
        // Removed accounts are few: counted and listed from this alone.
        builder.HasIndex(u => u.Id, "IX_AspNetUsers_Removed").HasFilter("\"DeletedAt\" IS NOT NULL");
    }
}

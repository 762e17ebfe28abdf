using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IESCP.Data.Sponsors;

internal sealed class SponsorConfiguration : IEntityTypeConfiguration<Sponsor>
{
    public void Configure(EntityTypeBuilder<Sponsor> builder)
    {
        // Triggers keep search's IsListed columns in step (see the Search migration); SQLite's RETURNING clause and AFTER triggers do not mix.
        builder.ToTable(t => t.UseSqlReturningClause(false));
        builder.Property(s => s.Name).HasMaxLength(100).IsRequired();
        builder.Property(s => s.Industry).HasMaxLength(60).IsRequired();
        builder.Property(s => s.DecisionReason).HasMaxLength(500);
        // Defaults let the migration add these columns to existing rows; the model says the same.
        builder.Property(s => s.RatingSum).HasDefaultValue(0);
        builder.Property(s => s.RatingCount).HasDefaultValue(0);
        builder.HasIndex(s => s.UserId).IsUnique();
        builder.HasIndex(s => s.Status);
        builder.HasOne(s => s.User).WithOne().HasForeignKey<Sponsor>(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

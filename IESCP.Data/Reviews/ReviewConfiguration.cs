using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IESCP.Data.Reviews;

internal sealed class ReviewConfiguration : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> builder)
    {
        builder.ToTable(t => t.HasCheckConstraint("CK_Reviews_Rating", "\"Rating\" BETWEEN 1 AND 5"));
        builder.Property(r => r.ReviewerUserId).IsRequired();
        builder.Property(r => r.RevieweeUserId).IsRequired();
        builder.Property(r => r.Text).HasMaxLength(1000).IsRequired();
        // Each side reviews a request once.
        builder.HasIndex(r => new { r.AdRequestId, r.By }).IsUnique();
        // A profile's latest reviews.
        builder.HasIndex(r => new { r.RevieweeUserId, r.CreatedAt });
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IESCP.Data.AdRequests;

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> builder)
    {
        builder.ToTable(t => t.HasCheckConstraint("CK_Payments_Amount", "\"AmountCents\" > 0"));
        builder.Property(p => p.CardBrand).HasMaxLength(20).IsRequired();
        builder.Property(p => p.CardLast4).HasMaxLength(4).IsRequired();
        builder.Property(p => p.ReceiptNumber).HasMaxLength(20).IsRequired();
        builder.Property(p => p.PayerUserId).IsRequired();
        builder.HasIndex(p => p.AdRequestId).IsUnique();
        builder.HasIndex(p => p.ReceiptNumber).IsUnique();
    }
}

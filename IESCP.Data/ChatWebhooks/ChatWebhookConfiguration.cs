using IESCP.Data.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IESCP.Data.ChatWebhooks;

internal sealed class ChatWebhookConfiguration : IEntityTypeConfiguration<ChatWebhook>
{
    public void Configure(EntityTypeBuilder<ChatWebhook> builder)
    {
        builder.HasKey(w => w.UserId);
        builder.Property(w => w.Url).HasMaxLength(ChatWebhookRules.MaxLength).IsRequired();
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(w => w.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

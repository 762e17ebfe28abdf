using System.ComponentModel.DataAnnotations;
using IESCP.Data.Identity;
using Microsoft.EntityFrameworkCore;

namespace IESCP.Data.Admin;

/// <summary>Why an admin flags, rejects or removes something; the owner sees it.</summary>
public sealed class ReasonInput
{
    [Required(ErrorMessage = "Say why; the owner will see it.")]
    [StringLength(500, ErrorMessage = "Keep the reason under 500 characters.")]
    [Display(Name = "Reason")]
    public string Reason { get; set; } = "";

    internal string Trimmed => Reason.Trim();
}

/// <summary>What every admin decision shares: the admin is checked and the decision is written to the audit log in its transaction.</summary>
internal static class AdminDecisions
{
    /// <summary>Adds the audit entry to the decision's unit of work.</summary>
    public static async Task AuditAsync(this IescpDbContext db, Actor admin, AuditAction action, AuditTarget target, string targetId,
        string targetName, string? reason)
    {
        var adminName = await db.Users.Where(u => u.Id == admin.UserId).Select(u => u.DisplayName).FirstOrDefaultAsync() ?? admin.UserId;
        db.AuditEntries.Add(new AuditEntry
        {
            At = db.Now,
            ActorUserId = admin.UserId,
            ActorName = adminName,
            Action = action,
            Target = target,
            TargetId = targetId,
            TargetName = targetName,
            Reason = reason,
        });
    }
}

namespace IESCP.Data.Admin;

public enum AuditAction
{
    Approve = 0,
    Reject = 1,
    Flag = 2,
    Unflag = 3,
    Delete = 4,
}

public enum AuditTarget
{
    Sponsor = 0,
    User = 1,
    Campaign = 2,
}

/// <summary>
/// One admin decision: who, what, on which, when and why. Written in the decision's own
/// transaction and never changed: the database refuses UPDATE and DELETE on the table.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    public string ActorUserId { get; set; } = "";

    /// <summary>The admin's name at the time, kept so the log reads the same whatever happens later.</summary>
    public string ActorName { get; set; } = "";

    public AuditAction Action { get; set; }

    public AuditTarget Target { get; set; }

    public string TargetId { get; set; } = "";

    /// <summary>The target's name at the time of the decision.</summary>
    public string TargetName { get; set; } = "";

    public string? Reason { get; set; }
}

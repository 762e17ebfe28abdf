using IESCP.Data.Campaigns;

namespace IESCP.Data.Admin;

/// <summary>Where an account stands, as the admin filters by it.</summary>
public enum AccountStatus
{
    Active = 0,
    Pending = 1,
    Rejected = 2,
    Flagged = 3,
    Removed = 4,
}

public enum UserSort
{
    Joined = 0,
    Name = 1,
    Email = 2,
    LastSeen = 3,
}

/// <summary>Filters, order and page of the admin's user list; every filter is optional.</summary>
public sealed record UserListQuery(
    string? Text = null,
    string? Role = null,
    AccountStatus? Status = null,
    UserSort Sort = UserSort.Joined,
    bool Descending = true,
    int Page = 1,
    int PageSize = 20);

public sealed record UserRow(
    string Id, string Name, string Email, string Role, AccountStatus Status, string? FlagReason, DateTime JoinedAt, DateTime? LastSeenAt);

public enum CampaignModerationSort
{
    Created = 0,
    Name = 1,
    Sponsor = 2,
    Budget = 3,
    End = 4,
}

public sealed record CampaignModerationQuery(
    string? Text = null,
    CampaignVisibility? Visibility = null,
    bool? Flagged = null,
    CampaignPhase? Phase = null,
    CampaignModerationSort Sort = CampaignModerationSort.Created,
    bool Descending = true,
    int Page = 1,
    int PageSize = 20);

public sealed record CampaignRow(
    int Id, string Name, string SponsorName, string Category, string Niche, CampaignVisibility Visibility, CampaignPhase Phase,
    bool IsFlagged, string? FlagReason, CampaignLedger Ledger, DateOnly StartDate, DateOnly EndDate, DateTime CreatedAt);

public sealed record AuditQuery(
    AuditAction? Action = null,
    AuditTarget? Target = null,
    string? Text = null,
    DateOnly? From = null,
    DateOnly? To = null,
    int Page = 1,
    int PageSize = 20);

public sealed record AuditRow(long Id, DateTime At, string ActorName, AuditAction Action, AuditTarget Target, string TargetId, string TargetName, string? Reason);

using System.Text.Json.Serialization;
using IESCP.Data.Sponsors;

namespace IESCP.Data.Live;

/// <summary>
/// Something changed that open pages may show. An event names who should hear it and carries
/// what a page needs to decide whether to reload; pages then read through the repositories, so
/// an event never carries data a listener may not see. Events are plain records so that they
/// can cross instances as JSON.
/// </summary>
[JsonPolymorphic]
[JsonDerivedType(typeof(AdRequestChanged), "ad-request")]
[JsonDerivedType(typeof(CampaignsChanged), "campaigns")]
[JsonDerivedType(typeof(SponsorSignedUp), "sponsor-signed-up")]
[JsonDerivedType(typeof(InfluencerSignedUp), "influencer-signed-up")]
[JsonDerivedType(typeof(SponsorDecided), "sponsor-decided")]
[JsonDerivedType(typeof(NotificationsChanged), "notifications")]
[JsonDerivedType(typeof(AccountChanged), "account")]
[JsonDerivedType(typeof(ExportChanged), "export")]
[JsonDerivedType(typeof(JobsChanged), "jobs")]
public abstract record LiveEvent
{
    /// <summary>The subscription keys (<see cref="LiveKeys"/>) of those who should hear it.</summary>
    [JsonIgnore]
    public abstract IEnumerable<string> Audience { get; }
}

/// <summary>The keys pages subscribe under.</summary>
public static class LiveKeys
{
    /// <summary>Every open page of every admin.</summary>
    public const string Admins = "admins";

    /// <summary>Every open page of one user.</summary>
    public static string User(string userId) => $"user:{userId}";
}

/// <summary>One ad request moved; both its parties (and the admins' numbers) hear of it.</summary>
public sealed record AdRequestChanged(int AdRequestId, int CampaignId, string SponsorUserId, string InfluencerUserId) : LiveEvent
{
    public override IEnumerable<string> Audience => [LiveKeys.User(SponsorUserId), LiveKeys.User(InfluencerUserId), LiveKeys.Admins];

    public bool Concerns(string userId) => userId == SponsorUserId || userId == InfluencerUserId;
}

/// <summary>
/// A bulk change (a campaign deleted or flagged, an account removed): one event per affected
/// user, naming that user's campaigns and requests it touched, however many rows changed.
/// </summary>
public sealed record CampaignsChanged(string UserId, IReadOnlyList<int> CampaignIds, IReadOnlyList<int> AdRequestIds) : LiveEvent
{
    public override IEnumerable<string> Audience => [LiveKeys.User(UserId), LiveKeys.Admins];
}

/// <summary>A sponsor signed up and waits for approval.</summary>
public sealed record SponsorSignedUp(int SponsorId) : LiveEvent
{
    public override IEnumerable<string> Audience => [LiveKeys.Admins];
}

/// <summary>An influencer signed up; the admins' figures count it.</summary>
public sealed record InfluencerSignedUp(int InfluencerId) : LiveEvent
{
    public override IEnumerable<string> Audience => [LiveKeys.Admins];
}

/// <summary>An admin approved or rejected a sponsor.</summary>
public sealed record SponsorDecided(int SponsorId, string SponsorUserId, ApprovalStatus Decision) : LiveEvent
{
    public override IEnumerable<string> Audience => [LiveKeys.User(SponsorUserId), LiveKeys.Admins];
}

/// <summary>A user has new notifications, or read some (in another tab): the bell recounts.</summary>
public sealed record NotificationsChanged(string UserId) : LiveEvent
{
    public override IEnumerable<string> Audience => [LiveKeys.User(UserId)];
}

/// <summary>How an admin changed an account.</summary>
public enum AccountChange
{
    Flagged = 0,
    Unflagged = 1,
    Deleted = 2,
    SignedOut = 3,
}

/// <summary>
/// An account was flagged, unflagged or removed, or its sessions were ended (a new password):
/// its own open pages end at once where they must; the admins' lists update.
/// </summary>
public sealed record AccountChanged(string UserId, AccountChange Change) : LiveEvent
{
    public override IEnumerable<string> Audience => [LiveKeys.User(UserId), LiveKeys.Admins];

    /// <summary>Whether the account's open pages must end (it may no longer be signed in).</summary>
    public bool EndsSessions => Change is AccountChange.Flagged or AccountChange.Deleted or AccountChange.SignedOut;
}

/// <summary>An export moved on (started, more rows written, done or failed): its owner's progress bar follows.</summary>
public sealed record ExportChanged(Guid ExportId, string OwnerUserId) : LiveEvent
{
    public override IEnumerable<string> Audience => [LiveKeys.User(OwnerUserId)];
}

/// <summary>A background job started or finished, or the outbox changed: the admins' Jobs page reloads.</summary>
public sealed record JobsChanged(string Job) : LiveEvent
{
    public override IEnumerable<string> Audience => [LiveKeys.Admins];
}

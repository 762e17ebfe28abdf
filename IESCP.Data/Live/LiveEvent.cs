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
[JsonDerivedType(typeof(CampaignChanged), "campaign")]
[JsonDerivedType(typeof(SponsorSignedUp), "sponsor-signed-up")]
[JsonDerivedType(typeof(SponsorDecided), "sponsor-decided")]
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
/// A campaign changed as a whole (deleted, flagged): one event per affected user, naming that
/// user's requests of the campaign, however many rows changed.
/// </summary>
public sealed record CampaignChanged(int CampaignId, string UserId, IReadOnlyList<int> AdRequestIds) : LiveEvent
{
    public override IEnumerable<string> Audience => [LiveKeys.User(UserId)];
}

/// <summary>A sponsor signed up and waits for approval.</summary>
public sealed record SponsorSignedUp(int SponsorId) : LiveEvent
{
    public override IEnumerable<string> Audience => [LiveKeys.Admins];
}

/// <summary>An admin approved or rejected a sponsor.</summary>
public sealed record SponsorDecided(int SponsorId, string SponsorUserId, ApprovalStatus Decision) : LiveEvent
{
    public override IEnumerable<string> Audience => [LiveKeys.User(SponsorUserId), LiveKeys.Admins];
}

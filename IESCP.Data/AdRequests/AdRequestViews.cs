namespace IESCP.Data.AdRequests;

public enum AdRequestSort
{
    Updated = 0,
    Created = 1,
    Payment = 2,
    Status = 3,
    Campaign = 4,
}

/// <summary>Filters, order and page of an inbox; every filter is optional.</summary>
public sealed record AdRequestListQuery(
    AdRequestStatus? Status = null,
    int? CampaignId = null,
    string? Text = null,
    AdRequestSort Sort = AdRequestSort.Updated,
    bool Descending = true,
    int Page = 1,
    int PageSize = 20,
    bool YourTurn = false);

/// <summary>
/// One row of an inbox, with the current terms (those of the latest revision) and whose turn it
/// is (<see cref="WaitingFor"/> is null once the request is closed or completed).
/// </summary>
public sealed record AdRequestSummary(
    int Id, int CampaignId, string CampaignName, string SponsorName, int InfluencerId, string InfluencerName,
    AdRequestStatus Status, decimal Payment, string Requirements, int LatestRevision, Party LatestBy, Party InitiatedBy,
    Party? WaitingFor, DateTime UpdatedAt);

/// <summary>
/// A request as one of its two parties sees it: the whole thread of offers, the receipt once
/// paid, the reviews, and the actions this party may take now.
/// </summary>
public sealed record AdRequestDetail(
    AdRequestSummary Summary,
    Party Viewer,
    bool CampaignDeleted,
    string? DeliveryUrl,
    DateTime? DeliveredAt,
    DateTime? AcceptedAt,
    DateTime? PaidAt,
    DateTime? CompletedAt,
    string? ClosedReason,
    DateTime CreatedAt,
    IReadOnlyList<AdRequestRevisionView> Revisions,
    PaymentReceipt? Receipt,
    IReadOnlyList<ReviewView> Reviews,
    IReadOnlySet<AdRequestAction> Actions);

public sealed record AdRequestRevisionView(int Number, Party By, decimal Payment, string Requirements, string Message, DateTime CreatedAt);

public sealed record PaymentReceipt(string ReceiptNumber, decimal Amount, string CardBrand, string CardLast4, DateTime PaidAt);

public sealed record ReviewView(Party By, int Rating, string Text, DateTime CreatedAt);

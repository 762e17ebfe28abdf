namespace IESCP.Data.AdRequests;

/// <summary>One offer or counter-offer of a negotiation; never changed once written.</summary>
public sealed class AdRequestRevision
{
    public int Id { get; set; }

    public int AdRequestId { get; set; }

    /// <summary>1 for the opening offer, then 2, 3, ... in order.</summary>
    public int Number { get; set; }

    public Party By { get; set; }

    public string AuthorUserId { get; set; } = "";

    public long PaymentCents { get; set; }

    public string Requirements { get; set; } = "";

    public string Message { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}

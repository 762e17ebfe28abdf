using IESCP.Data.AdRequests;

namespace IESCP.Data.Reviews;

/// <summary>One side's rating of the other after a completed request.</summary>
public sealed class Review
{
    public int Id { get; set; }

    public int AdRequestId { get; set; }

    public Party By { get; set; }

    public string ReviewerUserId { get; set; } = "";

    public string RevieweeUserId { get; set; } = "";

    public int Rating { get; set; }

    public string Text { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}

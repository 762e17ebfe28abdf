namespace IESCP.Data.AdRequests;

/// <summary>
/// A simulated card payment. Only the brand and the last four digits are kept: never the full
/// number or the security code.
/// </summary>
public sealed class Payment
{
    public int Id { get; set; }

    public int AdRequestId { get; set; }

    public long AmountCents { get; set; }

    public string CardBrand { get; set; } = "";

    public string CardLast4 { get; set; } = "";

    public string ReceiptNumber { get; set; } = "";

    public DateTime PaidAt { get; set; }

    public string PayerUserId { get; set; } = "";
}

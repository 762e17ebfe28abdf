namespace IESCP.Jobs.AdRequests;

/// <summary>Configuration section "AdRequests".</summary>
public sealed class OfferExpiryOptions
{
    public const string Section = "AdRequests";

    /// <summary>An offer nobody answered for this many days expires.</summary>
    public int ExpireAfterDays { get; set; } = 14;
}

namespace IESCP.Data.Database;

/// <summary>One data-protection key (an XML element) of the app's key ring, kept with the data it protects.</summary>
public sealed class DataProtectionKey
{
    public int Id { get; set; }

    /// <summary>The element's friendly name, as the key manager gives it.</summary>
    public string? FriendlyName { get; set; }

    public string Xml { get; set; } = "";
}

namespace IESCP.Web.Components.Shared;

/// <summary>
/// Radzen's numeric box labels its inner input with its Name (aria-label wins over a label
/// element); this gives the input the id its visible label points at and the same words as
/// its accessible name.
/// </summary>
public static class InputId
{
    public static Dictionary<string, object> Of(string id, string label) => new() { ["id"] = id, ["aria-label"] = label };
}

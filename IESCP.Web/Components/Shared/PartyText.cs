using IESCP.Data.AdRequests;

namespace IESCP.Web.Components.Shared;

/// <summary>How the two sides of an ad request are named on pages.</summary>
public static class PartyText
{
    public static string Noun(this Party party) => party == Party.Sponsor ? "sponsor" : "influencer";

    public static Party Other(this Party party) => party == Party.Sponsor ? Party.Influencer : Party.Sponsor;
}

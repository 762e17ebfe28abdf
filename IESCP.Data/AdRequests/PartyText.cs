namespace IESCP.Data.AdRequests;

/// <summary>The two sides of an ad request, in the words messages and pages use.</summary>
public static class PartyText
{
    public static string Noun(this Party party) => party == Party.Sponsor ? "sponsor" : "influencer";

    public static Party Other(this Party party) => party == Party.Sponsor ? Party.Influencer : Party.Sponsor;
}

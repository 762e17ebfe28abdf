using IESCP.Data.Identity;

namespace IESCP.Data.AdRequests;

/// <summary>The two sides of an ad request, in the words messages and pages use.</summary>
public static class Parties
{
    public static string Noun(this Party party) => party == Party.Sponsor ? "sponsor" : "influencer";

    public static Party Other(this Party party) => party == Party.Sponsor ? Party.Influencer : Party.Sponsor;

    /// <summary>The side an actor takes in its requests; admins take no side.</summary>
    public static Party AsParty(this Actor actor) => actor.Role switch
    {
        Roles.Sponsor => Party.Sponsor,
        Roles.Influencer => Party.Influencer,
        _ => throw new ForbiddenException("Only sponsors and influencers take part in ad requests."),
    };
}

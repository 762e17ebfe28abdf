namespace IESCP.Data.AdRequests;

/// <summary>What a move of a request looked like, in the words of the notification the other party gets.</summary>
internal sealed record Notice(string Campaign, string Sponsor, string Influencer, Party By, long AmountCents, string? Reason, int Rating)
{
    private string Actor => By == Party.Sponsor ? Sponsor : Influencer;

    private string Amount => Money.Format(AmountCents);

    /// <summary>The sentence for the other party; every move tells them something.</summary>
    public string For(AdRequestAction action) => action switch
    {
        AdRequestAction.Edit => $"{Sponsor} changed its offer for “{Campaign}”: {Amount}.",
        AdRequestAction.Counter => $"{Actor} made a counter-offer on “{Campaign}”: {Amount}.",
        AdRequestAction.Accept => $"{Actor} accepted the offer for “{Campaign}” ({Amount}).",
        AdRequestAction.Reject => $"{Actor} turned down the request for “{Campaign}”{Because}",
        AdRequestAction.Withdraw => $"{Actor} withdrew the request for “{Campaign}”.",
        AdRequestAction.Cancel => $"{Sponsor} cancelled the accepted request for “{Campaign}”{Because}",
        AdRequestAction.Pay => $"{Sponsor} paid {Amount} for “{Campaign}”. Deliver the work and add its link.",
        AdRequestAction.Deliver => $"{Influencer} delivered the work for “{Campaign}”. Check it and confirm completion.",
        AdRequestAction.Complete => $"{Sponsor} confirmed the work for “{Campaign}” as complete.",
        AdRequestAction.Review => $"{Actor} rated you {Rating} of 5 for “{Campaign}”.",
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    /// <summary>The sentence for a request just opened: an offer to the influencer, or an application to the sponsor.</summary>
    public string Opened() => By == Party.Sponsor
        ? $"{Sponsor} sent you an ad request for “{Campaign}” ({Amount})."
        : $"{Influencer} asked to join “{Campaign}” ({Amount}).";

    private string Because => string.IsNullOrWhiteSpace(Reason) ? "." : $": {Reason}";
}

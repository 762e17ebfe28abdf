using System.Security.Claims;
using IESCP.Data;
using IESCP.Data.AdRequests;
using IESCP.Data.Campaigns;
using IESCP.Data.Identity;
using static IESCP.Web.Api.SearchApi;

namespace IESCP.Web.Api;

/// <summary>The caller's own campaigns and ad requests, and the moves on a request, through the same repositories as the UI.</summary>
internal static class AdRequestApi
{
    /// <summary>Opens a request: a sponsor sends one to <c>InfluencerId</c> on its campaign; an influencer applies to a listed campaign.</summary>
    public sealed record SendBody(int CampaignId, int? InfluencerId, decimal Payment, string? Requirements, string? Message);

    /// <summary>New terms, answering revision <c>SeenRevision</c> (refused if the other side moved since).</summary>
    public sealed record CounterBody(int SeenRevision, decimal Payment, string? Requirements, string? Message);

    /// <summary>Accepts revision <c>SeenRevision</c> (refused if the other side moved since).</summary>
    public sealed record AcceptBody(int SeenRevision);

    public sealed record RejectBody(string? Reason);

    public static void MapAdRequestApi(this RouteGroupBuilder api)
    {
        api.MapGet("/me/campaigns", ListCampaignsAsync).WithSummary("Your campaigns (sponsors)").Produces<PagedResult<CampaignSummary>>();
        api.MapGet("/me/ad-requests", ListRequestsAsync).WithSummary("Your ad requests").Produces<PagedResult<AdRequestSummary>>();
        api.MapGet("/ad-requests/{id:int}", GetAsync).WithSummary("One of your ad requests with its thread").Produces<AdRequestDetail>();
        api.MapPost("/ad-requests", SendAsync).WithSummary("Send a request (sponsors) or apply to a campaign (influencers)")
            .Produces<AdRequestDetail>(StatusCodes.Status201Created);
        api.MapPost("/ad-requests/{id:int}/counter", (ClaimsPrincipal user, AdRequestRepository requests, int id, CounterBody body) =>
                MoveAsync(user, requests, id, actor => requests.CounterAsync(actor, id, body.SeenRevision, Offer(body.Payment, body.Requirements, body.Message))))
            .WithSummary("Counter-offer").Produces<AdRequestDetail>();
        api.MapPost("/ad-requests/{id:int}/accept", (ClaimsPrincipal user, AdRequestRepository requests, int id, AcceptBody body) =>
                MoveAsync(user, requests, id, actor => requests.AcceptAsync(actor, id, body.SeenRevision)))
            .WithSummary("Accept the latest offer").Produces<AdRequestDetail>();
        api.MapPost("/ad-requests/{id:int}/reject", (ClaimsPrincipal user, AdRequestRepository requests, int id, RejectBody? body) =>
                MoveAsync(user, requests, id, actor => requests.RejectAsync(actor, id, body?.Reason)))
            .WithSummary("Reject the latest offer").Produces<AdRequestDetail>();
        api.MapPost("/ad-requests/{id:int}/withdraw", (ClaimsPrincipal user, AdRequestRepository requests, int id) =>
                MoveAsync(user, requests, id, actor => requests.WithdrawAsync(actor, id)))
            .WithSummary("Withdraw a request you opened").Produces<AdRequestDetail>();
    }

    private static async Task<IResult> ListCampaignsAsync(ClaimsPrincipal user, CampaignRepository campaigns, string? q, int? page) =>
        TypedResults.Ok(await campaigns.ListOwnAsync(Actor(user), new CampaignListQuery(Text: q, Page: page ?? 1)));

    private static async Task<IResult> ListRequestsAsync(ClaimsPrincipal user, AdRequestRepository requests, AdRequestStatus? status, int? page) =>
        status is { } s && !Enum.IsDefined(s)
            ? ApiResults.Invalid("status", $"Status is one of: {string.Join(", ", Enum.GetNames<AdRequestStatus>())}.")
            : TypedResults.Ok(await requests.ListAsync(Actor(user), new AdRequestListQuery(Status: status, Page: page ?? 1)));

    private static async Task<IResult> GetAsync(ClaimsPrincipal user, AdRequestRepository requests, int id) =>
        await requests.GetAsync(Actor(user), id) is { } request ? TypedResults.Ok(request) : ApiResults.NotFound("That ad request");

    private static async Task<IResult> SendAsync(ClaimsPrincipal user, AdRequestRepository requests, SendBody body)
    {
        var actor = Actor(user);
        var offer = Offer(body.Payment, body.Requirements, body.Message);
        CommandResult<int> opened;
        if (actor.IsSponsor)
        {
            if (body.InfluencerId is not { } influencerId)
            {
                return ApiResults.Invalid("influencerId", "Say which influencer the request is for.");
            }

            opened = await requests.SendAsync(actor, body.CampaignId, influencerId, offer);
        }
        else
        {
            opened = await requests.ApplyAsync(actor, body.CampaignId, offer);
        }

        return opened.Succeeded
            ? TypedResults.Created($"/api/v1/ad-requests/{opened.Value}", await requests.GetAsync(actor, opened.Value))
            : ApiResults.Refused(opened);
    }

    private static async Task<IResult> MoveAsync(ClaimsPrincipal user, AdRequestRepository requests, int id, Func<Actor, Task<CommandResult>> move)
    {
        var actor = Actor(user);
        var result = await move(actor);
        return result.Succeeded ? TypedResults.Ok(await requests.GetAsync(actor, id)) : ApiResults.Refused(result);
    }

    private static OfferInput Offer(decimal payment, string? requirements, string? message) =>
        new() { Payment = payment, Requirements = requirements ?? "", Message = message };
}

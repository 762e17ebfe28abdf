using System.Security.Claims;
using IESCP.Data;
using IESCP.Data.Campaigns;
using IESCP.Data.Identity;
using IESCP.Data.Influencers;
using IESCP.Data.Search;
using IESCP.Web.Authorization;

namespace IESCP.Web.Api;

/// <summary>Search and the public pages behind it, through the same repositories as the UI.</summary>
internal static class SearchApi
{
    private const int MaxTextLength = 200;
    private const decimal MaxBudget = 1_000_000_000_000m;

    public static void MapSearchApi(this RouteGroupBuilder api)
    {
        api.MapGet("/influencers", SearchInfluencersAsync).RequireAuthorization(Policies.ApprovedSponsor)
            .WithSummary("Search influencers (approved sponsors)").Produces<PagedResult<InfluencerSearchItem>>();
        api.MapGet("/influencers/{id:int}", GetInfluencerAsync)
            .WithSummary("An influencer's public profile").Produces<PublicInfluencerProfile>();
        api.MapGet("/campaigns", SearchCampaignsAsync)
            .WithSummary("Search listed campaigns (influencers)").Produces<PagedResult<CampaignSearchItem>>();
        api.MapGet("/campaigns/{id:int}", GetCampaignAsync)
            .WithSummary("A campaign: a listed one or one you have a request on (influencers), or your own with its requests (sponsors)");
    }

    private static async Task<IResult> SearchInfluencersAsync(ClaimsPrincipal user, InfluencerSearch search, CachedJson json,
        string? q, string? category, string? niche, long? minFollowers, long? maxFollowers, int? page, string? sort)
    {
        if (q?.Length > MaxTextLength)
        {
            return ApiResults.Invalid("q", $"Search text is at most {MaxTextLength} characters.");
        }

        if (!TryParse<InfluencerSort>(sort, out var order))
        {
            return ApiResults.Invalid("sort", $"Sort by one of: {string.Join(", ", Enum.GetNames<InfluencerSort>())}.");
        }

        return json.Ok(await search.SearchAsync(Actor(user), new InfluencerSearchQuery
        {
            Text = q, Category = category, Niche = niche, MinFollowers = minFollowers, MaxFollowers = maxFollowers,
            Sort = order, Page = page ?? 1,
        }));
    }

    private static async Task<IResult> SearchCampaignsAsync(ClaimsPrincipal user, CampaignSearch search, CachedJson json,
        string? q, string? category, string? niche, decimal? minBudget, decimal? maxBudget, int? page, string? sort)
    {
        if (q?.Length > MaxTextLength)
        {
            return ApiResults.Invalid("q", $"Search text is at most {MaxTextLength} characters.");
        }

        if (minBudget is < 0 or > MaxBudget || maxBudget is < 0 or > MaxBudget)
        {
            return ApiResults.Invalid(minBudget is < 0 or > MaxBudget ? "minBudget" : "maxBudget", "Budgets are between 0 and 1,000,000,000,000 dollars.");
        }

        if (!TryParse<CampaignSearchSort>(sort, out var order))
        {
            return ApiResults.Invalid("sort", $"Sort by one of: {string.Join(", ", Enum.GetNames<CampaignSearchSort>())}.");
        }

        return json.Ok(await search.SearchAsync(Actor(user), new CampaignSearchQuery
        {
            Text = q, Category = category, Niche = niche, MinBudget = minBudget, MaxBudget = maxBudget, Sort = order, Page = page ?? 1,
        }));
    }

    private static async Task<IResult> GetInfluencerAsync(ClaimsPrincipal user, InfluencerRepository influencers, CachedJson json, int id) =>
        await influencers.GetPublicProfileAsync(Actor(user), id) is { } profile ? json.Ok(profile) : ApiResults.NotFound("That influencer");

    private static async Task<IResult> GetCampaignAsync(ClaimsPrincipal user, CampaignSearch search, CampaignRepository campaigns, int id)
    {
        var actor = Actor(user);
        object? campaign = actor.IsSponsor ? await campaigns.GetOwnAsync(actor, id) : await search.GetCampaignForInfluencerAsync(actor, id);
        return campaign is null ? ApiResults.NotFound("That campaign") : TypedResults.Ok(campaign);
    }

    internal static Actor Actor(ClaimsPrincipal user) => CurrentUser.ActorOf(user) ?? throw new ForbiddenException("Sign in first.");

    /// <summary>An optional enum named in any case; numbers are not accepted (they would bind values the enum lacks).</summary>
    private static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        return string.IsNullOrWhiteSpace(text)
            || (!char.IsAsciiDigit(text.Trim()[0]) && text.Trim()[0] != '-' && Enum.TryParse(text.Trim(), ignoreCase: true, out value) && Enum.IsDefined(value));
    }
}

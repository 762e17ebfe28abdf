using IESCP.Data.Search;
using IESCP.Web.Components.Pages.Search;

namespace IESCP.Tests.Components;

/// <summary>
/// The search pages' markup is written as strings, not by Razor: whatever people typed (names,
/// campaign titles) must come out as text, never as markup, and the chosen option must show.
/// </summary>
[Trait("Category", "Unit")]
public sealed class SearchMarkupTests
{
    private const string Typed = "<script>alert(1)</script> \"Ann\" & 'Co' Müller";

    [Fact]
    public void An_influencer_card_shows_a_typed_name_as_text()
    {
        var card = SearchMarkup.Influencer(new InfluencerSearchItem(
            7, Typed, "Technology", "AI", 12_345, 4.5, 2, 0.5, null, new ScoreBreakdown(40, 1, 2, 3))).Value;

        Assert.DoesNotContain("<script>", card);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &quot;Ann&quot; &amp; &#x27;Co&#x27; Müller", card);
        Assert.Contains("href=\"influencers/7\"", card);
    }

    [Fact]
    public void Campaign_cards_show_typed_names_as_text()
    {
        var cards = SearchMarkup.Campaigns([
            new CampaignSearchItem(3, Typed, Typed, "Fitness", "Yoga", new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 1), 100_00, 50_00),
        ]).Value;

        Assert.DoesNotContain("<script>", cards);
        Assert.Equal(2, cards.Split("&lt;script&gt;").Length - 1);
        Assert.Contains("href=\"influencer/campaigns/3\"", cards);
    }

    [Fact]
    public void The_chosen_option_is_marked_and_an_unknown_one_falls_back_to_any()
    {
        Assert.Contains("<option value=\"AI\" selected>AI</option>", SearchMarkup.NicheChoices("AI").Value);
        Assert.Contains("<option value=\"\" selected>Any</option>", SearchMarkup.NicheChoices("<b>").Value);
        Assert.Contains("<option value=\"Fitness\" selected>Fitness</option>", SearchMarkup.Categories("Fitness").Value);
        Assert.Contains("<option value=\"Rating\" selected>Rating</option>", SearchMarkup.Sorts(InfluencerSort.Rating).Value);
    }
}

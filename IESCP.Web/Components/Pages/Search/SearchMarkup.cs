using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using IESCP.Data;
using IESCP.Data.Catalog;
using IESCP.Data.Search;
using Microsoft.AspNetCore.Components;

namespace IESCP.Web.Components.Pages.Search;

/// <summary>
/// The parts of the search pages nobody clicks, as blocks of markup (one render-tree frame each)
/// instead of elements: an open page keeps its render tree twice in the server's memory (the
/// current one and the one before), and the drop-downs' options and the results' text were most
/// of its frames. Every value is HTML-encoded here. The options are made once per selected value
/// and shared by every open page; the selected one is marked, so the prerendered page shows it.
/// </summary>
internal static class SearchMarkup
{
    // Encodes what HTML gives meaning to (<, >, &, quotes) but leaves other letters as they are: names
    // in any alphabet cost one character each instead of a numeric entity.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private static readonly FrozenDictionary<string, MarkupString> CategoryOptions =
        new[] { "" }.Concat(Niches.Categories).ToFrozenDictionary(selected => selected, selected => new MarkupString(
            Option("", "Any", selected) + string.Concat(Niches.Categories.Select(c => Option(c, c, selected)))));

    private static readonly FrozenDictionary<string, MarkupString> NicheOptions =
        new[] { "" }.Concat(Niches.All).ToFrozenDictionary(selected => selected, selected => new MarkupString(
            Option("", "Any", selected) + string.Concat(Niches.ByCategory.Select(group =>
                $"<optgroup label=\"{Html.Encode(group.Key)}\">{string.Concat(group.Value.Select(n => Option(n, n, selected)))}</optgroup>"))));

    /// <summary>"Any" and every category, <paramref name="selected"/> marked.</summary>
    public static MarkupString Categories(string? selected) => CategoryOptions.GetValueOrDefault(selected ?? "", CategoryOptions[""]);

    /// <summary>"Any" and every niche grouped by category, <paramref name="selected"/> marked.</summary>
    public static MarkupString NicheChoices(string? selected) => NicheOptions.GetValueOrDefault(selected ?? "", NicheOptions[""]);

    /// <summary>Every value of a sort order, <paramref name="selected"/> marked.</summary>
    public static MarkupString Sorts<TSort>(TSort selected) where TSort : struct, Enum => SortOptions<TSort>.BySelected[selected];

    /// <summary>An influencer's result card but its button: name and link, what they do, their record, the score explained.</summary>
    public static MarkupString Influencer(InfluencerSearchItem item)
    {
        var culture = CultureInfo.CurrentCulture;
        var record = new StringBuilder(item.AverageRating is { } rating
            ? string.Create(culture, $"★ {rating:0.0} ({item.RatingCount})")
            : "No ratings yet");
        if (item.AcceptanceRate is { } accepted)
        {
            record.Append(culture, $"<span> · accepts {accepted:P0}</span>");
        }

        if (item.CompletionRate is { } completed)
        {
            record.Append(culture, $"<span> · completes {completed:P0}</span>");
        }

        return new MarkupString(string.Create(culture, $"""
            <div class="result-main"><a class="result-title" href="influencers/{item.Id}">{Html.Encode(item.Name)}</a><div class="muted">{Html.Encode(item.Category)} · {Html.Encode(item.Niche)} · {item.Followers:N0} followers</div><div class="muted">{record}</div></div><div class="result-score" title="How the relevance score is made"><div class="stat-value">{item.Score.Total:0}</div><div class="score-parts">{Html.Encode(item.Score.Explain())}</div></div>
            """));
    }

    /// <summary>Campaigns' whole result cards (nothing on them is clicked but links): name and link, sponsor and niche, dates, what is left of the budget.</summary>
    public static MarkupString Campaigns(IEnumerable<CampaignSearchItem> items)
    {
        var culture = CultureInfo.CurrentCulture;
        return new MarkupString(string.Concat(items.Select(item => string.Create(culture, $"""
            <article class="result-card rz-card rz-variant-outlined"><div class="result-main"><a class="result-title" href="influencer/campaigns/{item.Id}">{Html.Encode(item.Name)}</a><div class="muted">{Html.Encode(item.SponsorName)} · {Html.Encode(item.Category)} · {Html.Encode(item.Niche)}</div><div class="muted">{item.StartDate.ToString("d MMM", culture)} – {item.EndDate.ToString("d MMM yyyy", culture)}</div></div><div class="result-score"><div class="stat-value">{Money.Format(item.AvailableCents)}</div><div class="score-parts">available of {Money.Format(item.BudgetCents)}</div></div></article>
            """))));
    }

    private static string Option(string value, string text, string selected) =>
        $"<option value=\"{Html.Encode(value)}\"{(value == selected ? " selected" : "")}>{Html.Encode(text)}</option>";

    private static class SortOptions<TSort> where TSort : struct, Enum
    {
        public static readonly FrozenDictionary<TSort, MarkupString> BySelected = Enum.GetValues<TSort>().ToFrozenDictionary(
            selected => selected,
            selected => new MarkupString(string.Concat(Enum.GetValues<TSort>().Select(s => Option(s.ToString(), s.ToString(), selected.ToString())))));
    }
}

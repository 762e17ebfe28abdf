namespace IESCP.Data.Search;

/// <summary>One page of search results and how many match in all.</summary>
public sealed record SearchPage<T>(IReadOnlyList<T> Items, int TotalCount, int Page, int PageSize)
{
    public int PageCount => TotalCount == 0 ? 0 : (TotalCount + PageSize - 1) / PageSize;
}

internal static class Paging
{
    public const int MaxPageSize = 50;

    /// <summary>Pages count from 1; a page size outside 1..50 is brought inside.</summary>
    public static (int Page, int Size, int Skip) Normalize(int page, int pageSize)
    {
        var size = Math.Clamp(pageSize, 1, MaxPageSize);
        var current = Math.Max(1, page);
        return (current, size, (current - 1) * size);
    }
}

internal static class SearchText
{
    public const char Escape = '\\';

    /// <summary>
    /// A LIKE pattern that matches the text anywhere, with the user's % and _ taken literally;
    /// null when there is nothing to search for. SQLite's LIKE ignores ASCII case.
    /// </summary>
    public static string? ContainsPattern(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        var escaped = trimmed.Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal);
        return $"%{escaped}%";
    }
}

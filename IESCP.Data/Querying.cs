using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace IESCP.Data;

/// <summary>One page of a list and how many rows the whole list has.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int TotalCount, int Page, int PageSize)
{
    public int PageCount => TotalCount == 0 ? 1 : (TotalCount + PageSize - 1) / PageSize;
}

internal static class Querying
{
    /// <summary>The most rows any list returns at once.</summary>
    public const int MaxPageSize = 50;

    /// <summary>Pages count from 1; a page size outside 1..<see cref="MaxPageSize"/> is brought inside.</summary>
    public static (int Page, int Size, int Skip) Paging(int page, int pageSize)
    {
        var size = Math.Clamp(pageSize, 1, MaxPageSize);
        var current = Math.Max(1, page);
        return (current, size, (current - 1) * size);
    }

    /// <summary>Counts, then reads one page (see <see cref="Paging"/>).</summary>
    public static async Task<PagedResult<T>> ToPageAsync<T>(this IQueryable<T> query, int page, int pageSize)
    {
        (page, pageSize, var skip) = Paging(page, pageSize);
        var total = await query.CountAsync();
        var items = await query.Skip(skip).Take(pageSize).ToListAsync();
        return new PagedResult<T>(items, total, page, pageSize);
    }

    /// <summary>A LIKE pattern that finds the text anywhere, with its own wildcards taken literally (escape \).</summary>
    public static string? ContainsPattern(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? null
            : $"%{text.Trim().Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal)}%";

    /// <summary>Trimmed text, or null when blank.</summary>
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>
    /// Search text as part of a cache key: LIKE ignores the case of ASCII letters only, so only those
    /// are folded (two texts with one key always find the same rows).
    /// </summary>
    public static string CaseKey(string? text)
    {
        if (Clean(text) is not { } clean)
        {
            return KeyPart(null);
        }

        var folded = string.Create(clean.Length, clean, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsAsciiLetterUpper(source[i]) ? (char)(source[i] + 32) : source[i];
            }
        });
        return KeyPart(folded);
    }

    /// <summary>A value as part of a cache key: length-prefixed, so no value can pass for another part of the key.</summary>
    public static string KeyPart(string? value) => value is null ? "-" : $"{value.Length}:{value}";

    public static IOrderedQueryable<T> Sort<T, TKey>(this IQueryable<T> query, Expression<Func<T, TKey>> key, bool descending) =>
        descending ? query.OrderByDescending(key) : query.OrderBy(key);
}

namespace IESCP.Data.Search;

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

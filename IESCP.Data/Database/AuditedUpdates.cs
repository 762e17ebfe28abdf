using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace IESCP.Data.Database;

/// <summary>
/// The one way the data layer runs a bulk UPDATE: rows that keep audit fields get UpdatedAt
/// set in the same statement, from the app's clock. EF Core's ExecuteUpdate is banned
/// elsewhere (BannedSymbols.txt), so no update can forget the stamp.
/// </summary>
public static class AuditedUpdates
{
    /// <summary>Updates the rows of the query in one statement; returns how many it changed.</summary>
    public static Task<int> UpdateAsync<T>(this IQueryable<T> rows, IescpDbContext db, Action<UpdateSettersBuilder<T>> set,
        CancellationToken cancellationToken = default)
        where T : class
    {
        var now = db.Now;
#pragma warning disable RS0030 // the one place allowed to call ExecuteUpdate
        return rows.ExecuteUpdateAsync(setters =>
        {
            set(setters);
            if (typeof(IAuditable).IsAssignableFrom(typeof(T)))
            {
                setters.SetProperty(UpdatedAt<T>(), now);
            }
        }, cancellationToken);
#pragma warning restore RS0030
    }

    private static Expression<Func<T, DateTime>> UpdatedAt<T>() => row => EF.Property<DateTime>(row!, nameof(IAuditable.UpdatedAt));
}

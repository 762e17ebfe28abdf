using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace IESCP.Data;

internal static class DbErrors
{
    private const int SqliteConstraintUnique = 2067;

    /// <summary>A unique index refused the row: someone else got there first.</summary>
    public static bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is SqliteException { SqliteExtendedErrorCode: SqliteConstraintUnique };
}

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Kiln.Tracking.Storage;

/// <summary>Tells the errors that mean "another writer got there first" from real failures, on either database.</summary>
static class DatabaseErrors
{
    const int SqliteConstraint = 19;

    public static bool IsConflict(Exception exception) =>
        exception is DbUpdateException { InnerException: { } inner } ? IsConflict(inner)
        : exception is SqliteException { SqliteErrorCode: SqliteConstraint }
          || exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.SerializationFailure };

    /// <summary>
    /// Runs <paramref name="work"/> again (once) when it lost a race to a concurrent writer, so that its checks see the
    /// other writer's rows and answer as if they had come one after the other.
    /// </summary>
    public static async Task<T> RetryOnConflictAsync<T>(Func<Task<T>> work)
    {
        try
        {
            return await work().ConfigureAwait(false);
        }
        catch (Exception e) when (IsConflict(e))
        {
            return await work().ConfigureAwait(false);
        }
    }
}

using Hangfire;
using Npgsql;

namespace Kiln.Server.Jobs;

/// <summary>Job records in the queue's own Hangfire storage: PostgreSQL, shared by every server on that database.</summary>
sealed class HangfireJobRecords(JobStorage storage) : IJobRecords
{
    const int MaxWriteAttempts = 5;

    public void Create(string key, IReadOnlyDictionary<string, string> fields, IReadOnlyList<JobSetEntry> entries)
    {
        using var connection = storage.GetConnection();
        using var transaction = connection.CreateWriteTransaction();
        transaction.SetRangeInHash(key, fields);
        foreach (var entry in entries) transaction.AddToSet(entry.Set, entry.Member, entry.Score);
        transaction.Commit();
    }

    /// <summary>
    /// Writes the fields, again when PostgreSQL turned the write down for meeting another server's write of the same job
    /// (a worker's progress and a cancel arrive together): Hangfire's upsert of a hash can then fail with a serialization
    /// failure, a deadlock or a duplicate key, and the write succeeds when tried again.
    /// </summary>
    public void Write(string key, IReadOnlyList<KeyValuePair<string, string>> fields)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var connection = storage.GetConnection();
                connection.SetRangeInHash(key, fields);
                return;
            }
            catch (Exception e) when (attempt < MaxWriteAttempts && IsConflict(e))
            {
                Thread.Sleep(Random.Shared.Next(5, 20 * attempt));
            }
        }
    }

    public IReadOnlyDictionary<string, string> Read(string key)
    {
        using var connection = storage.GetConnection();
        return connection.GetAllEntriesFromHash(key) ?? new Dictionary<string, string>();
    }

    public IReadOnlyCollection<string> Members(string set)
    {
        using var connection = storage.GetConnection();
        return connection.GetAllItemsFromSet(set);
    }

    static bool IsConflict(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.UniqueViolation })
                return true;
        return false;
    }
}

using Kiln.Tracking;
using Microsoft.Data.Sqlite;

namespace Kiln.Server.Jobs;

/// <summary>
/// The embedded store's job records, in their own SQLite file beside the tracking database, so that finished jobs with
/// their progress and errors, and the jobs still waiting, outlive a restart. While a server keeps its jobs here it holds
/// a lock file beside them: a second server on the same store is refused rather than running the first one's queued jobs
/// again or taking its running job for interrupted (servers share a queue on PostgreSQL, not on a file).
/// </summary>
sealed class SqliteJobRecords : IJobRecords, IDisposable
{
    const string Schema = """
        PRAGMA journal_mode=WAL;
        CREATE TABLE IF NOT EXISTS job_fields (key TEXT NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (key, field)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS job_sets (key TEXT NOT NULL, member TEXT NOT NULL, score REAL NOT NULL, PRIMARY KEY (key, member)) WITHOUT ROWID;
        """;

    readonly string _connectionString;
    readonly FileStream _lock;
    bool _disposed;

    public SqliteJobRecords(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        FilePath = Path.GetFullPath(path);
        try
        {
            // FileShare.None takes an exclusive lock on the file that other processes, and other handles in this one, are refused
            _lock = new FileStream(FilePath + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new TrackingUnavailableException(
                $"another Kiln server is running on this store and keeps its jobs in {FilePath}; stop it first (several servers share one job queue only on PostgreSQL, with --db postgresql://…)", e);
        }
        _connectionString = new SqliteConnectionStringBuilder { DataSource = FilePath, DefaultTimeout = 30 }.ConnectionString;
        try
        {
            using var connection = Open();
            Execute(connection, Schema);
        }
        catch (SqliteException e)
        {
            _lock.Dispose();
            throw new TrackingUnavailableException($"cannot open the job records {FilePath}: {e.Message}", e);
        }
    }

    /// <summary>The SQLite file the records are in.</summary>
    public string FilePath { get; }

    /// <summary>The job records' file for the tracking database <paramref name="trackingFile"/>: <c>tracking.db</c> keeps its jobs in <c>tracking.jobs.db</c>.</summary>
    public static string FileBeside(string trackingFile) => Path.ChangeExtension(Path.GetFullPath(trackingFile), null) + ".jobs.db";

    public void Create(string key, IReadOnlyDictionary<string, string> fields, IReadOnlyList<JobSetEntry> entries)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        WriteFields(connection, key, fields);
        foreach (var entry in entries)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO job_sets (key, member, score) VALUES ($key, $member, $score) ON CONFLICT (key, member) DO UPDATE SET score = excluded.score";
            command.Parameters.AddWithValue("$key", entry.Set);
            command.Parameters.AddWithValue("$member", entry.Member);
            command.Parameters.AddWithValue("$score", entry.Score);
            command.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    public void Write(string key, IReadOnlyList<KeyValuePair<string, string>> fields)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        WriteFields(connection, key, fields);
        transaction.Commit();
    }

    public IReadOnlyDictionary<string, string> Read(string key)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT field, value FROM job_fields WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        using var reader = command.ExecuteReader();
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read()) fields[reader.GetString(0)] = reader.GetString(1);
        return fields;
    }

    public IReadOnlyCollection<string> Members(string set)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT member FROM job_sets WHERE key = $key ORDER BY score, member";
        command.Parameters.AddWithValue("$key", set);
        using var reader = command.ExecuteReader();
        var members = new List<string>();
        while (reader.Read()) members.Add(reader.GetString(0));
        return members;
    }

    /// <summary>Closes the pooled connections to the file, then lets another server keep its jobs here.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        using (var connection = new SqliteConnection(_connectionString)) SqliteConnection.ClearPool(connection);
        _lock.Dispose();
    }

    SqliteConnection Open()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    static void WriteFields(SqliteConnection connection, string key, IEnumerable<KeyValuePair<string, string>> fields)
    {
        foreach (var (field, value) in fields)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO job_fields (key, field, value) VALUES ($key, $field, $value) ON CONFLICT (key, field) DO UPDATE SET value = excluded.value";
            command.Parameters.AddWithValue("$key", key);
            command.Parameters.AddWithValue("$field", field);
            command.Parameters.AddWithValue("$value", value);
            command.ExecuteNonQuery();
        }
    }

    static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

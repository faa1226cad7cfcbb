using Microsoft.Data.Sqlite;
using Npgsql;

namespace Kiln.Tracking;

/// <summary>
/// Which database a connection string names. PostgreSQL: a URI (<c>postgresql://user:pass@host:5432/db</c>) or keywords
/// (<c>Host=…;Database=…</c>). SQLite: <c>sqlite:///path/to/file.db</c> (MLflow's spelling), keywords
/// (<c>Data Source=file.db</c>) or a plain path to a file.
/// </summary>
public sealed record TrackingConnection(TrackingProvider Provider, string ConnectionString)
{
    /// <summary>The environment variable that points Kiln at a tracking database other than <c>$KILN_HOME/tracking.db</c>.</summary>
    public const string EnvironmentVariable = "KILN_TRACKING_DB";

    public const string DefaultFileName = "tracking.db";

    public static TrackingConnection Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var value = text.Trim();
        if (value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase))
            return new(TrackingProvider.PostgreSql, FromUri(value));
        if (value.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase))
        {
            // sqlite:///relative.db and sqlite:////absolute.db, as SQLAlchemy (and so MLflow) writes them
            var path = value["sqlite:".Length..];
            path = path.StartsWith("///", StringComparison.Ordinal) ? path[3..] : path.TrimStart('/');
            return SqliteFile(path, text);
        }
        if (!value.Contains('='))
            return SqliteFile(value, text);
        var keywords = value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(pair => pair.Split('=', 2)[0].Trim().ToLowerInvariant()).ToHashSet();
        if (keywords.Overlaps(["host", "server"]))
            return new(TrackingProvider.PostgreSql, Checked(() => new NpgsqlConnectionStringBuilder(value).ConnectionString, text));
        if (keywords.Overlaps(["data source", "datasource", "filename"]))
            return new(TrackingProvider.Sqlite, Checked(() => new SqliteConnectionStringBuilder(value).ConnectionString, text));
        throw TrackingException.Invalid($"tracking database '{Redacted(text)}' is neither PostgreSQL (Host=… or postgresql://…) nor SQLite (Data Source=… or a .db file)");
    }

    /// <summary>The SQLite file in <paramref name="home"/>, where tracking lives when nothing else is configured.</summary>
    public static TrackingConnection InFolder(string home) => SqliteFile(Path.Combine(home, DefaultFileName), home);

    /// <summary>The connection string with any password hidden, for messages and listings.</summary>
    public override string ToString() => $"{Provider}: {Redacted(ConnectionString)}";

    static TrackingConnection SqliteFile(string path, string text)
    {
        if (string.IsNullOrWhiteSpace(path)) throw TrackingException.Invalid($"tracking database '{text}' names no SQLite file");
        var builder = new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(path) };
        return new(TrackingProvider.Sqlite, builder.ConnectionString);
    }

    static string FromUri(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
            throw TrackingException.Invalid($"tracking database '{Redacted(text)}' is not a valid postgresql:// URI");
        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host, Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port };
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2) builder.Password = Uri.UnescapeDataString(parts[1]);
        }
        var database = uri.AbsolutePath.Trim('/');
        if (database.Length > 0) builder.Database = Uri.UnescapeDataString(database);
        return builder.ConnectionString;
    }

    static string Checked(Func<string> build, string text)
    {
        try
        {
            return build();
        }
        catch (ArgumentException e)
        {
            throw TrackingException.Invalid($"tracking database '{Redacted(text)}': {e.Message}");
        }
    }

    static string Redacted(string text) =>
        System.Text.RegularExpressions.Regex.Replace(
            System.Text.RegularExpressions.Regex.Replace(text, @"(?i)(password|pwd)\s*=[^;]*", "$1=***"),
            @"(?i)(postgres(?:ql)?://[^:/@]+:)[^@]*@", "$1***@");
}

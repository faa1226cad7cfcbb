using Npgsql;

namespace Kiln.Tracking.Tests;

/// <summary>
/// The PostgreSQL server that ./test.sh starts for the run (tests/postgres-server.sh) and names in
/// <c>KILN_TEST_POSTGRES</c>. Each test gets a database of its own, dropped afterwards.
/// </summary>
public static class PostgresServer
{
    public const string EnvironmentVariable = "KILN_TEST_POSTGRES";

    public static string? ConnectionString { get; } = Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value ? value : null;

    /// <summary>Skips the calling test, with the reason, when no server was started for this run.</summary>
    public static string Require()
    {
        if (ConnectionString is null)
            Assert.Skip($"no PostgreSQL server for this run: {EnvironmentVariable} is not set. ./test.sh installs Debian's postgresql and starts one; " +
                "by hand: eval \"$(tests/postgres-server.sh start)\"");
        return ConnectionString;
    }

    public static async Task<string> CreateDatabaseAsync()
    {
        var name = $"kiln_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(Require());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(Require()) { Database = name }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(Require());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}

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

    /// <summary>Restarts the server (a fast shutdown, then a start with the same settings); skips the test when it was not started by tests/postgres-server.sh.</summary>
    public static async Task RestartAsync()
    {
        Require();
        if (Environment.GetEnvironmentVariable("KILN_TEST_POSTGRES_DIR") is not { Length: > 0 } folder)
        {
            Assert.Skip("the PostgreSQL server's folder is unknown (KILN_TEST_POSTGRES_DIR): only a server started by tests/postgres-server.sh can be restarted");
            return;
        }
        var pgCtl = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", "pg_ctl")).Where(File.Exists)
            .OrderBy(p => int.Parse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(p)))!, System.Globalization.CultureInfo.InvariantCulture)).Last();
        // -l: the restarted server writes to its log file, not to pg_ctl's output, which would then never end
        string[] command = [pgCtl, "-D", Path.Combine(folder, "data"), "-l", Path.Combine(folder, "server.log"), "-m", "fast", "-w", "-t", "60", "restart"];
        // PostgreSQL runs as the postgres user when the tests run as root, as tests/postgres-server.sh starts it
        var info = Environment.UserName == "root" ? new System.Diagnostics.ProcessStartInfo("runuser", ["-u", "postgres", "--", .. command]) : new System.Diagnostics.ProcessStartInfo(command[0], command[1..]);
        info.RedirectStandardOutput = info.RedirectStandardError = true;
        using var process = System.Diagnostics.Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"pg_ctl restart failed ({process.ExitCode}): {output}");
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

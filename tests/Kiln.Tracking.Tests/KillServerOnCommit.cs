using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Kiln.Tracking.Tests;

/// <summary>
/// When armed, stops the next transaction just before it commits and kills (SIGKILL) the PostgreSQL server process
/// serving it — the moment at which a registration's rows are written but not yet committed.
/// </summary>
public sealed class KillServerOnCommit : DbTransactionInterceptor
{
    volatile bool _armed;

    public int? KilledProcess { get; private set; }

    public void Arm() => _armed = true;

    public override async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (!_armed) return result;
        _armed = false;
        await using (var command = new NpgsqlCommand("SELECT pg_backend_pid()", (NpgsqlConnection)transaction.Connection!, (NpgsqlTransaction)transaction))
            KilledProcess = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        using (var server = Process.GetProcessById(KilledProcess.Value))
        {
            server.Kill();
            await server.WaitForExitAsync(cancellationToken);
        }
        return result;
    }

    /// <summary>Waits until the server has restarted after the kill and accepts connections again.</summary>
    public static async Task WaitForServerAsync(string connectionString)
    {
        NpgsqlConnection.ClearAllPools();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand("SELECT 1", connection);
                await command.ExecuteScalarAsync();
                NpgsqlConnection.ClearAllPools();
                return;
            }
            catch (Exception e) when (e is NpgsqlException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }
}

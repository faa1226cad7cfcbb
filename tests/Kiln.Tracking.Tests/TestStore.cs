using Kiln.Testing;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kiln.Tracking.Tests;

/// <summary>A tracking store on a fresh database of the named backend (<c>sqlite</c> or <c>postgresql</c>) with its own artifact folder.</summary>
public sealed class TestStore : IAsyncDisposable
{
    /// <summary>The backends every store test runs against.</summary>
    public static readonly TheoryData<string> Backends = ["sqlite", "postgresql"];

    readonly string? _postgres;

    TestStore(TemporaryFolder home, TrackingOptions options, TrackingStore store, string? postgres)
    {
        Home = home;
        Options = options;
        Store = store;
        _postgres = postgres;
    }

    public TemporaryFolder Home { get; }
    public TrackingOptions Options { get; }
    public TrackingStore Store { get; }

    /// <param name="maxRetries">PostgreSQL: how often a call that failed on a dropped connection is tried again; 0 tries once.</param>
    public static async Task<TestStore> OpenAsync(string backend, IReadOnlyList<IInterceptor>? interceptors = null, int maxRetries = TrackingOptions.DefaultMaxRetries)
    {
        string? postgres = backend switch
        {
            "sqlite" => null,
            "postgresql" => await PostgresServer.CreateDatabaseAsync(),
            _ => throw new ArgumentException($"unknown backend {backend}", nameof(backend)),
        };
        var home = new TemporaryFolder();
        var options = new TrackingOptions { Home = home.Path, Database = postgres, Interceptors = interceptors ?? [], MaxRetries = maxRetries };
        return new TestStore(home, options, await TrackingStore.OpenAsync(options), postgres);
    }

    /// <summary>Another store on the same database and artifacts, as a second process would open it.</summary>
    public Task<TrackingStore> ReopenAsync() => TrackingStore.OpenAsync(Options with { Interceptors = [] });

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null) await PostgresServer.DropDatabaseAsync(_postgres);
        else Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Home.Dispose();
    }
}

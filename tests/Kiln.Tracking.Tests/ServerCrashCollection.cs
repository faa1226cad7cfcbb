namespace Kiln.Tracking.Tests;

/// <summary>
/// Tests that kill PostgreSQL server processes. A killed backend makes the server restart every connection, so these
/// run alone, after the tests that share the server.
/// </summary>
[CollectionDefinition(nameof(ServerCrashCollection), DisableParallelization = true)]
public sealed class ServerCrashCollection;

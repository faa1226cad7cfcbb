using System.Runtime.CompilerServices;

namespace Kiln.Cli.Tests;

/// <summary>
/// Every command a test runs records to a tracking store of its own, never the user's: KILN_HOME points at a folder
/// made for this test process (deleted when it exits) and KILN_TRACKING_DB is cleared.
/// </summary>
static class TestEnvironment
{
    [ModuleInitializer]
    internal static void IsolateKilnHome()
    {
        var home = Directory.CreateTempSubdirectory("kiln-cli-tests-").FullName;
        Environment.SetEnvironmentVariable("KILN_HOME", home);
        Environment.SetEnvironmentVariable(Kiln.Tracking.TrackingConnection.EnvironmentVariable, null);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(home, recursive: true); }
            catch (IOException) { }
        };
    }
}

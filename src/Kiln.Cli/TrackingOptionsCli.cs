using System.CommandLine;
using System.Reflection;
using Kiln.Tracking;

namespace Kiln.Cli;

/// <summary>The command-line options that choose and control tracking, and how the CLI opens the tracking store.</summary>
public static class TrackingOptionsCli
{
    public static readonly Option<bool> NoTrack = new("--no-track") { Description = "Do not record this command as a run" };

    public static readonly Option<string> Experiment = new("--experiment")
    {
        Description = "The experiment to record the run in (created when missing; default: Default)",
    };

    public static readonly Option<string> Database = new("--db")
    {
        Description = $"The tracking database: a PostgreSQL connection string or URI, or a SQLite file (default: ${TrackingConnection.EnvironmentVariable}, else $KILN_HOME/{TrackingConnection.DefaultFileName})",
        Recursive = true,
    };

    /// <summary>Kiln's version with the commit it was built from, as runs record it.</summary>
    public static string SourceVersion { get; } =
        "kiln " + (typeof(TrackingOptionsCli).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown");

    /// <summary>Adds <c>--no-track</c> and <c>--experiment</c> to a command that records runs.</summary>
    public static void AddRecordingOptions(Command command)
    {
        command.Options.Add(NoTrack);
        command.Options.Add(Experiment);
    }

    /// <summary>The store named by <c>--db</c> (when the command has it), else <c>KILN_TRACKING_DB</c>, else the default under <c>$KILN_HOME</c>.</summary>
    public static TrackingStore Open(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var options = TrackingOptions.FromEnvironment();
        if (parseResult.GetResult(Database) is not null && parseResult.GetValue(Database) is { Length: > 0 } database)
            options = options with { Database = database };
        return TrackingStore.OpenAsync(options, cancellationToken).GetAwaiter().GetResult();
    }

    /// <summary>The command line as typed, for the run's record.</summary>
    public static string CommandLine(ParseResult parseResult) =>
        "kiln " + string.Join(' ', parseResult.Tokens.Select(t => t.Value.Length == 0 || t.Value.Any(char.IsWhiteSpace) ? $"'{t.Value}'" : t.Value));
}

using System.CommandLine;
using Kiln.Neural.Tracking;
using Kiln.Serving.Monitoring;
using Kiln.Tracking;

namespace Kiln.Cli;

/// <summary>
/// The run a command records, on a best-effort basis: tracking must never cost the user their result, so any tracking
/// failure prints one warning, stops recording for the rest of the command and lets the command carry on. A command
/// adds <see cref="TrackingOptionsCli.AddRecordingOptions"/> to its options, then:
/// <code>
/// using var run = CommandRun.Start(parseResult, "train random-forest", seed, fingerprint, cancellationToken);
/// … the work …
/// run.LogParams(parameters); run.LogMetrics(scores); run.LogModelPackage(packagePath); run.Finish();
/// </code>
/// A run not finished when disposed (the command threw) is marked failed. It is also an <see cref="IRunTracker"/>, so
/// neural-network training can feed it through <see cref="TrackingCallback"/>.
/// </summary>
public sealed class CommandRun : IRunTracker, IDisposable
{
    readonly TextWriter _warnings;
    readonly CancellationToken _cancellation;
    RunRecorder? _recorder;

    CommandRun(RunRecorder? recorder, TextWriter warnings, CancellationToken cancellation)
    {
        _recorder = recorder;
        _warnings = warnings;
        _cancellation = cancellation;
    }

    /// <summary>The run's id (also once finished), or null when the command is not tracked (<c>--no-track</c>) or tracking failed to start.</summary>
    public string? RunId { get; private set; }

    /// <summary>Starts a run for the command unless <c>--no-track</c> was given; never throws for a tracking failure.</summary>
    public static CommandRun Start(ParseResult parseResult, string name, long? seed = null, string? dataFingerprint = null, CancellationToken cancellationToken = default)
    {
        var warnings = parseResult.InvocationConfiguration.Error;
        if (parseResult.GetValue(TrackingOptionsCli.NoTrack)) return new CommandRun(null, warnings, cancellationToken);
        var run = new CommandRun(null, warnings, cancellationToken);
        run.Try(() =>
        {
            var store = TrackingOptionsCli.Open(parseResult, cancellationToken);
            var start = new RunStart
            {
                Name = name, Command = TrackingOptionsCli.CommandLine(parseResult), SourceVersion = TrackingOptionsCli.SourceVersion,
                UserId = Environment.UserName, Seed = seed, DataFingerprint = dataFingerprint,
            };
            run._recorder = RunRecorder.StartAsync(store, parseResult.GetValue(TrackingOptionsCli.Experiment), start, cancellationToken).GetAwaiter().GetResult();
            run.RunId = run._recorder.RunId;
        });
        return run;
    }

    public void LogParams(IReadOnlyDictionary<string, string> parameters) => Try(() => _recorder?.LogParamsAsync(parameters, _cancellation).GetAwaiter().GetResult());

    public void LogMetrics(IReadOnlyDictionary<string, double> metrics, long step = 0) => Try(() => _recorder?.LogMetricsAsync(metrics, step, _cancellation).GetAwaiter().GetResult());

    public void SetTags(IReadOnlyDictionary<string, string> tags) => Try(() => _recorder?.SetTagsAsync(tags, _cancellation).GetAwaiter().GetResult());

    /// <summary>Copies a file or folder (a report, charts, a log) into the run's artifacts.</summary>
    public void LogArtifact(string path) => Try(() => _recorder?.LogArtifactAsync(path, null, _cancellation).GetAwaiter().GetResult());

    /// <summary>Records a saved training reference into the run, where monitoring finds it once the run's model is registered.</summary>
    public void LogReference(string path) => Try(() =>
    {
        if (_recorder is not null) TrainingReference.LogAsync(_recorder, path, _cancellation).GetAwaiter().GetResult();
    });

    /// <summary>Stores the model package the command wrote as the run's <c>model/FILE</c> artifact, for <c>kiln registry register</c>.</summary>
    public void LogModelPackage(string path) => Try(() => _recorder?.LogModelPackageAsync(path, _cancellation).GetAwaiter().GetResult());

    public void Finish(RunStatus status = RunStatus.Finished)
    {
        Try(() => _recorder?.FinishAsync(status, _cancellation).GetAwaiter().GetResult());
        _recorder = null;
    }

    void IRunTracker.LogParameters(IReadOnlyDictionary<string, string> parameters) => LogParams(parameters);

    void IRunTracker.LogMetrics(int step, IReadOnlyDictionary<string, double> metrics) => LogMetrics(metrics, step);

    public void Dispose()
    {
        if (_recorder is null) return;
        var recorder = _recorder;
        _recorder = null;
        // the command failed or was cancelled; its exception is the message that matters, not this one
        try { recorder.FinishAsync(_cancellation.IsCancellationRequested ? RunStatus.Killed : RunStatus.Failed, CancellationToken.None).GetAwaiter().GetResult(); }
        catch (Exception e) when (e is not OutOfMemoryException) { _warnings.WriteLine($"kiln: warning: could not mark run {recorder.RunId} as failed: {e.Message}"); }
    }

    void Try(Action action)
    {
        try
        {
            action();
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            _warnings.WriteLine($"kiln: warning: tracking stopped ({e.Message}); the command's results are not affected (--no-track skips tracking)");
            _recorder = null;
        }
    }
}

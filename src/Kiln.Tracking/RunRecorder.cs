using System.Globalization;
using System.Security.Cryptography;
using Kiln.Learn;

namespace Kiln.Tracking;

/// <summary>
/// The one call a command makes to record its work as a run: start it, log what it measured and made, finish it.
/// Disposing a recorder that was not finished marks the run failed, so a run that threw is never left running.
/// </summary>
/// <example>
/// <code>
/// await using var run = await RunRecorder.StartAsync(store, "churn", new RunStart { Name = "train random-forest", Seed = 42 });
/// await run.LogParamsAsync(parameters);
/// await run.LogMetricsAsync(scores);
/// await run.LogModelPackageAsync("churn.kiln");
/// await run.FinishAsync();
/// </code>
/// </example>
public sealed class RunRecorder : IAsyncDisposable
{
    /// <summary>The run tag naming the model package's artifact path, which <c>kiln registry register</c> looks for.</summary>
    public const string PackageTag = "kiln.package";

    /// <summary>The run tag holding the package's SHA-256, so a package file can be traced back to the run that wrote it.</summary>
    public const string PackageHashTag = "kiln.package.sha256";

    public const string PackageFolder = "model";

    readonly TrackingStore _store;
    bool _finished;

    RunRecorder(TrackingStore store, Run run)
    {
        _store = store;
        Run = run;
    }

    /// <summary>The run as it was started.</summary>
    public Run Run { get; }

    public string RunId => Run.Id;

    /// <summary>Starts a run in the named experiment (created when missing; <see cref="Experiment.DefaultName"/> when null).</summary>
    public static async Task<RunRecorder> StartAsync(TrackingStore store, string? experiment, RunStart start, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(start);
        var found = await store.Experiments.GetOrCreateAsync(experiment ?? Experiment.DefaultName, cancellationToken).ConfigureAwait(false);
        var run = await store.Runs.CreateAsync(start with { ExperimentId = found.Id }, cancellationToken).ConfigureAwait(false);
        return new RunRecorder(store, run);
    }

    public Task LogParamsAsync(IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken = default) =>
        ForEachBatch(parameters, TrackingLimits.ParamsOrTagsPerBatch, part => _store.Runs.LogBatchAsync(RunId, parameters: part, cancellationToken: cancellationToken));

    public Task SetTagsAsync(IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken = default) =>
        ForEachBatch(tags, TrackingLimits.ParamsOrTagsPerBatch, part => _store.Runs.LogBatchAsync(RunId, tags: part, cancellationToken: cancellationToken));

    /// <summary>Logs each value at <paramref name="step"/> (an epoch, a fold); non-finite values are kept as MLflow keeps them.</summary>
    public async Task LogMetricsAsync(IReadOnlyDictionary<string, double> metrics, long step = 0, CancellationToken cancellationToken = default)
    {
        var now = DateTimeOffset.UtcNow;
        foreach (var part in metrics.Chunk(TrackingLimits.MetricsPerBatch))
            await _store.Runs.LogBatchAsync(RunId, metrics: [.. part.Select(m => new NewMetric(m.Key, m.Value, step, now))], cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Copies a file or folder (a report, a chart, checkpoints) into the run's artifacts, under <paramref name="artifactFolder"/> when given.</summary>
    public Task<IReadOnlyList<string>> LogArtifactAsync(string path, string? artifactFolder = null, CancellationToken cancellationToken = default) =>
        _store.Runs.LogArtifactFileAsync(RunId, path, artifactFolder, cancellationToken);

    /// <summary>
    /// Stores a model package (tabular or neural) as the run's artifact <c>model/FILE</c> and tags the run with its path
    /// and SHA-256, so the registry can find it from the run or from the file. The package is checked first.
    /// </summary>
    public async Task<string> LogModelPackageAsync(string packagePath, CancellationToken cancellationToken = default)
    {
        var full = Path.GetFullPath(packagePath);
        try
        {
            PackageArchive.ReadManifest(full);
        }
        catch (InvalidDataException e)
        {
            throw TrackingException.Invalid($"{full} is not a Kiln model package: {e.Message}");
        }
        var artifact = (await LogArtifactAsync(full, PackageFolder, cancellationToken).ConfigureAwait(false))[0];
        await SetTagsAsync(new Dictionary<string, string>
        {
            [PackageTag] = artifact,
            [PackageHashTag] = await Sha256Async(full, cancellationToken).ConfigureAwait(false),
        }, cancellationToken).ConfigureAwait(false);
        return artifact;
    }

    /// <summary>Ends the run with <paramref name="status"/> and the current time.</summary>
    public async Task FinishAsync(RunStatus status = RunStatus.Finished, CancellationToken cancellationToken = default)
    {
        if (status is RunStatus.Running or RunStatus.Scheduled) throw TrackingException.Invalid($"a run cannot finish as {status}");
        await _store.Runs.UpdateAsync(RunId, status, cancellationToken: cancellationToken).ConfigureAwait(false);
        _finished = true;
    }

    /// <summary>The SHA-256 of a file as lower-case hex, as recorded in <see cref="PackageHashTag"/>.</summary>
    public static async Task<string> Sha256Async(string path, CancellationToken cancellationToken = default)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Hyperparameters as param values: text as it is, numbers in invariant form, anything else as JSON.</summary>
    public static string FormatValue(object? value) => value switch
    {
        null => "",
        string text => text,
        bool flag => flag ? "true" : "false",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => System.Text.Json.JsonSerializer.Serialize(value),
    };

    public async ValueTask DisposeAsync()
    {
        if (_finished) return;
        _finished = true;
        await _store.Runs.UpdateAsync(RunId, RunStatus.Failed).ConfigureAwait(false);
    }

    static async Task ForEachBatch(IReadOnlyDictionary<string, string> values, int size, Func<IReadOnlyDictionary<string, string>, Task> log)
    {
        foreach (var part in values.Chunk(size))
            await log(part.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal)).ConfigureAwait(false);
    }
}

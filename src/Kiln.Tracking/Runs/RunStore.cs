using Kiln.Tracking.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kiln.Tracking;

/// <summary>
/// Runs and what they record, with MLflow's rules: params are written once (the same value again is fine, another
/// value is an error naming the key), metrics are appended with a step and a time, tags are overwritten, artifacts go
/// to the artifact store under the run's folder. Every call opens its own database context, so one store serves
/// many threads.
/// </summary>
public sealed class RunStore
{
    readonly TrackingDatabase _database;
    readonly IArtifactStore _artifacts;

    internal RunStore(TrackingDatabase database, IArtifactStore artifacts)
    {
        _database = database;
        _artifacts = artifacts;
    }

    public async Task<Run> CreateAsync(RunStart start, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(start);
        var id = Guid.NewGuid().ToString("N");
        var tags = (start.Tags ?? new Dictionary<string, string>()).Select(t => new RunTagRow
        {
            RunId = id, Key = TrackingValidation.Key("tag", t.Key), Value = TagValue(t.Key, t.Value),
        }).ToList();
        await using var context = _database.CreateContext();
        var experiment = await context.Experiments.AsNoTracking().FirstOrDefaultAsync(e => e.ExperimentId == start.ExperimentId, cancellationToken).ConfigureAwait(false)
            ?? throw TrackingException.NotFound($"no experiment has id {start.ExperimentId}");
        if (experiment.LifecycleStage != StoredNames.Of(LifecycleStage.Active))
            throw TrackingException.Invalid($"experiment {experiment.ExperimentId} ('{experiment.Name}') is deleted; runs can only be created in an active experiment");
        var row = new RunRow
        {
            RunId = id,
            ExperimentId = experiment.ExperimentId,
            Name = start.Name is null ? $"run-{id[..8]}" : TrackingValidation.Required("run name", start.Name, TrackingLimits.RunName),
            Status = StoredNames.Of(RunStatus.Running),
            StartTime = StoredNames.Millis(start.StartTime ?? DateTimeOffset.UtcNow),
            LifecycleStage = StoredNames.Of(LifecycleStage.Active),
            ArtifactUri = ArtifactPath.Combine(experiment.ArtifactLocation, id, "artifacts"),
            UserId = start.UserId,
            Command = start.Command,
            SourceVersion = start.SourceVersion is null ? null : TrackingValidation.Length("source version", start.SourceVersion, TrackingLimits.Key),
            Seed = start.Seed,
            DataFingerprint = start.DataFingerprint,
            Tags = tags,
        };
        context.Runs.Add(row);
        await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return ToRun(row);
    }

    public async Task<Run> GetAsync(string runId, CancellationToken cancellationToken = default)
    {
        await using var context = _database.CreateContext();
        return ToRun(await LoadAsync(context, runId, tracking: false, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The full id of the one run whose id starts with <paramref name="prefix"/> (at least 4 hex digits), as git resolves short hashes.</summary>
    public async Task<string> ResolveIdAsync(string prefix, CancellationToken cancellationToken = default)
    {
        var text = TrackingValidation.Required("run id", prefix, TrackingLimits.RunId).ToLowerInvariant();
        if (!text.All(char.IsAsciiHexDigit)) throw TrackingException.Invalid($"run id '{prefix}' is not hexadecimal");
        await using var context = _database.CreateContext();
        var ids = await context.Runs.AsNoTracking().Where(r => r.RunId.StartsWith(text)).Select(r => r.RunId).Take(6).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (ids.Contains(text)) return text;
        return ids.Count switch
        {
            0 => throw TrackingException.NotFound($"no run has an id starting with '{prefix}'"),
            1 when text.Length >= 4 => ids[0],
            1 => throw TrackingException.Invalid($"run id '{prefix}' is too short; give at least 4 digits"),
            _ => throw TrackingException.Invalid($"run id '{prefix}' is ambiguous: it starts {string.Join(", ", ids.Take(5))}{(ids.Count > 5 ? " …" : "")}; give more digits"),
        };
    }

    /// <summary>Runs newest first, each with its params, latest metrics and tags.</summary>
    public async Task<IReadOnlyList<Run>> SearchAsync(RunQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new RunQuery();
        if (query.MaxResults < 1) throw TrackingException.Invalid($"max results {query.MaxResults}: give at least 1");
        if (query.Skip < 0) throw TrackingException.Invalid($"skip {query.Skip}: give 0 or more");
        await using var context = _database.CreateContext();
        var runs = context.Runs.AsNoTracking().AsQueryable();
        if (query.ExperimentIds is { Count: > 0 } experiments) runs = runs.Where(r => experiments.Contains(r.ExperimentId));
        if (StoredNames.Of(query.View) is { } stage) runs = runs.Where(r => r.LifecycleStage == stage);
        if (query.Status is { } status)
        {
            var stored = StoredNames.Of(status);
            runs = runs.Where(r => r.Status == stored);
        }
        foreach (var (key, value) in query.Tags ?? new Dictionary<string, string>())
            runs = runs.Where(r => r.Tags.Any(t => t.Key == key && t.Value == value));
        foreach (var key in query.WithoutTags ?? [])
            runs = runs.Where(r => !r.Tags.Any(t => t.Key == key));
        var rows = await runs.OrderByDescending(r => r.StartTime).ThenBy(r => r.RunId).Skip(query.Skip).Take(query.MaxResults)
            .Include(r => r.Params).Include(r => r.Tags).Include(r => r.LatestMetrics).AsSplitQuery()
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(ToRun)];
    }

    /// <summary>How many runs each experiment has (experiments without runs are left out).</summary>
    public async Task<IReadOnlyDictionary<long, int>> CountByExperimentAsync(LifecycleView view = LifecycleView.ActiveOnly, CancellationToken cancellationToken = default)
    {
        await using var context = _database.CreateContext();
        var runs = context.Runs.AsNoTracking();
        if (StoredNames.Of(view) is { } stage) runs = runs.Where(r => r.LifecycleStage == stage);
        return await runs.GroupBy(r => r.ExperimentId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Changes a run's status, end time or name. Ending it (a status other than running or scheduled) without an end time ends it now.</summary>
    public async Task<Run> UpdateAsync(string runId, RunStatus? status = null, DateTimeOffset? endTime = null, string? name = null, CancellationToken cancellationToken = default)
    {
        await using var context = _database.CreateContext();
        var row = await LoadAsync(context, runId, tracking: true, cancellationToken).ConfigureAwait(false);
        RequireActive(row);
        if (status is { } newStatus)
        {
            row.Status = StoredNames.Of(newStatus);
            if (newStatus is RunStatus.Running or RunStatus.Scheduled) row.EndTime = null;
            else row.EndTime = StoredNames.Millis(endTime ?? DateTimeOffset.UtcNow);
        }
        else if (endTime is { } end) row.EndTime = StoredNames.Millis(end);
        if (name is not null) row.Name = TrackingValidation.Required("run name", name, TrackingLimits.RunName);
        await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return ToRun(row);
    }

    /// <summary>Marks a run deleted: it leaves listings but keeps its records and artifacts until restored.</summary>
    public Task DeleteAsync(string runId, CancellationToken cancellationToken = default) => SetLifecycleAsync(runId, LifecycleStage.Deleted, cancellationToken);

    public Task RestoreAsync(string runId, CancellationToken cancellationToken = default) => SetLifecycleAsync(runId, LifecycleStage.Active, cancellationToken);

    public Task LogParamAsync(string runId, string key, string value, CancellationToken cancellationToken = default) =>
        LogBatchAsync(runId, parameters: new Dictionary<string, string> { [key] = value }, cancellationToken: cancellationToken);

    public Task LogMetricAsync(string runId, string key, double value, long step = 0, DateTimeOffset? timestamp = null, CancellationToken cancellationToken = default) =>
        LogBatchAsync(runId, metrics: [new NewMetric(key, value, step, timestamp)], cancellationToken: cancellationToken);

    public Task SetTagAsync(string runId, string key, string value, CancellationToken cancellationToken = default) =>
        LogBatchAsync(runId, tags: new Dictionary<string, string> { [key] = value }, cancellationToken: cancellationToken);

    /// <summary>
    /// Logs metrics, params and tags in one transaction: all of them or, when one is refused, none. At most 1,000
    /// metrics and 100 params and 100 tags at once, as MLflow allows.
    /// </summary>
    public async Task LogBatchAsync(string runId, IReadOnlyList<NewMetric>? metrics = null, IReadOnlyDictionary<string, string>? parameters = null,
        IReadOnlyDictionary<string, string>? tags = null, CancellationToken cancellationToken = default)
    {
        metrics ??= [];
        parameters ??= new Dictionary<string, string>();
        tags ??= new Dictionary<string, string>();
        if (metrics.Count > TrackingLimits.MetricsPerBatch) throw TrackingException.Invalid($"a batch may hold at most {TrackingLimits.MetricsPerBatch} metrics; got {metrics.Count}");
        if (parameters.Count > TrackingLimits.ParamsOrTagsPerBatch) throw TrackingException.Invalid($"a batch may hold at most {TrackingLimits.ParamsOrTagsPerBatch} params; got {parameters.Count}");
        if (tags.Count > TrackingLimits.ParamsOrTagsPerBatch) throw TrackingException.Invalid($"a batch may hold at most {TrackingLimits.ParamsOrTagsPerBatch} tags; got {tags.Count}");
        var now = DateTimeOffset.UtcNow;
        foreach (var m in metrics)
        {
            TrackingValidation.Key("metric", m.Key);
            if (StoredNames.Millis(m.Timestamp ?? now) < 0) throw TrackingException.Invalid($"metric '{m.Key}' has a time before 1970");
        }
        foreach (var (key, value) in parameters)
        {
            TrackingValidation.Key("param", key);
            TrackingValidation.Length($"param '{key}' value", value ?? throw TrackingException.Invalid($"param '{key}' has no value"), TrackingLimits.ParamValue);
        }
        foreach (var (key, value) in tags)
        {
            TrackingValidation.Key("tag", key);
            TagValue(key, value);
        }
        await DatabaseErrors.RetryOnConflictAsync(() => _database.InTransactionAsync(async (context, cancellationToken) =>
        {
            var run = await context.Runs.FirstOrDefaultAsync(r => r.RunId == runId, cancellationToken).ConfigureAwait(false)
                ?? throw TrackingException.NotFound($"run '{runId}' does not exist");
            RequireActive(run);
            // fresh rows on every attempt: a retried batch must not carry ids from the attempt that was rolled back
            var metricRows = metrics.Select(m => new MetricRow
            {
                RunId = runId, Key = m.Key, Value = double.IsNaN(m.Value) ? 0 : m.Value, IsNan = double.IsNaN(m.Value),
                Timestamp = StoredNames.Millis(m.Timestamp ?? now), Step = m.Step,
            }).ToList();
            await AddParamsAsync(context, runId, parameters, cancellationToken).ConfigureAwait(false);
            await SetTagsAsync(context, runId, tags, cancellationToken).ConfigureAwait(false);
            context.Metrics.AddRange(metricRows);
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            foreach (var latest in metricRows.GroupBy(m => m.Key).Select(g => g.MaxBy(m => (m.Step, m.Timestamp, m.IsNan ? double.NaN : m.Value))!))
                await UpsertLatestAsync(context, latest, cancellationToken).ConfigureAwait(false);
            return 0;
        }, cancellationToken)).ConfigureAwait(false);
    }

    public async Task DeleteTagAsync(string runId, string key, CancellationToken cancellationToken = default)
    {
        await using var context = _database.CreateContext();
        RequireActive(await LoadAsync(context, runId, tracking: false, cancellationToken).ConfigureAwait(false));
        var deleted = await context.RunTags.Where(t => t.RunId == runId && t.Key == key).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        if (deleted == 0) throw TrackingException.NotFound($"run '{runId}' has no tag '{key}'");
    }

    /// <summary>Every value logged for one metric, by step then time.</summary>
    public async Task<IReadOnlyList<Metric>> GetMetricHistoryAsync(string runId, string key, CancellationToken cancellationToken = default)
    {
        await using var context = _database.CreateContext();
        await LoadAsync(context, runId, tracking: false, cancellationToken).ConfigureAwait(false);
        var rows = await context.Metrics.AsNoTracking().Where(m => m.RunId == runId && m.Key == key)
            .OrderBy(m => m.Step).ThenBy(m => m.Timestamp).ThenBy(m => m.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(m => new Metric(m.Key, m.IsNan ? double.NaN : m.Value, m.Step, StoredNames.Time(m.Timestamp)))];
    }

    /// <summary>Stores <paramref name="content"/> as the run's artifact <paramref name="artifactPath"/> (for example <c>model/m.kiln</c>).</summary>
    public async Task LogArtifactAsync(string runId, string artifactPath, Stream content, CancellationToken cancellationToken = default)
    {
        var run = await GetAsync(runId, cancellationToken).ConfigureAwait(false);
        if (run.Lifecycle != LifecycleStage.Active) throw Inactive(runId);
        if (ArtifactPath.Normalize(artifactPath).Length == 0) throw TrackingException.Invalid("an artifact needs a path inside the run, such as model/m.kiln");
        await _artifacts.WriteAsync(ArtifactPath.Combine(run.ArtifactUri, artifactPath), content, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Copies a file, or every file below a folder, into the run's artifacts: under <paramref name="artifactFolder"/>
    /// when given, at the top otherwise, keeping the file's or folder's own name. Returns the artifact paths written.
    /// </summary>
    public async Task<IReadOnlyList<string>> LogArtifactFileAsync(string runId, string path, string? artifactFolder = null, CancellationToken cancellationToken = default)
    {
        var full = Path.GetFullPath(path);
        var folder = ArtifactPath.Normalize(artifactFolder ?? "");
        var written = new List<string>();
        if (File.Exists(full))
        {
            var target = ArtifactPath.Combine(folder, Path.GetFileName(full));
            await using var stream = File.OpenRead(full);
            await LogArtifactAsync(runId, target, stream, cancellationToken).ConfigureAwait(false);
            written.Add(target);
        }
        else if (Directory.Exists(full))
        {
            foreach (var file in Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(full, file).Replace(Path.DirectorySeparatorChar, '/');
                var target = ArtifactPath.Combine(folder, Path.GetFileName(full), relative);
                await using var stream = File.OpenRead(file);
                await LogArtifactAsync(runId, target, stream, cancellationToken).ConfigureAwait(false);
                written.Add(target);
            }
        }
        else throw new FileNotFoundException($"artifact {full} does not exist", full);
        return written;
    }

    /// <summary>The files and folders directly inside one of the run's artifact folders (its top when <paramref name="path"/> is empty), paths relative to the run.</summary>
    public async Task<IReadOnlyList<ArtifactEntry>> ListArtifactsAsync(string runId, string path = "", CancellationToken cancellationToken = default)
    {
        var run = await GetAsync(runId, cancellationToken).ConfigureAwait(false);
        var root = run.ArtifactUri + "/";
        var entries = await _artifacts.ListAsync(ArtifactPath.Combine(run.ArtifactUri, path), cancellationToken).ConfigureAwait(false);
        return [.. entries.Select(e => e with { Path = e.Path.StartsWith(root, StringComparison.Ordinal) ? e.Path[root.Length..] : e.Path })];
    }

    public async Task<Stream> OpenArtifactAsync(string runId, string path, CancellationToken cancellationToken = default)
    {
        var run = await GetAsync(runId, cancellationToken).ConfigureAwait(false);
        if (ArtifactPath.Normalize(path).Length == 0) throw TrackingException.Invalid("give the path of an artifact file inside the run");
        try
        {
            return await _artifacts.OpenReadAsync(ArtifactPath.Combine(run.ArtifactUri, path), cancellationToken).ConfigureAwait(false);
        }
        catch (TrackingException e) when (e.Code == TrackingErrorCode.ResourceDoesNotExist)
        {
            throw TrackingException.NotFound($"run '{runId}' has no artifact '{path}'");
        }
    }

    static async Task AddParamsAsync(TrackingContext context, string runId, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken)
    {
        if (parameters.Count == 0) return;
        var keys = parameters.Keys.ToList();
        var logged = await context.Params.Where(p => p.RunId == runId && keys.Contains(p.Key)).ToDictionaryAsync(p => p.Key, p => p.Value, cancellationToken).ConfigureAwait(false);
        foreach (var (key, value) in parameters)
        {
            if (!logged.TryGetValue(key, out var old)) context.Params.Add(new ParamRow { RunId = runId, Key = key, Value = value });
            else if (old != value)
                throw TrackingException.Invalid(
                    $"changing param values is not allowed: param '{key}' was already logged with value '{old}' for run '{runId}'; attempted to log the new value '{value}'");
        }
    }

    static async Task SetTagsAsync(TrackingContext context, string runId, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken)
    {
        if (tags.Count == 0) return;
        var keys = tags.Keys.ToList();
        var existing = await context.RunTags.Where(t => t.RunId == runId && keys.Contains(t.Key)).ToDictionaryAsync(t => t.Key, cancellationToken).ConfigureAwait(false);
        foreach (var (key, value) in tags)
        {
            if (existing.TryGetValue(key, out var tag)) tag.Value = value;
            else context.RunTags.Add(new RunTagRow { RunId = runId, Key = key, Value = value });
        }
    }

    /// <summary>Replaces the stored latest value when this one has a higher step, or the same step and a time no earlier, in one statement (no read-then-write race).</summary>
    static Task UpsertLatestAsync(TrackingContext context, MetricRow m, CancellationToken cancellationToken) =>
        context.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO latest_metrics (run_id, key, value, is_nan, timestamp, step) VALUES ({m.RunId}, {m.Key}, {m.Value}, {m.IsNan}, {m.Timestamp}, {m.Step})
            ON CONFLICT (run_id, key) DO UPDATE SET value = excluded.value, is_nan = excluded.is_nan, timestamp = excluded.timestamp, step = excluded.step
            WHERE excluded.step > latest_metrics.step OR (excluded.step = latest_metrics.step AND excluded.timestamp >= latest_metrics.timestamp)
            """, cancellationToken);

    async Task SetLifecycleAsync(string runId, LifecycleStage stage, CancellationToken cancellationToken)
    {
        await using var context = _database.CreateContext();
        var row = await LoadAsync(context, runId, tracking: true, cancellationToken).ConfigureAwait(false);
        if (stage == LifecycleStage.Active)
        {
            var experiment = await context.Experiments.AsNoTracking().FirstAsync(e => e.ExperimentId == row.ExperimentId, cancellationToken).ConfigureAwait(false);
            if (experiment.LifecycleStage != StoredNames.Of(LifecycleStage.Active))
                throw new TrackingException(TrackingErrorCode.InvalidState, $"run '{runId}' belongs to the deleted experiment '{experiment.Name}'; restore the experiment first");
        }
        row.LifecycleStage = StoredNames.Of(stage);
        row.DeletedTime = stage == LifecycleStage.Deleted ? StoredNames.Millis(DateTimeOffset.UtcNow) : null;
        await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    static async Task<RunRow> LoadAsync(TrackingContext context, string runId, bool tracking, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runId);
        var query = tracking ? context.Runs : context.Runs.AsNoTracking();
        return await query.Include(r => r.Params).Include(r => r.Tags).Include(r => r.LatestMetrics).AsSplitQuery()
            .FirstOrDefaultAsync(r => r.RunId == runId, cancellationToken).ConfigureAwait(false)
            ?? throw TrackingException.NotFound($"run '{runId}' does not exist");
    }

    static void RequireActive(RunRow row)
    {
        if (row.LifecycleStage != StoredNames.Of(LifecycleStage.Active)) throw Inactive(row.RunId);
    }

    static TrackingException Inactive(string runId) => TrackingException.Invalid($"run '{runId}' is deleted; restore it before changing it");

    static string TagValue(string key, string? value) =>
        TrackingValidation.Length($"tag '{key}' value", value ?? throw TrackingException.Invalid($"tag '{key}' has no value"), TrackingLimits.RunTagValue);

    static Run ToRun(RunRow row) => new(
        row.RunId, row.ExperimentId, row.Name, StoredNames.Status(row.Status), StoredNames.Time(row.StartTime),
        row.EndTime is { } end ? StoredNames.Time(end) : null, StoredNames.Lifecycle(row.LifecycleStage), row.ArtifactUri,
        row.UserId, row.Command, row.SourceVersion, row.Seed, row.DataFingerprint,
        row.Params.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
        row.LatestMetrics.ToDictionary(m => m.Key, m => new Metric(m.Key, m.IsNan ? double.NaN : m.Value, m.Step, StoredNames.Time(m.Timestamp)), StringComparer.Ordinal),
        row.Tags.ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal));
}

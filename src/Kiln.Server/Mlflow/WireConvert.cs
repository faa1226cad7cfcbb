using System.Globalization;
using Kiln.Tracking;

namespace Kiln.Server.Mlflow;

/// <summary>Kiln's tracking records in MLflow's wire shapes.</summary>
static class WireConvert
{
    /// <summary>The tag MLflow keeps a run's name in, beside <c>run_name</c>.</summary>
    public const string RunNameTag = "mlflow.runName";

    /// <summary>Kiln has no registry stages; every version is in MLflow's stage "None".</summary>
    public const string NoStage = "None";

    public static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static long Millis(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    public static string Stage(LifecycleStage stage) => stage == LifecycleStage.Active ? "active" : "deleted";

    public static string Status(RunStatus status) => status.ToString().ToUpperInvariant();

    public static RunStatus Status(string text) => text.ToUpperInvariant() switch
    {
        "RUNNING" => RunStatus.Running,
        "SCHEDULED" => RunStatus.Scheduled,
        "FINISHED" => RunStatus.Finished,
        "FAILED" => RunStatus.Failed,
        "KILLED" => RunStatus.Killed,
        _ => throw MlflowApiException.Invalid($"Invalid value '{text}' for parameter 'status': it is one of RUNNING, SCHEDULED, FINISHED, FAILED, KILLED"),
    };

    public static LifecycleView View(string? text, string parameter) => (text ?? "ACTIVE_ONLY").ToUpperInvariant() switch
    {
        "ACTIVE_ONLY" or "1" => LifecycleView.ActiveOnly,
        "DELETED_ONLY" or "2" => LifecycleView.DeletedOnly,
        "ALL" or "3" => LifecycleView.All,
        _ => throw MlflowApiException.Invalid($"Invalid value '{text}' for parameter '{parameter}': it is one of ACTIVE_ONLY, DELETED_ONLY, ALL"),
    };

    public static Dictionary<string, string> Tags(IEnumerable<WireKeyValue>? tags, string what)
    {
        var dictionary = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in tags ?? [])
        {
            if (string.IsNullOrEmpty(tag.Key)) throw MlflowApiException.Missing($"{what}.key");
            dictionary[tag.Key] = tag.Value ?? throw MlflowApiException.Missing($"{what}.value");
        }
        return dictionary;
    }

    public static WireExperiment Experiment(Experiment e) => new(
        Text(e.Id), e.Name, MlflowArtifactUri.Of(e.ArtifactLocation), Stage(e.Lifecycle), Millis(e.LastUpdateTime), Millis(e.CreationTime), KeyValues(e.Tags));

    public static WireRunInfo RunInfo(Run r) => new(
        r.Id, r.Id, r.Name, Text(r.ExperimentId), r.UserId, Status(r.Status), Millis(r.StartTime), r.EndTime is { } end ? Millis(end) : null,
        MlflowArtifactUri.Of(r.ArtifactUri), Stage(r.Lifecycle));

    public static WireRun Run(Run r) => new(RunInfo(r), new WireRunData(
        [.. r.Metrics.Values.OrderBy(m => m.Key, StringComparer.Ordinal).Select(Metric)],
        KeyValues(r.Params),
        KeyValues(r.Tags)));

    public static WireMetric Metric(Metric m) => new(m.Key, m.Value, Millis(m.Timestamp), m.Step);

    public static WireRegisteredModel RegisteredModel(RegisteredModel m, ModelVersion? latest) => new(
        m.Name, Millis(m.CreationTime), Millis(m.LastUpdatedTime), m.Description, latest is null ? [] : [ModelVersion(latest)],
        KeyValues(m.Tags), [.. m.Aliases.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => new WireAlias(a.Key, Text(a.Value)))]);

    public static WireModelVersion ModelVersion(ModelVersion v) => new(
        v.Name, Text(v.Version), Millis(v.CreationTime), Millis(v.LastUpdatedTime), NoStage, v.Description, v.Source, v.RunId,
        v.Status switch
        {
            ModelVersionStatus.PendingRegistration => "PENDING_REGISTRATION",
            ModelVersionStatus.FailedRegistration => "FAILED_REGISTRATION",
            _ => "READY",
        },
        v.StatusMessage, KeyValues(v.Tags), v.Aliases);

    public static WireFileInfo File(ArtifactEntry entry, string path) => new(path, entry.IsDirectory, entry.Size);

    static List<WireKeyValue> KeyValues(IReadOnlyDictionary<string, string> pairs) =>
        [.. pairs.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new WireKeyValue(p.Key, p.Value))];
}

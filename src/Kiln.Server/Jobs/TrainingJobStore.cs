using System.Globalization;
using System.Text.Json;
using Hangfire;

namespace Kiln.Server.Jobs;

/// <summary>
/// Training jobs' state: one hash per job (owner, request, its dataset's project, status, progress, error, runs, the
/// cancel flag), one set per owner and one per project listing their jobs, and one set of every job, in
/// <paramref name="records"/> — PostgreSQL's queue storage shared by every server, or the embedded store's own file. A
/// field is written on its own, so a worker reporting progress and another server asking to cancel never overwrite each
/// other. <paramref name="queue"/> is the queue the jobs are run from.
/// </summary>
sealed class TrainingJobStore(IJobRecords records, JobStorage queue, bool queueOutlivesServer)
{
    const string Owner = "owner", Project = "project", Request = "request", Dataset = "dataset", Status = "status", Stage = "stage", Done = "done", Total = "total",
        Error = "error", Runs = "runs", Created = "created", Started = "started", Finished = "finished", Worker = "worker", Cancel = "cancel", QueueId = "queue-id";

    /// <summary>The message of a job whose server stopped while it ran, when the queue does not outlive the server.</summary>
    public const string InterruptedError = "interrupted: the server stopped while this job was running; queue it again to start over";

    public JobStorage Queue { get; } = queue;

    /// <summary>
    /// Whether the queue keeps a job whose server stops (PostgreSQL, where another worker takes it up); the in-memory
    /// queue of the embedded store loses it, so a job running then is recorded as interrupted.
    /// </summary>
    public bool QueueOutlivesServer { get; } = queueOutlivesServer;

    public void Create(string id, string ownerId, string? projectId, TrainingJobRequest request, string datasetName, DateTimeOffset createdAt)
    {
        var order = createdAt.ToUnixTimeMilliseconds();
        JobSetEntry[] sets = projectId is null
            ? [new(SetOf(ownerId), id, order), new(AllJobs, id, order)]
            : [new(SetOf(ownerId), id, order), new(ProjectSetOf(projectId), id, order), new(AllJobs, id, order)];
        records.Create(HashOf(id), new Dictionary<string, string>
        {
            [Owner] = ownerId, [Project] = projectId ?? "", [Request] = JsonSerializer.Serialize(request), [Dataset] = datasetName,
            [Status] = TrainingJobStatus.Queued.ToString(), [Created] = Time(createdAt), [Runs] = "",
        }, sets);
    }

    public void SetQueueId(string id, string queueId) => Write(id, (QueueId, queueId));

    public string? QueueIdOf(string id) => Field(id, QueueId);

    public void Start(string id, string worker) =>
        Write(id, (Status, TrainingJobStatus.Running.ToString()), (Started, Time(DateTimeOffset.UtcNow)), (Worker, worker), (Error, ""));

    /// <summary>Back to the queue: the server running it stopped, and the queue gives it to another worker.</summary>
    public void Requeue(string id) => Write(id, (Status, TrainingJobStatus.Queued.ToString()));

    public void Report(string id, TrainingJobProgress progress) =>
        Write(id, (Stage, progress.Stage), (Done, progress.Done.ToString(CultureInfo.InvariantCulture)), (Total, progress.Total.ToString(CultureInfo.InvariantCulture)));

    public void AddRun(string id, string runId)
    {
        var runs = Field(id, Runs);
        Write(id, (Runs, string.IsNullOrEmpty(runs) ? runId : $"{runs},{runId}"));
    }

    public void Finish(string id, TrainingJobStatus status, string? error = null) =>
        Write(id, (Status, status.ToString()), (Finished, Time(DateTimeOffset.UtcNow)), (Error, error ?? ""));

    public void RequestCancel(string id) => Write(id, (Cancel, "1"));

    public bool IsCancelRequested(string id) => Field(id, Cancel) == "1";

    /// <summary>The job's owner, or null when there is no such job.</summary>
    public string? OwnerOf(string id) => Field(id, Owner);

    public IReadOnlyList<string> IdsOf(string ownerId) => [.. records.Members(SetOf(ownerId))];

    /// <summary>Every job not finished yet, whoever queued it.</summary>
    public IReadOnlyList<TrainingJobInfo> Unfinished() => [.. AllIds().Select(Read).OfType<TrainingJobInfo>().Where(job => !job.IsFinished)];

    /// <summary>The jobs queued on the project's datasets.</summary>
    public IReadOnlyList<string> IdsOfProject(string projectId) => [.. records.Members(ProjectSetOf(projectId))];

    /// <summary>Every job, whoever queued it.</summary>
    public IReadOnlyList<string> AllIds() => [.. records.Members(AllJobs)];

    public TrainingJobInfo? Read(string id)
    {
        var fields = records.Read(HashOf(id));
        if (!fields.TryGetValue(Request, out var request)) return null;
        string? Get(string name) => fields.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
        var progress = Get(Stage) is { } stage
            ? new TrainingJobProgress(stage, long.Parse(Get(Done) ?? "0", CultureInfo.InvariantCulture), long.Parse(Get(Total) ?? "0", CultureInfo.InvariantCulture))
            : null;
        return new TrainingJobInfo(
            id, JsonSerializer.Deserialize<TrainingJobRequest>(request)!, Get(Dataset) ?? "", Enum.Parse<TrainingJobStatus>(Get(Status) ?? nameof(TrainingJobStatus.Queued)),
            progress, Get(Error), Get(Runs)?.Split(',') ?? [], ParseTime(Get(Created))!.Value, ParseTime(Get(Started)), ParseTime(Get(Finished)), Get(Worker),
            Get(Cancel) == "1", Get(Owner) ?? "", Get(Project));
    }

    string? Field(string id, string name) => records.Read(HashOf(id)).TryGetValue(name, out var value) ? value : null;

    void Write(string id, params (string Name, string Value)[] fields) =>
        records.Write(HashOf(id), [.. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);

    static string HashOf(string id) => $"kiln:training-job:{id}";

    static string SetOf(string ownerId) => $"kiln:training-jobs:{ownerId}";

    static string ProjectSetOf(string projectId) => $"kiln:training-jobs:project:{projectId}";

    const string AllJobs = "kiln:training-jobs:all";

    static string Time(DateTimeOffset time) => time.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    static DateTimeOffset? ParseTime(string? text) => text is null ? null : DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(text, CultureInfo.InvariantCulture));
}

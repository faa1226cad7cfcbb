using System.Globalization;
using System.Text.Json;
using Hangfire;
using Npgsql;

namespace Kiln.Server.Jobs;

/// <summary>
/// Training jobs' state in the job queue's own storage (in memory, or PostgreSQL shared by every server): one hash per
/// job (owner, request, its dataset's project, status, progress, error, runs, the cancel flag), one set per owner and one
/// per project listing their jobs, and one set of every job (for admins). A field
/// is written on its own, so a worker reporting progress and another server asking to cancel never overwrite each other.
/// </summary>
sealed class TrainingJobStore(JobStorage storage)
{
    const string Owner = "owner", Project = "project", Request = "request", Dataset = "dataset", Status = "status", Stage = "stage", Done = "done", Total = "total",
        Error = "error", Runs = "runs", Created = "created", Started = "started", Finished = "finished", Worker = "worker", Cancel = "cancel", QueueId = "queue-id";

    public JobStorage Storage { get; } = storage;

    public void Create(string id, string ownerId, string? projectId, TrainingJobRequest request, string datasetName, DateTimeOffset createdAt)
    {
        using var connection = Storage.GetConnection();
        using var transaction = connection.CreateWriteTransaction();
        transaction.SetRangeInHash(HashOf(id), new Dictionary<string, string>
        {
            [Owner] = ownerId, [Project] = projectId ?? "", [Request] = JsonSerializer.Serialize(request), [Dataset] = datasetName,
            [Status] = TrainingJobStatus.Queued.ToString(), [Created] = Time(createdAt), [Runs] = "",
        });
        transaction.AddToSet(SetOf(ownerId), id, createdAt.ToUnixTimeMilliseconds());
        if (projectId is not null) transaction.AddToSet(ProjectSetOf(projectId), id, createdAt.ToUnixTimeMilliseconds());
        transaction.AddToSet(AllSet, id, createdAt.ToUnixTimeMilliseconds());
        transaction.Commit();
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

    public IReadOnlyList<string> IdsOf(string ownerId)
    {
        using var connection = Storage.GetConnection();
        return [.. connection.GetAllItemsFromSet(SetOf(ownerId))];
    }

    /// <summary>The jobs queued on the project's datasets.</summary>
    public IReadOnlyList<string> IdsOfProject(string projectId)
    {
        using var connection = Storage.GetConnection();
        return [.. connection.GetAllItemsFromSet(ProjectSetOf(projectId))];
    }

    /// <summary>Every job queued since jobs were listed this way.</summary>
    public IReadOnlyList<string> AllIds()
    {
        using var connection = Storage.GetConnection();
        return [.. connection.GetAllItemsFromSet(AllSet)];
    }

    public TrainingJobInfo? Read(string id)
    {
        using var connection = Storage.GetConnection();
        var fields = connection.GetAllEntriesFromHash(HashOf(id));
        if (fields is null || !fields.TryGetValue(Request, out var request)) return null;
        string? Get(string name) => fields.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
        var progress = Get(Stage) is { } stage
            ? new TrainingJobProgress(stage, long.Parse(Get(Done) ?? "0", CultureInfo.InvariantCulture), long.Parse(Get(Total) ?? "0", CultureInfo.InvariantCulture))
            : null;
        return new TrainingJobInfo(
            id, JsonSerializer.Deserialize<TrainingJobRequest>(request)!, Get(Dataset) ?? "", Enum.Parse<TrainingJobStatus>(Get(Status) ?? nameof(TrainingJobStatus.Queued)),
            progress, Get(Error), Get(Runs)?.Split(',') ?? [], ParseTime(Get(Created))!.Value, ParseTime(Get(Started)), ParseTime(Get(Finished)), Get(Worker),
            Get(Cancel) == "1", Get(Owner) ?? "", Get(Project));
    }

    string? Field(string id, string name)
    {
        using var connection = Storage.GetConnection();
        return connection.GetAllEntriesFromHash(HashOf(id)) is { } fields && fields.TryGetValue(name, out var value) ? value : null;
    }

    /// <summary>
    /// Writes the fields, again when PostgreSQL turned the write down for meeting another server's write of the same job
    /// (a worker's progress and a cancel arrive together): Hangfire's upsert of a hash can then fail with a serialization
    /// failure, a deadlock or a duplicate key, and the write succeeds when tried again.
    /// </summary>
    void Write(string id, params (string Name, string Value)[] fields)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var connection = Storage.GetConnection();
                connection.SetRangeInHash(HashOf(id), fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
                return;
            }
            catch (Exception e) when (attempt < MaxWriteAttempts && IsConflict(e))
            {
                Thread.Sleep(Random.Shared.Next(5, 20 * attempt));
            }
        }
    }

    const int MaxWriteAttempts = 5;

    static bool IsConflict(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.UniqueViolation })
                return true;
        return false;
    }

    static string HashOf(string id) => $"kiln:training-job:{id}";

    static string SetOf(string ownerId) => $"kiln:training-jobs:{ownerId}";

    static string ProjectSetOf(string projectId) => $"kiln:training-jobs:project:{projectId}";

    const string AllSet = "kiln:training-jobs:all";

    static string Time(DateTimeOffset time) => time.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    static DateTimeOffset? ParseTime(string? text) => text is null ? null : DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(text, CultureInfo.InvariantCulture));
}

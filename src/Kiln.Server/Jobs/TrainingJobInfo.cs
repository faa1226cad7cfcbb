namespace Kiln.Server.Jobs;

/// <summary>
/// A training job as every server sees it: what was asked, where it is, how far it got, the error that stopped it, the
/// runs it recorded, which worker ran it, who queued it and the project its dataset is in (its runs are recorded there).
/// </summary>
public sealed record TrainingJobInfo(
    string Id,
    TrainingJobRequest Request,
    string DatasetName,
    TrainingJobStatus Status,
    TrainingJobProgress? Progress,
    string? Error,
    IReadOnlyList<string> Runs,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Worker,
    bool CancelRequested,
    string OwnerId,
    string? ProjectId)
{
    public bool IsFinished => Status is TrainingJobStatus.Succeeded or TrainingJobStatus.Failed or TrainingJobStatus.Cancelled;
}

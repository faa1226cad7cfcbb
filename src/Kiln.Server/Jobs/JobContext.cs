namespace Kiln.Server.Jobs;

/// <summary>The job being run, with what its runs are tagged with: its owner, its dataset's project (if any), its dataset and the data's fingerprint.</summary>
sealed record JobContext(string Id, string OwnerId, string? ProjectId, TrainingJobRequest Request, string DatasetName, string Fingerprint);

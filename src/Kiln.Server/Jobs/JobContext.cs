namespace Kiln.Server.Jobs;

/// <summary>The job being run, with what its runs are tagged with: its owner, its dataset and the data's fingerprint.</summary>
sealed record JobContext(string Id, string OwnerId, TrainingJobRequest Request, string DatasetName, string Fingerprint);

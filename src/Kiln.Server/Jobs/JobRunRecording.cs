using Kiln.Server.Accounts;
using Kiln.Data;
using Kiln.Learn;
using Kiln.Serving.Monitoring;
using Kiln.Tracking;

namespace Kiln.Server.Jobs;

/// <summary>
/// Records one model a job made as a tracking run, as <c>kiln train</c> records its own: the model's full hyperparameters
/// and scores, the model package as the run's artifact with its training reference (so the model, once registered and
/// served, is monitored for drift), and tags naming the owner, the project of the job's dataset, the job and the dataset.
/// </summary>
sealed class JobRunRecording(TrackingStore tracking)
{
    public const string JobTag = "kiln.job";
    public const string DataTag = "kiln.data";
    public const string CommandTag = "kiln.command";

    public async Task<string> RecordAsync(JobContext job, string name, IModel model, IReadOnlyDictionary<string, string> parameters,
        IReadOnlyDictionary<string, double> metrics, ReferenceProfile? reference, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("kiln-job-");
        try
        {
            var package = Path.Combine(folder.FullName, $"{string.Concat(name.Select(c => char.IsLetterOrDigit(c) ? c : '-'))}.kiln");
            ModelPackage.Save(model, package, new PackageInfo { Metrics = metrics, DataFingerprint = job.Fingerprint, Seed = job.Request.Seed });
            var tags = new Dictionary<string, string>
            {
                [PlatformAccess.OwnerTag] = job.OwnerId, [JobTag] = job.Id, [DataTag] = job.DatasetName,
                [CommandTag] = job.Request.Kind.ToString().ToLowerInvariant(),
            };
            if (job.ProjectId is not null) tags[PlatformAccess.ProjectTag] = job.ProjectId;
            var start = new RunStart
            {
                Name = name, UserId = job.OwnerId, Seed = job.Request.Seed, DataFingerprint = job.Fingerprint, Command = $"training job {job.Id}", Tags = tags,
            };
            await using var run = await RunRecorder.StartAsync(tracking, job.DatasetName, start, cancellationToken).ConfigureAwait(false);
            var recorded = new Dictionary<string, string>(parameters, StringComparer.Ordinal);
            foreach (var (key, value) in RunParams.Flatten(ModelPackage.ReadManifest(package).Parameters)) recorded.TryAdd(key, value);
            await run.LogParamsAsync(recorded, cancellationToken).ConfigureAwait(false);
            await run.LogMetricsAsync(metrics, cancellationToken: cancellationToken).ConfigureAwait(false);
            await run.LogModelPackageAsync(package, cancellationToken).ConfigureAwait(false);
            if (reference is not null)
            {
                var saved = ReferenceProfile.PathBeside(package);
                reference.Save(saved);
                await TrainingReference.LogAsync(run, saved, cancellationToken).ConfigureAwait(false);
            }
            await run.FinishAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return run.RunId;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}

using Kiln.Data;
using Kiln.Data.Datasets;
using Kiln.Server.Accounts;
using Kiln.Server.Datasets;

namespace Kiln.Server.Jobs;

/// <summary>
/// The table a training job learns from: an uploaded dataset the user may train on (theirs, or one of a project where
/// they are an editor or the owner), or a tabular sample of the catalog (fetched into the store's dataset cache).
/// Another user's private dataset is not found, as everywhere on the platform.
/// </summary>
public sealed class TrainingData
{
    readonly DatasetStore _datasets;
    readonly string _home;

    internal TrainingData(DatasetStore datasets, string home) => (_datasets, _home) = (datasets, home);

    /// <summary>The catalog's samples a job can train on: tables with a target column.</summary>
    public static IReadOnlyList<DatasetEntry> Samples { get; } =
        [.. DatasetCatalog.All.Where(e => e.Target is not null && e.Files.Count > 0 && e.Files[0].FileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))];

    /// <summary>
    /// The dataset's name, its project (where the job's runs are recorded) and its columns, for checking a request before
    /// it is queued; the columns are null for a sample not fetched yet (the job checks them once it has fetched it). A
    /// viewer of the dataset's project is refused with <see cref="AccessDeniedException"/>: only its editors train into it.
    /// </summary>
    public async Task<(string Name, string? ProjectId, IReadOnlyList<string>? Columns)> DescribeAsync(UserAccess access, TrainingJobRequest request, CancellationToken cancellationToken = default)
    {
        if (request.Dataset is { Length: > 0 } id)
        {
            if (request.Sample is { Length: > 0 })
                throw new TrainingJobRejectedException("dataset", "give either a dataset or a sample, not both");
            var info = await _datasets.FindAsync(access, id, cancellationToken).ConfigureAwait(false)
                ?? throw new TrainingJobRejectedException("dataset", $"you have no dataset '{id}'");
            if (!access.CanChange(info.OwnerId, info.ProjectId))
                throw new AccessDeniedException($"dataset '{info.Name}' is in a project where you are a viewer; only its owner and editors train on it");
            var preview = await _datasets.PreviewAsync(access, id, cancellationToken).ConfigureAwait(false);
            return (info.Name, info.ProjectId, preview?.Columns);
        }
        if (request.Sample is not { Length: > 0 } name)
            throw new TrainingJobRejectedException("dataset", "choose a dataset: the id of one of yours, or a sample's name");
        var entry = SampleOf(name);
        using var downloader = Downloader();
        if (!entry.Files[0].IsEmbedded && !await downloader.IsCachedAsync(entry, cancellationToken).ConfigureAwait(false)) return (entry.Name, null, null);
        var frame = await ReadSampleAsync(downloader, entry, cancellationToken).ConfigureAwait(false);
        return (entry.Name, null, [.. frame.ColumnNames]);
    }

    /// <summary>Reads the whole table the user may see, and the name its errors give it.</summary>
    public async Task<(Frame Frame, string Source)> ReadAsync(UserAccess access, TrainingJobRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Dataset is { Length: > 0 } id && await _datasets.FindAsync(access, id, cancellationToken).ConfigureAwait(false) is null)
            throw new TrainingJobRejectedException("dataset", $"you have no dataset '{id}'");
        return await ReadForJobAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the whole table for a job's worker, and the name its errors give it; who may was checked when the job was queued.</summary>
    internal async Task<(Frame Frame, string Source)> ReadForJobAsync(TrainingJobRequest request, CancellationToken cancellationToken = default)
    {
        if (request.Dataset is { Length: > 0 } id)
        {
            var info = await _datasets.FindForJobAsync(id, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"the dataset '{id}' was deleted after the job was queued");
            var staging = Path.Combine(Path.GetTempPath(), $"kiln-job-{Guid.NewGuid():N}{Path.GetExtension(info.FileName).ToLowerInvariant()}");
            try
            {
                await using (var stream = await _datasets.OpenFileAsync(info, cancellationToken).ConfigureAwait(false))
                await using (var file = File.Create(staging))
                    await stream.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
                return (await Task.Run(() => FrameFile.Read(staging, cancellationToken: cancellationToken), cancellationToken).ConfigureAwait(false), info.FileName);
            }
            finally
            {
                File.Delete(staging);
            }
        }
        var entry = SampleOf(request.Sample ?? "");
        using var downloader = Downloader();
        return (await ReadSampleAsync(downloader, entry, cancellationToken).ConfigureAwait(false), $"{entry.Name}/{entry.Files[0].FileName}");
    }

    static DatasetEntry SampleOf(string name) =>
        Samples.FirstOrDefault(e => e.Name == name)
        ?? throw new TrainingJobRejectedException("dataset", $"no sample dataset '{name}' to train on (samples: {string.Join(", ", Samples.Select(e => e.Name))})");

    DatasetDownloader Downloader() => new(new DatasetDownloaderOptions { Home = _home });

    static async Task<Frame> ReadSampleAsync(DatasetDownloader downloader, DatasetEntry entry, CancellationToken cancellationToken)
    {
        var cached = await downloader.GetAsync(entry, cancellationToken: cancellationToken).ConfigureAwait(false);
        var path = cached.PathOf(entry.Files[0].FileName);
        return await Task.Run(() => FrameFile.Read(path, cancellationToken: cancellationToken), cancellationToken).ConfigureAwait(false);
    }
}

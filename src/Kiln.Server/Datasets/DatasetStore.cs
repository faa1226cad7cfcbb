using System.Security.Cryptography;
using System.Text.Json;
using Kiln.Data;
using Kiln.Plots;
using Kiln.Server.Accounts;
using Kiln.Server.Storage;
using Kiln.Tracking;
using Microsoft.EntityFrameworkCore;

namespace Kiln.Server.Datasets;

/// <summary>
/// Uploaded datasets, each owned by the user who uploaded it: the file is streamed to a staging file (stopping at the size
/// limit), read whole by <see cref="FrameFile"/> (CSV, JSON Lines or Parquet, by its extension), then kept in the artifact
/// store with its profile report and a preview of its first rows, so that opening a dataset later never parses it again.
/// The stored file keeps its name, and so its format. Every call takes the asking user's <see cref="UserAccess"/>: a
/// dataset that is neither theirs nor in one of their projects is simply not found, and only its owner, an editor of its
/// project or an admin changes it.
/// </summary>
public sealed class DatasetStore
{
    public const int MaxNameLength = 200;
    public const int PreviewRows = 20;
    const string Folder = "datasets";

    readonly PlatformDatabase _database;
    readonly IArtifactStore _artifacts;

    internal DatasetStore(PlatformDatabase database, IArtifactStore artifacts, long maxUploadBytes)
    {
        (_database, _artifacts) = (database, artifacts);
        MaxUploadBytes = maxUploadBytes;
    }

    /// <summary>The largest file an upload may be.</summary>
    public long MaxUploadBytes { get; }

    /// <summary>Streams <paramref name="content"/> in, checks that it reads as a table in its format and keeps it with its profile and preview.</summary>
    public async Task<DatasetInfo> UploadAsync(string ownerId, string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(ownerId);
        fileName = Path.GetFileName(fileName ?? "").Trim();
        if (fileName.Length == 0 || fileName.Length > MaxNameLength)
            throw new DatasetUploadException($"the file name must have 1 to {MaxNameLength} characters");
        if (!FrameFile.IsKnown(fileName))
            throw new DatasetUploadException($"{fileName} is not a data file Kiln reads: upload {FrameFile.FormatNames}");

        var staging = Path.Combine(Path.GetTempPath(), $"kiln-upload-{Guid.NewGuid():N}{Path.GetExtension(fileName).ToLowerInvariant()}");
        try
        {
            long bytes;
            await using (var file = File.Create(staging))
                bytes = await CopyLimitedAsync(content, file, fileName, cancellationToken).ConfigureAwait(false);
            Frame frame;
            try
            {
                frame = await Task.Run(() => FrameFile.Read(staging, cancellationToken: cancellationToken), cancellationToken).ConfigureAwait(false);
            }
            catch (DataFormatException e)
            {
                throw new DatasetUploadException(e.Message.Replace(staging, fileName, StringComparison.Ordinal), e);
            }
            if (frame.RowCount == 0) throw new DatasetUploadException($"{fileName} has columns but no rows");

            var row = new DatasetRow
            {
                Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
                OwnerId = ownerId,
                Name = Path.GetFileNameWithoutExtension(fileName),
                FileName = fileName,
                Bytes = bytes,
                Rows = frame.RowCount,
                Columns = frame.ColumnCount,
                CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()),
            };
            var folder = $"{Folder}/{row.Id}";
            await using (var file = File.OpenRead(staging))
                await _artifacts.WriteAsync($"{folder}/{fileName}", file, cancellationToken).ConfigureAwait(false);
            await WriteTextAsync($"{folder}/profile.html", ProfileHtml(frame, fileName), cancellationToken).ConfigureAwait(false);
            await WriteTextAsync($"{folder}/preview.json", JsonSerializer.Serialize(PreviewOf(frame)), cancellationToken).ConfigureAwait(false);

            await using var context = _database.CreateContext();
            context.Datasets.Add(row);
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return Info(row);
        }
        finally
        {
            File.Delete(staging);
        }
    }

    /// <summary>The datasets the user may see (their own and their projects'; an admin's: all), newest first.</summary>
    public async Task<IReadOnlyList<DatasetInfo>> ListAsync(UserAccess access, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(access);
        var projects = access.Projects.Keys.ToList();
        await using var context = _database.CreateContext();
        var rows = await context.Datasets.AsNoTracking()
            .Where(d => access.IsAdmin || d.OwnerId == access.UserId || (d.ProjectId != null && projects.Contains(d.ProjectId)))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.OrderByDescending(d => d.CreatedAt).ThenBy(d => d.Id, StringComparer.Ordinal).Select(Info)];
    }

    /// <summary>The dataset when the user may see it; null otherwise, whether it exists or not.</summary>
    public async Task<DatasetInfo?> FindAsync(UserAccess access, string id, CancellationToken cancellationToken = default) =>
        await FindRowAsync(access, id, cancellationToken).ConfigureAwait(false) is { } row ? Info(row) : null;

    public async Task<DatasetPreview?> PreviewAsync(UserAccess access, string id, CancellationToken cancellationToken = default)
    {
        if (await FindRowAsync(access, id, cancellationToken).ConfigureAwait(false) is null) return null;
        await using var stream = await _artifacts.OpenReadAsync($"{Folder}/{id}/preview.json", cancellationToken).ConfigureAwait(false);
        return await JsonSerializer.DeserializeAsync<DatasetPreview>(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The dataset by id alone, for a training job's worker: who may train on it was decided when the job was queued.
    /// Null when it was deleted since.
    /// </summary>
    internal async Task<DatasetInfo?> FindForJobAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var context = _database.CreateContext();
        return await context.Datasets.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken).ConfigureAwait(false) is { } row ? Info(row) : null;
    }

    /// <summary>Opens the file of a dataset found by <see cref="FindForJobAsync"/>, as uploaded.</summary>
    internal Task<Stream> OpenFileAsync(DatasetInfo dataset, CancellationToken cancellationToken = default) =>
        _artifacts.OpenReadAsync($"{Folder}/{dataset.Id}/{dataset.FileName}", cancellationToken);

    /// <summary>The profile report (types, missing values, statistics, distributions, correlations) as one HTML page.</summary>
    public async Task<string?> ProfileHtmlAsync(UserAccess access, string id, CancellationToken cancellationToken = default)
    {
        if (await FindRowAsync(access, id, cancellationToken).ConfigureAwait(false) is null) return null;
        await using var stream = await _artifacts.OpenReadAsync($"{Folder}/{id}/profile.html", cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Deletes the dataset and its files; false when the user sees no dataset with that id, and
    /// <see cref="AccessDeniedException"/> when they see it without the right to change it (a viewer of its project).
    /// </summary>
    public async Task<bool> DeleteAsync(UserAccess access, string id, CancellationToken cancellationToken = default)
    {
        await using var context = _database.CreateContext();
        var row = await context.Datasets.SingleOrDefaultAsync(d => d.Id == id, cancellationToken).ConfigureAwait(false);
        if (row is null || !access.CanSee(row.OwnerId, row.ProjectId)) return false;
        if (!access.CanChange(row.OwnerId, row.ProjectId))
            throw new AccessDeniedException($"dataset '{row.Name}' is in a project where you are a viewer; only its owner or an editor deletes it");
        context.Datasets.Remove(row);
        await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await _artifacts.DeleteAsync($"{Folder}/{id}", cancellationToken).ConfigureAwait(false);
        return true;
    }

    internal static string ProfileHtml(Frame frame, string source) => ProfileReport.Build(DataProfile.Of(frame, source), frame).ToHtml();

    internal static DatasetPreview PreviewOf(Frame frame)
    {
        var head = frame.Head(PreviewRows);
        var rows = new List<IReadOnlyList<string>>(head.RowCount);
        for (var r = 0; r < head.RowCount; r++)
            rows.Add([.. head.Columns.Select(c => c.IsMissing(r) ? "" : c.Format(r))]);
        return new DatasetPreview([.. frame.ColumnNames], [.. frame.Columns.Select(c => c.Type.Name())], rows, frame.RowCount);
    }

    /// <summary>Puts the dataset in the project (null: private to its owner); the caller has checked who may.</summary>
    internal async Task<DatasetInfo> SetProjectAsync(string id, string? projectId, CancellationToken cancellationToken = default)
    {
        await using var context = _database.CreateContext();
        var row = await context.Datasets.SingleAsync(d => d.Id == id, cancellationToken).ConfigureAwait(false);
        row.ProjectId = projectId;
        await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Info(row);
    }

    async Task<DatasetRow?> FindRowAsync(UserAccess access, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(access);
        await using var context = _database.CreateContext();
        var row = await context.Datasets.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken).ConfigureAwait(false);
        return row is not null && access.CanSee(row.OwnerId, row.ProjectId) ? row : null;
    }

    async Task<long> CopyLimitedAsync(Stream from, Stream to, string fileName, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await from.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            total += read;
            if (total > MaxUploadBytes)
                throw new DatasetUploadException($"{fileName} is larger than the upload limit of {MaxUploadBytes / 1048576.0:0.#} MB");
            await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
        }
        if (total == 0) throw new DatasetUploadException($"{fileName} is empty");
        return total;
    }

    async Task WriteTextAsync(string path, string text, CancellationToken cancellationToken)
    {
        await using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
        await _artifacts.WriteAsync(path, stream, cancellationToken).ConfigureAwait(false);
    }

    static DatasetInfo Info(DatasetRow row) => new(row.Id, row.Name, row.FileName, row.Bytes, row.Rows, row.Columns, row.CreatedAt, row.OwnerId, row.ProjectId);
}

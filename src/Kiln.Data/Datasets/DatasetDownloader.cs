using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace Kiln.Data.Datasets;

/// <summary>
/// Fetches catalog datasets into <c>$KILN_HOME/datasets/&lt;name&gt;/</c>. Each file is downloaded to
/// <c>&lt;file&gt;.part</c>, an existing <c>.part</c> is resumed with an HTTP Range request (or fetched again whole
/// when the server ignores Range), the size and SHA-256 are checked against the catalog, and only then is the file
/// renamed to its final name, so the cache never holds a half or wrong file under a dataset's file name.
/// A file already present and verified is not downloaded again. Cancelling keeps the <c>.part</c> for a later resume.
/// </summary>
public sealed class DatasetDownloader : IDisposable
{
    readonly HttpClient _http;
    readonly bool _ownsHttp;
    readonly Uri? _mirror;
    readonly int _bufferBytes;

    public DatasetDownloader(DatasetDownloaderOptions? options = null, HttpClient? http = null)
    {
        options ??= new DatasetDownloaderOptions();
        if (options.BufferBytes <= 0)
            throw new ArgumentOutOfRangeException(nameof(options), options.BufferBytes, "BufferBytes must be at least 1");
        DatasetsFolder = Path.Combine(options.Home is null ? KilnHome.Path : Path.GetFullPath(options.Home), "datasets");
        _mirror = options.Mirror ?? MirrorFromEnvironment();
        _bufferBytes = options.BufferBytes;
        _ownsHttp = http is null;
        _http = http ?? CreateClient();
    }

    /// <summary>The folder that holds one sub-folder per downloaded dataset.</summary>
    public string DatasetsFolder { get; }

    public string FolderOf(DatasetEntry entry) => Path.Combine(DatasetsFolder, entry.Name);

    /// <summary>Where a file is fetched from: the catalog URL, or its place under the mirror when one is set.</summary>
    public Uri SourceOf(DatasetEntry entry, DatasetFile file)
    {
        if (_mirror is null)
            return file.Url ?? throw new ArgumentException($"dataset '{entry.Name}': {file.FileName} ships inside Kiln.Data and has no URL", nameof(file));
        var segments = file.FileName.Split('/').Select(Uri.EscapeDataString);
        return new Uri($"{_mirror.AbsoluteUri.TrimEnd('/')}/{Uri.EscapeDataString(entry.Name)}/{string.Join('/', segments)}");
    }

    /// <summary>Whether every file of the dataset is in the cache with the catalog's size and SHA-256.</summary>
    public async Task<bool> IsCachedAsync(DatasetEntry entry, CancellationToken cancellationToken = default)
    {
        foreach (var file in entry.Files)
            if (!await IsVerifiedAsync(TargetOf(entry, file), file, cancellationToken)) return false;
        return true;
    }

    /// <summary>Fetches a catalog dataset by name; an unknown name throws <see cref="UnknownDatasetException"/>.</summary>
    public Task<CachedDataset> GetAsync(string name, IProgress<DownloadProgress>? progress = null, CancellationToken cancellationToken = default) =>
        GetAsync(DatasetCatalog.Find(name), progress, cancellationToken);

    public async Task<CachedDataset> GetAsync(DatasetEntry entry, IProgress<DownloadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var paths = new List<string>(entry.Files.Count);
        for (var i = 0; i < entry.Files.Count; i++)
        {
            var (file, index) = (entry.Files[i], i);
            var target = TargetOf(entry, file);
            var report = new Action<long>(done => progress?.Report(new DownloadProgress(entry.Name, file.FileName, done, file.Bytes, index, entry.Files.Count)));
            if (await IsVerifiedAsync(target, file, cancellationToken))
            {
                report(file.Bytes);
            }
            else
            {
                // A file under the final name that fails verification was damaged after it was stored: fetch it again.
                if (File.Exists(target)) File.Delete(target);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                var part = target + ".part";
                if (file.IsEmbedded) await CopyEmbeddedAsync(entry, file, part, cancellationToken);
                else await DownloadAsync(entry, file, part, report, cancellationToken);
                await VerifyAsync(entry, file, part, cancellationToken);
                File.Move(part, target, overwrite: true);
                report(file.Bytes);
            }
            paths.Add(target);
        }
        return new CachedDataset(entry, FolderOf(entry), paths);
    }

    public void Dispose()
    {
        if (_ownsHttp) _http.Dispose();
    }

    string TargetOf(DatasetEntry entry, DatasetFile file)
    {
        var folder = FolderOf(entry);
        var target = Path.GetFullPath(Path.Combine(folder, file.FileName));
        if (Path.IsPathRooted(file.FileName) || !target.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException($"dataset '{entry.Name}': file name '{file.FileName}' leaves the dataset folder", nameof(entry));
        return target;
    }

    async Task DownloadAsync(DatasetEntry entry, DatasetFile file, string part, Action<long> report, CancellationToken cancellationToken)
    {
        var url = SourceOf(entry, file);
        var resumeFrom = File.Exists(part) ? new FileInfo(part).Length : 0;
        if (resumeFrom >= file.Bytes)
        {
            // A complete .part from an earlier run only needs verifying; a longer one cannot be right.
            if (resumeFrom == file.Bytes) return;
            File.Delete(part);
            resumeFrom = 0;
        }
        using var response = await SendAsync(url, resumeFrom, cancellationToken);
        var append = response.StatusCode == HttpStatusCode.PartialContent;
        if (append && response.Content.Headers.ContentRange?.From != resumeFrom)
        {
            File.Delete(part);
            throw new DatasetDownloadException(
                $"{url}: asked for bytes from {resumeFrom} but the server sent {response.Content.Headers.ContentRange}; the partial file was deleted, try again",
                url, response.StatusCode);
        }
        var done = append ? resumeFrom : 0;
        var buffer = ArrayPool<byte>.Shared.Rent(_bufferBytes);
        try
        {
            await using var output = new FileStream(part, append ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
            await using var input = await response.Content.ReadAsStreamAsync(cancellationToken);
            report(done);
            int read;
            while ((read = await ReadAsync(input, buffer, url, done, file, cancellationToken)) > 0)
            {
                if (done + read > file.Bytes) break;
                // Writes are not cancelled half-way, so the .part always holds a clean prefix of the file.
                await output.WriteAsync(buffer.AsMemory(0, read), CancellationToken.None);
                done += read;
                report(done);
            }
            if (done + read > file.Bytes)
            {
                await output.DisposeAsync();
                File.Delete(part);
                throw new DatasetDownloadException(
                    $"{url}: the server sent more than the {file.Bytes} bytes the catalog lists for {file.FileName}; the download was deleted", url);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        if (done < file.Bytes)
            throw new DatasetDownloadException(
                $"{url}: the connection ended after {done} of {file.Bytes} bytes of {file.FileName}; {part} is kept and the next get resumes it", url);
    }

    async Task<HttpResponseMessage> SendAsync(Uri url, long resumeFrom, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (resumeFrom > 0) request.Headers.Range = new RangeHeaderValue(resumeFrom, null);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException error)
        {
            throw new DatasetDownloadException($"{url}: {error.Message}", url, error.StatusCode, error);
        }
        if (response.IsSuccessStatusCode) return response;
        var status = response.StatusCode;
        var reason = response.ReasonPhrase;
        response.Dispose();
        throw new DatasetDownloadException($"{url}: HTTP {(int)status} {reason}".TrimEnd(), url, status);
    }

    static async Task<int> ReadAsync(Stream input, byte[] buffer, Uri url, long done, DatasetFile file, CancellationToken cancellationToken)
    {
        try
        {
            return await input.ReadAsync(buffer, cancellationToken);
        }
        catch (Exception error) when (error is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            throw new DatasetDownloadException(
                $"{url}: the connection broke after {done} of {file.Bytes} bytes of {file.FileName} ({error.Message}); the next get resumes it", url, inner: error);
        }
    }

    static async Task CopyEmbeddedAsync(DatasetEntry entry, DatasetFile file, string part, CancellationToken cancellationToken)
    {
        await using var input = DatasetCatalog.OpenEmbedded(entry, file);
        await using var output = new FileStream(part, FileMode.Create, FileAccess.Write, FileShare.None);
        await input.CopyToAsync(output, cancellationToken);
    }

    static async Task VerifyAsync(DatasetEntry entry, DatasetFile file, string part, CancellationToken cancellationToken)
    {
        var size = new FileInfo(part).Length;
        if (size != file.Bytes)
        {
            File.Delete(part);
            throw new DatasetDownloadException($"dataset '{entry.Name}': {file.FileName} has {size} bytes but the catalog expects {file.Bytes}; the download was deleted");
        }
        var actual = await Sha256Async(part, cancellationToken);
        if (!string.Equals(actual, file.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            File.Delete(part);
            throw new DatasetDownloadException(
                $"dataset '{entry.Name}': {file.FileName} failed its checksum: expected SHA-256 {file.Sha256.ToLowerInvariant()}, got {actual}; the download was deleted");
        }
    }

    static async Task<bool> IsVerifiedAsync(string path, DatasetFile file, CancellationToken cancellationToken) =>
        File.Exists(path)
        && new FileInfo(path).Length == file.Bytes
        && string.Equals(await Sha256Async(path, cancellationToken), file.Sha256, StringComparison.OrdinalIgnoreCase);

    /// <summary>The SHA-256 of a file as lowercase hex, the form the catalog uses.</summary>
    public static async Task<string> Sha256Async(string path, CancellationToken cancellationToken = default)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    static Uri? MirrorFromEnvironment()
    {
        var value = Environment.GetEnvironmentVariable(DatasetDownloaderOptions.MirrorEnvironmentVariable);
        if (string.IsNullOrWhiteSpace(value)) return null;
        return Uri.TryCreate(value.Trim(), UriKind.Absolute, out var mirror)
            ? mirror
            : throw new ArgumentException($"{DatasetDownloaderOptions.MirrorEnvironmentVariable}='{value}' is not an absolute URL");
    }

    static HttpClient CreateClient()
    {
        var client = new HttpClient();
        client.DefaultRequestHeaders.UserAgent.ParseAdd("Kiln/0.1");
        return client;
    }
}

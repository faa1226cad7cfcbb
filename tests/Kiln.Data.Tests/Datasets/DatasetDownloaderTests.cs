using System.Net;
using System.Security.Cryptography;
using Kiln.Data.Datasets;
using Kiln.Testing;

namespace Kiln.Data.Tests.Datasets;

public sealed class DatasetDownloaderTests : IDisposable
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    readonly TemporaryFolder _home = new();
    readonly FixtureHttpServer _server = new();
    readonly byte[] _content = [.. Enumerable.Range(0, 10_000).Select(i => (byte)(i * 7 % 251))];

    public void Dispose()
    {
        _server.Dispose();
        _home.Dispose();
    }

    DatasetEntry Entry(string path = "/files/data.bin", string? sha256 = null) => new(
        "fixture", "a small fixture", DatasetTask.Classification, null,
        [new DatasetFile("data.bin", _server.Serve(path, _content), _content.Length, sha256 ?? Convert.ToHexStringLower(SHA256.HashData(_content)))],
        "made by the test", "public domain");

    DatasetDownloader Downloader(Uri? mirror = null) =>
        new(new DatasetDownloaderOptions { Home = _home.Path, Mirror = mirror, BufferBytes = 1024 });

    string Target => Path.Combine(_home.Path, "datasets", "fixture", "data.bin");

    [Fact]
    public async Task A_download_lands_under_the_home_folder_after_its_checksum_matches()
    {
        var reports = new List<DownloadProgress>();
        using var downloader = Downloader();
        var dataset = await downloader.GetAsync(Entry(), new SynchronousProgress<DownloadProgress>(reports.Add), Ct);

        Assert.Equal([Target], dataset.Files);
        Assert.Equal(_content, await File.ReadAllBytesAsync(Target, Ct));
        Assert.False(File.Exists(Target + ".part"));
        Assert.Equal(_content.Length, reports[^1].BytesDone);
        Assert.All(reports, r => Assert.Equal(_content.Length, r.BytesTotal));
        Assert.True(reports.Count > 2, "progress is reported while bytes arrive");
    }

    [Fact]
    public async Task A_partial_download_resumes_with_a_range_request_for_the_rest()
    {
        var entry = Entry();
        Directory.CreateDirectory(Path.GetDirectoryName(Target)!);
        await File.WriteAllBytesAsync(Target + ".part", _content[..4000], Ct);

        using var downloader = Downloader();
        await downloader.GetAsync(entry, cancellationToken: Ct);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("bytes=4000-", request.Range);
        Assert.Equal(206, request.Status);
        Assert.Equal(6000, request.BytesSent);
        Assert.Equal(_content, await File.ReadAllBytesAsync(Target, Ct));
    }

    [Fact]
    public async Task A_server_that_ignores_range_gets_the_whole_file_downloaded_again()
    {
        var entry = Entry();
        _server.IgnoreRange = true;
        Directory.CreateDirectory(Path.GetDirectoryName(Target)!);
        await File.WriteAllBytesAsync(Target + ".part", _content[..4000], Ct);

        using var downloader = Downloader();
        await downloader.GetAsync(entry, cancellationToken: Ct);

        var request = Assert.Single(_server.Requests);
        Assert.Equal(200, request.Status);
        Assert.Equal(_content.Length, request.BytesSent);
        Assert.Equal(_content, await File.ReadAllBytesAsync(Target, Ct));
    }

    [Fact]
    public async Task A_checksum_mismatch_names_the_file_and_both_hashes_and_leaves_nothing_behind()
    {
        var wrong = new string('a', 64);
        using var downloader = Downloader();
        var error = await Assert.ThrowsAsync<DatasetDownloadException>(() => downloader.GetAsync(Entry(sha256: wrong), cancellationToken: Ct));

        Assert.Contains("data.bin", error.Message);
        Assert.Contains($"expected SHA-256 {wrong}", error.Message);
        Assert.Contains($"got {Convert.ToHexStringLower(SHA256.HashData(_content))}", error.Message);
        Assert.False(File.Exists(Target));
        Assert.False(File.Exists(Target + ".part"));
    }

    [Fact]
    public async Task A_missing_file_names_the_url_and_the_status()
    {
        var entry = Entry() with
        {
            Files = [new DatasetFile("data.bin", new Uri(_server.BaseUri, "nowhere/data.bin"), 10, new string('0', 64))],
        };
        using var downloader = Downloader();
        var error = await Assert.ThrowsAsync<DatasetDownloadException>(() => downloader.GetAsync(entry, cancellationToken: Ct));

        Assert.Contains($"{_server.BaseUri}nowhere/data.bin: HTTP 404", error.Message);
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.False(File.Exists(Target));
    }

    [Fact]
    public async Task Cancelling_keeps_the_part_file_for_a_later_resume_and_no_file_under_the_final_name()
    {
        var entry = Entry();
        _server.PauseAfterBytes = 3000;
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var progress = new SynchronousProgress<DownloadProgress>(p => { if (p.BytesDone >= 2048) cancel.Cancel(); });

        using (var downloader = Downloader())
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => downloader.GetAsync(entry, progress, cancel.Token));

        Assert.False(File.Exists(Target));
        var kept = new FileInfo(Target + ".part").Length;
        Assert.InRange(kept, 2048, 3000);
        Assert.Equal(_content[..(int)kept], await File.ReadAllBytesAsync(Target + ".part", Ct));

        _server.PauseAfterBytes = null;
        _server.Resume();
        using (var downloader = Downloader())
            await downloader.GetAsync(entry, cancellationToken: Ct);

        Assert.Equal($"bytes={kept}-", _server.Requests.Last(r => r.Range is not null).Range);
        Assert.Equal(_content, await File.ReadAllBytesAsync(Target, Ct));
    }

    [Fact]
    public async Task A_verified_file_in_the_cache_is_not_downloaded_again()
    {
        var entry = Entry();
        using var downloader = Downloader();
        await downloader.GetAsync(entry, cancellationToken: Ct);
        var requests = _server.Requests.Count;

        var reports = new List<DownloadProgress>();
        await downloader.GetAsync(entry, new SynchronousProgress<DownloadProgress>(reports.Add), Ct);

        Assert.Equal(1, requests);
        Assert.Equal(requests, _server.Requests.Count);
        Assert.True(await downloader.IsCachedAsync(entry, Ct));
        Assert.Equal(_content.Length, Assert.Single(reports).BytesDone);
    }

    [Fact]
    public async Task A_damaged_file_in_the_cache_is_fetched_again()
    {
        var entry = Entry();
        Directory.CreateDirectory(Path.GetDirectoryName(Target)!);
        await File.WriteAllBytesAsync(Target, new byte[_content.Length], Ct);

        using var downloader = Downloader();
        Assert.False(await downloader.IsCachedAsync(entry, Ct));
        await downloader.GetAsync(entry, cancellationToken: Ct);

        Assert.Single(_server.Requests);
        Assert.Equal(_content, await File.ReadAllBytesAsync(Target, Ct));
    }

    [Fact]
    public async Task A_mirror_replaces_the_catalog_url_with_the_cache_layout()
    {
        var entry = Entry() with
        {
            Files = [new DatasetFile("data.bin", new Uri("https://datasets.invalid/data.bin"), _content.Length, Convert.ToHexStringLower(SHA256.HashData(_content)))],
        };
        _server.Serve("/mirror/fixture/data.bin", _content);

        using var downloader = Downloader(mirror: new Uri(_server.BaseUri, "mirror/"));
        await downloader.GetAsync(entry, cancellationToken: Ct);

        Assert.Equal("/mirror/fixture/data.bin", Assert.Single(_server.Requests).Path);
        Assert.Equal(_content, await File.ReadAllBytesAsync(Target, Ct));
    }

    [Fact]
    public async Task Iris_is_served_from_inside_the_library_without_a_network()
    {
        using var offline = new HttpClient(new RefusingHandler());
        using var downloader = new DatasetDownloader(new DatasetDownloaderOptions { Home = _home.Path }, offline);

        var iris = await downloader.GetAsync("iris", cancellationToken: Ct);

        var path = iris.PathOf("iris.csv");
        Assert.Equal(Path.Combine(_home.Path, "datasets", "iris", "iris.csv"), path);
        var lines = await File.ReadAllLinesAsync(path, Ct);
        Assert.Equal("sepal_length,sepal_width,petal_length,petal_width,species", lines[0]);
        Assert.Equal(151, lines.Length);
    }

    [Fact]
    public async Task An_unknown_dataset_lists_the_names_there_are()
    {
        using var downloader = Downloader();
        var error = await Assert.ThrowsAsync<UnknownDatasetException>(() => downloader.GetAsync("irsi", cancellationToken: Ct));
        Assert.Contains("'irsi'", error.Message);
        Assert.Contains("iris, titanic", error.Message);
    }

    sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }

    sealed class RefusingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException($"no request should be made, but {request.RequestUri} was asked for");
    }
}

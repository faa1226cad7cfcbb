using Kiln.Testing;

namespace Kiln.Tracking.Tests;

public class ArtifactStoreTests
{
    [Theory]
    [InlineData("../escape.txt")]
    [InlineData("a/../../escape.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("a\\b.txt")]
    [InlineData("a/./b.txt")]
    public async Task Paths_that_leave_the_store_are_refused(string path)
    {
        using var folder = new TemporaryFolder();
        var store = new LocalArtifactStore(folder.Path);
        var error = await Assert.ThrowsAsync<TrackingException>(() => store.WriteAsync(path, new MemoryStream([1])));
        Assert.Equal(TrackingErrorCode.InvalidParameterValue, error.Code);
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder.Path));
    }

    [Fact]
    public async Task A_write_replaces_the_file_whole_and_leaves_no_temporary_file()
    {
        using var folder = new TemporaryFolder();
        var store = new LocalArtifactStore(folder.Path);
        await store.WriteAsync("run/model.kiln", new MemoryStream([1, 2, 3]));
        await store.WriteAsync("run/model.kiln", new MemoryStream([4, 5]));
        Assert.Equal([4, 5], await File.ReadAllBytesAsync(store.LocalPath("run/model.kiln")));
        Assert.Equal(["model.kiln"], Directory.EnumerateFiles(Path.Combine(folder.Path, "run")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_failed_write_keeps_the_old_file()
    {
        using var folder = new TemporaryFolder();
        var store = new LocalArtifactStore(folder.Path);
        await store.WriteAsync("a.bin", new MemoryStream([1, 2, 3]));
        await Assert.ThrowsAsync<IOException>(() => store.WriteAsync("a.bin", new FailingStream()));
        Assert.Equal([1, 2, 3], await File.ReadAllBytesAsync(store.LocalPath("a.bin")));
        Assert.Single(Directory.EnumerateFiles(folder.Path));
    }

    [Fact]
    public async Task Listing_deleting_and_a_missing_file()
    {
        using var folder = new TemporaryFolder();
        var store = new LocalArtifactStore(folder.Path);
        await store.WriteAsync("x/b.txt", new MemoryStream([1]));
        await store.WriteAsync("x/a/c.txt", new MemoryStream([1, 2]));
        Assert.Equal([("x/a", true), ("x/b.txt", false)], (await store.ListAsync("x")).Select(e => (e.Path, e.IsDirectory)));
        Assert.Empty(await store.ListAsync("nowhere"));
        await store.DeleteAsync("x/a");
        Assert.False(await store.ExistsAsync("x/a/c.txt"));
        Assert.Equal(TrackingErrorCode.ResourceDoesNotExist, (await Assert.ThrowsAsync<TrackingException>(() => store.OpenReadAsync("x/a/c.txt"))).Code);
        await Assert.ThrowsAsync<TrackingException>(() => store.DeleteAsync(""));
    }

    [Fact]
    public void Combine_joins_checked_parts()
    {
        Assert.Equal("0/abc/artifacts/model/m.kiln", ArtifactPath.Combine("0/abc/artifacts", "model/m.kiln"));
        Assert.Equal("a/b", ArtifactPath.Combine("", "a/", "b"));
    }

    /// <summary>A source that breaks halfway, like a dropped upload.</summary>
    sealed class FailingStream : MemoryStream
    {
        public FailingStream() : base([9, 9, 9]) { }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Position == 0 ? base.ReadAsync(buffer[..1], cancellationToken) : throw new IOException("connection reset");
    }
}

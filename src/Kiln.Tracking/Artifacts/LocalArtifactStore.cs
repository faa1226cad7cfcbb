using Kiln.Data;

namespace Kiln.Tracking;

/// <summary>Artifacts as files under one folder (by default <c>$KILN_HOME/artifacts</c>), each written to a temporary file and renamed into place.</summary>
public sealed class LocalArtifactStore : IArtifactStore
{
    public LocalArtifactStore(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
    }

    public string Root { get; }

    /// <summary>Where an artifact is on disk, for code that needs a file path (loading a model package).</summary>
    public string LocalPath(string path)
    {
        var relative = ArtifactPath.Normalize(path);
        return relative.Length == 0 ? Root : Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));
    }

    public Task WriteAsync(string path, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (ArtifactPath.Normalize(path).Length == 0) throw TrackingException.Invalid("an artifact needs a file name, not the store's root");
        var target = LocalPath(path);
        if (Directory.Exists(target)) throw TrackingException.Invalid($"artifact '{path}' is a folder; it cannot be overwritten by a file");
        return AtomicFile.WriteAsync(target, (stream, token) => content.CopyToAsync(stream, token), cancellationToken);
    }

    public Task<Stream> OpenReadAsync(string path, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var file = LocalPath(path);
        if (!File.Exists(file)) throw TrackingException.NotFound($"artifact '{path}' does not exist");
        return Task.FromResult<Stream>(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true));
    }

    public Task<IReadOnlyList<ArtifactEntry>> ListAsync(string path, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var relative = ArtifactPath.Normalize(path);
        var folder = LocalPath(relative);
        if (!Directory.Exists(folder)) return Task.FromResult<IReadOnlyList<ArtifactEntry>>([]);
        var entries = new List<ArtifactEntry>();
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos())
        {
            // a write in progress is not an artifact yet
            if (entry.Name.StartsWith('.') && entry.Name.EndsWith(".tmp", StringComparison.Ordinal)) continue;
            var name = relative.Length == 0 ? entry.Name : $"{relative}/{entry.Name}";
            entries.Add(entry is FileInfo file ? new ArtifactEntry(name, false, file.Length) : new ArtifactEntry(name, true, null));
        }
        entries.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return Task.FromResult<IReadOnlyList<ArtifactEntry>>(entries);
    }

    public Task<bool> ExistsAsync(string path, CancellationToken cancellationToken = default)
    {
        var target = LocalPath(path);
        return Task.FromResult(File.Exists(target) || Directory.Exists(target));
    }

    public Task DeleteAsync(string path, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (ArtifactPath.Normalize(path).Length == 0) throw TrackingException.Invalid("refusing to delete the whole artifact store");
        var target = LocalPath(path);
        if (File.Exists(target)) File.Delete(target);
        else if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
        return Task.CompletedTask;
    }
}

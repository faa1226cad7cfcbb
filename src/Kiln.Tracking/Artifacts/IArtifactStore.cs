namespace Kiln.Tracking;

/// <summary>
/// Where run artifacts and registered model packages are kept: a local folder by default (<see cref="LocalArtifactStore"/>),
/// any shared storage behind the same calls. Paths are relative and '/'-separated; a path that climbs out of the store
/// (<c>..</c>) or is absolute is refused. Writes are atomic: a reader sees the old file or the whole new one.
/// </summary>
public interface IArtifactStore
{
    Task WriteAsync(string path, Stream content, CancellationToken cancellationToken = default);

    /// <summary>Opens a file for reading; a missing file is a <see cref="TrackingException"/> with <see cref="TrackingErrorCode.ResourceDoesNotExist"/>.</summary>
    Task<Stream> OpenReadAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>The files and folders directly inside a folder, sorted by path; empty when the folder does not exist.</summary>
    Task<IReadOnlyList<ArtifactEntry>> ListAsync(string path, CancellationToken cancellationToken = default);

    Task<bool> ExistsAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Deletes a file or a whole folder; nothing happens when it does not exist.</summary>
    Task DeleteAsync(string path, CancellationToken cancellationToken = default);
}

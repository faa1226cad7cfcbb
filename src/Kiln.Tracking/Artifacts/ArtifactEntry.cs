namespace Kiln.Tracking;

/// <summary>A file or folder in an artifact store: its path ('/'-separated, relative to what was listed), and a file's size in bytes.</summary>
public sealed record ArtifactEntry(string Path, bool IsDirectory, long? Size);

namespace Kiln.Cli;

/// <summary>
/// Writes a command's output folder (charts, JSON, an HTML page) into a staging folder beside it and moves it into
/// place, so a cancel or an error leaves nothing half-written. A folder is replaced only when the same command wrote
/// it, which its marker file shows; a folder holding other files is refused.
/// </summary>
internal static class ReportFolder
{
    public static void Write(string folder, string markerFile, string command, Action<string> writeFiles, CancellationToken cancellationToken)
    {
        if (File.Exists(folder)) throw new ArgumentException($"--out {folder} is a file; give a folder");
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any() && !File.Exists(Path.Combine(folder, markerFile)))
            throw new ArgumentException($"--out {folder} holds other files; give an empty folder or one an earlier {command} wrote (it is replaced)");
        var parent = Path.GetDirectoryName(folder)!;
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(folder)}.{Guid.NewGuid():N}.partial");
        Directory.CreateDirectory(staging);
        try
        {
            writeFiles(staging);
            cancellationToken.ThrowIfCancellationRequested();
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            Directory.Move(staging, folder);
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }
}

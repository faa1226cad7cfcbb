namespace Kiln.Data;

/// <summary>
/// Writes a file so that readers see either the old file or the whole new one, never half of it:
/// the content goes to a temporary file beside the target, which is then renamed over it.
/// </summary>
public static class AtomicFile
{
    public static void Write(string path, Action<Stream> write)
    {
        var (full, temporary) = Prepare(path);
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            Discard(temporary);
        }
    }

    /// <summary>The same as <see cref="Write"/> for content that arrives asynchronously (a network or database stream).</summary>
    public static async Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken = default)
    {
        var (full, temporary) = Prepare(path);
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                await write(stream, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            Discard(temporary);
        }
    }

    public static void WriteAllText(string path, string text) =>
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, leaveOpen: true);
            writer.Write(text);
        });

    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        var copy = bytes.ToArray();
        Write(path, stream => stream.Write(copy));
    }

    /// <summary>The target's full path and a fresh temporary name in its folder (a rename across file systems would not be atomic).</summary>
    static (string Full, string Temporary) Prepare(string path)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        return (full, Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp"));
    }

    static void Discard(string temporary)
    {
        if (File.Exists(temporary)) File.Delete(temporary);
    }
}

using OpenCvSharp;

namespace Kiln.Vision.Video;

/// <summary>
/// Writes frames to a video file. The video is written beside its final name and moved there by <see cref="Complete"/>,
/// so a run that fails or is stopped leaves no half-written file.
/// </summary>
public sealed class VideoSink : IDisposable
{
    /// <summary>The file name endings a video can be written to, and the codec each is written with.</summary>
    public static IReadOnlyDictionary<string, string> Codecs { get; } = new Dictionary<string, string>
    {
        [".mp4"] = "mp4v",
        [".m4v"] = "mp4v",
        [".mov"] = "mp4v",
        [".mkv"] = "FMP4",
        [".avi"] = "MJPG",
    };

    readonly VideoWriter _writer;
    readonly string _temporary;
    bool _completed;

    VideoSink(VideoWriter writer, string path, string temporary, double fps, Size frameSize)
    {
        (_writer, Path, _temporary, Fps, FrameSize) = (writer, path, temporary, fps, frameSize);
    }

    /// <summary>A video of <paramref name="frameSize"/> frames played at <paramref name="fps"/>, in the format its name ends with.</summary>
    public static VideoSink Create(string path, double fps, Size frameSize)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Check.Positive(fps, nameof(fps));
        if (frameSize.Width < 1 || frameSize.Height < 1)
            throw new ArgumentOutOfRangeException(nameof(frameSize), frameSize, $"a video's frames need a size of at least 1×1, got {frameSize.Width}×{frameSize.Height}");
        var full = System.IO.Path.GetFullPath(path);
        var extension = System.IO.Path.GetExtension(full).ToLowerInvariant();
        if (!Codecs.TryGetValue(extension, out var codec))
            throw new ArgumentException($"{path}: cannot write '{extension}' videos; use one of {string.Join(", ", Codecs.Keys)}", nameof(path));
        var folder = System.IO.Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        // The temporary name keeps the extension, as the writer picks the container from it.
        var temporary = System.IO.Path.Combine(folder, $".{System.IO.Path.GetFileNameWithoutExtension(full)}.{Guid.NewGuid():N}{extension}");
        var writer = new VideoWriter(temporary, FourCC.FromString(codec), fps, frameSize);
        if (!writer.IsOpened())
        {
            writer.Dispose();
            if (File.Exists(temporary)) File.Delete(temporary);
            throw new IOException($"{path}: OpenCV cannot write {codec} video to a {extension} file here");
        }
        return new VideoSink(writer, full, temporary, fps, frameSize);
    }

    /// <summary>Where the video ends up.</summary>
    public string Path { get; }

    public double Fps { get; }

    public Size FrameSize { get; }

    public int FramesWritten { get; private set; }

    /// <summary>Appends a BGR frame of <see cref="FrameSize"/>.</summary>
    public void Write(Mat frame)
    {
        Check.NotEmpty(frame);
        ObjectDisposedException.ThrowIf(_completed, this);
        if (frame.Size() != FrameSize)
            throw new ArgumentException($"{Path}: frame {FramesWritten + 1} is {frame.Width}×{frame.Height}, the video's frames are {FrameSize.Width}×{FrameSize.Height}", nameof(frame));
        if (frame.Type() != MatType.CV_8UC3)
        {
            using var bgr = Colors.Bgr(frame);
            _writer.Write(bgr);
        }
        else _writer.Write(frame);
        FramesWritten++;
    }

    /// <summary>Finishes the file and moves it to <see cref="Path"/>.</summary>
    public void Complete()
    {
        if (_completed) return;
        _writer.Release();
        _completed = true;
        File.Move(_temporary, Path, overwrite: true);
    }

    /// <summary>Closes the writer; a video never completed is deleted.</summary>
    public void Dispose()
    {
        _writer.Dispose();
        if (!_completed && File.Exists(_temporary)) File.Delete(_temporary);
        _completed = true;
    }
}

using Kiln.Data;
using OpenCvSharp;

namespace Kiln.Vision.Video;

/// <summary>Frames from a video file or a camera, read one at a time as BGR images.</summary>
public sealed class VideoSource : IDisposable
{
    /// <summary>The frame rate assumed for a camera that does not report one.</summary>
    public const double DefaultCameraFps = 30;

    readonly VideoCapture _capture;

    VideoSource(VideoCapture capture, string name, bool isCamera)
    {
        _capture = capture;
        Name = name;
        IsCamera = isCamera;
        FrameSize = new Size(capture.FrameWidth, capture.FrameHeight);
        var fps = capture.Fps;
        Fps = double.IsFinite(fps) && fps > 0 ? fps : DefaultCameraFps;
        var count = capture.FrameCount;
        FrameCount = !isCamera && count > 0 ? count : null;
    }

    /// <summary>Opens a video file (whatever OpenCV's FFmpeg reads: MP4, AVI, MKV, MOV…).</summary>
    public static VideoSource Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such video file", path);
        var capture = new VideoCapture(path);
        if (!capture.IsOpened() || capture.FrameWidth <= 0 || capture.FrameHeight <= 0)
        {
            capture.Dispose();
            throw new DataFormatException(path, null, null, "not a video OpenCV can decode");
        }
        return new VideoSource(capture, path, isCamera: false);
    }

    /// <summary>Opens camera number <paramref name="index"/> (on Linux, /dev/video<paramref name="index"/>).</summary>
    public static VideoSource Camera(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var device = $"/dev/video{index}";
        // Checked first on Linux: asked for a missing device, OpenCV tries every backend and logs each failure.
        if (OperatingSystem.IsLinux() && !File.Exists(device))
            throw new FileNotFoundException($"camera {index}: no such camera ({device} does not exist)", device);
        var capture = new VideoCapture(index);
        if (!capture.IsOpened())
        {
            capture.Dispose();
            throw new FileNotFoundException($"camera {index}: the camera could not be opened", device);
        }
        return new VideoSource(capture, $"camera {index}", isCamera: true);
    }

    /// <summary>The file's path, or <c>camera N</c>.</summary>
    public string Name { get; }

    public bool IsCamera { get; }

    /// <summary>Frames per second the source is meant to play at.</summary>
    public double Fps { get; }

    public Size FrameSize { get; }

    /// <summary>How many frames the file holds, when its container says; null for a camera.</summary>
    public int? FrameCount { get; }

    /// <summary>Reads the next frame into <paramref name="frame"/>; false when the video has ended.</summary>
    public bool Read(Mat frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return _capture.Read(frame) && !frame.Empty();
    }

    public void Dispose() => _capture.Dispose();
}

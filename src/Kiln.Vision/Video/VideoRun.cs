using OpenCvSharp;

namespace Kiln.Vision.Video;

/// <summary>
/// The frame loop of a video tool: read a frame, process it (drawing on it in place), overlay the frame rate, hand it
/// to a sink and a window, report progress. Completing the sink is left to the caller, who knows whether a stopped run's
/// video is worth keeping (a camera recording is; a half-processed file is not).
/// </summary>
public static class VideoRun
{
    /// <summary>
    /// Runs <paramref name="process"/> (given each frame and its 0-based number) over <paramref name="source"/>'s frames.
    /// Stops at the end of the video, after <see cref="VideoRunOptions.MaxFrames"/>, or when <paramref name="window"/> is
    /// closed; cancellation throws <see cref="OperationCanceledException"/> between frames.
    /// </summary>
    public static VideoRunResult Run(VideoSource source, Action<Mat, int> process, VideoSink? sink = null, VideoRunOptions? options = null,
        IVideoWindow? window = null, IProgress<VideoProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(process);
        options ??= new VideoRunOptions();
        if (options.MaxFrames is { } max) Check.AtLeast(max, 1, nameof(options.MaxFrames));
        var total = options.MaxFrames is { } limit && source.FrameCount is { } count ? Math.Min(limit, count) : options.MaxFrames ?? source.FrameCount;
        var meter = new FpsMeter(time: options.Time);
        using var frame = new Mat();
        while ((options.MaxFrames is not { } most || meter.Frames < most) && source.Read(frame))
        {
            cancellationToken.ThrowIfCancellationRequested();
            process(frame, meter.Frames);
            if (options.ShowFps) DrawFps(frame, meter.Current);
            sink?.Write(frame);
            var fps = meter.Tick();
            progress?.Report(new VideoProgress(meter.Frames, total, fps));
            if (window is not null && !window.Show(frame)) break;
        }
        return new VideoRunResult(meter.Frames, meter.Average);
    }

    static void DrawFps(Mat frame, double fps)
    {
        var scale = Math.Clamp(frame.Height / 600.0, 0.5, 1.5);
        var origin = new Point(10, (int)(30 * scale) + 4);
        var text = fps > 0 ? $"FPS {fps:0.0}" : "FPS -";
        Drawing.Text(frame, text, origin, Scalar.Black, scale, 4);
        Drawing.Text(frame, text, origin, Scalar.White, scale, 1);
    }
}

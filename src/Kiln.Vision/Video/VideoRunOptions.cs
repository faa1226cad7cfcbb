namespace Kiln.Vision.Video;

/// <summary>How <see cref="VideoRun"/> goes through a video.</summary>
public sealed record VideoRunOptions
{
    /// <summary>Write the current frame rate in the top-left corner of each frame, after it is processed.</summary>
    public bool ShowFps { get; init; } = true;

    /// <summary>Stop after this many frames (null: run to the end of the video, or until cancelled for a camera).</summary>
    public int? MaxFrames { get; init; }

    /// <summary>Replaces the system clock of the frame-rate meter (for tests).</summary>
    public TimeProvider? Time { get; init; }
}

namespace Kiln.Vision.Video;

/// <summary>How far a video run has gone: frames done, of how many (null for a camera or an unknown length), and the current frame rate.</summary>
public sealed record VideoProgress(int Frame, int? FrameCount, double Fps);

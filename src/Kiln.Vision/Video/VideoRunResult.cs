namespace Kiln.Vision.Video;

/// <summary>What a video run did: frames processed and the average rate at which they went through.</summary>
public sealed record VideoRunResult(int Frames, double AverageFps);

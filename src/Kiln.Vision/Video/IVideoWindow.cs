using OpenCvSharp;

namespace Kiln.Vision.Video;

/// <summary>Where a video run shows its frames as they go; <see cref="Show"/> returns false when the viewer asks to stop.</summary>
public interface IVideoWindow : IDisposable
{
    bool Show(Mat frame);
}

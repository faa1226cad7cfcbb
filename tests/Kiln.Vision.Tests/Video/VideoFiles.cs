using Kiln.Vision.Video;
using OpenCvSharp;

namespace Kiln.Vision.Tests.Video;

/// <summary>Small generated videos: a white square moving right across a coloured ground, one step per frame.</summary>
static class VideoFiles
{
    public static Mat Frame(int index, Size size)
    {
        var frame = new Mat(size, MatType.CV_8UC3, new Scalar(40, 90, 160));
        Cv2.Rectangle(frame, new Rect(8 + 6 * index, size.Height / 2 - 10, 20, 20), Scalar.All(255), -1);
        return frame;
    }

    public static string Write(string path, int frames, double fps = 12, int width = 160, int height = 96)
    {
        using var sink = VideoSink.Create(path, fps, new Size(width, height));
        for (var i = 0; i < frames; i++)
        {
            using var frame = Frame(i, sink.FrameSize);
            sink.Write(frame);
        }
        sink.Complete();
        return path;
    }
}

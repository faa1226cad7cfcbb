using Kiln.Data;
using Kiln.Testing;
using Kiln.Vision.Video;
using OpenCvSharp;

namespace Kiln.Vision.Tests.Video;

public sealed class VideoSourceTests
{
    [Fact]
    public void The_shared_clip_opens_with_its_frame_rate_size_and_length()
    {
        using var source = VideoSource.Open(SharedFolder.RequireDataset("video/short_hamilton_clip.mp4"));

        Assert.Equal(29.97, source.Fps, 2);
        Assert.Equal(new Size(640, 360), source.FrameSize);
        Assert.Equal(275, source.FrameCount);
        Assert.False(source.IsCamera);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var error = Assert.Throws<FileNotFoundException>(() => VideoSource.Open("/no/such/clip.mp4"));
        Assert.Contains("/no/such/clip.mp4", error.Message);
    }

    [Fact]
    public void A_file_that_is_no_video_is_refused_naming_it()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("clip.mp4");
        File.WriteAllText(path, "no frames here");

        var error = Assert.Throws<DataFormatException>(() => VideoSource.Open(path));

        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void A_camera_that_does_not_exist_is_named_with_its_device()
    {
        const int index = 63;
        if (File.Exists($"/dev/video{index}")) Assert.Skip($"this machine has a /dev/video{index}");

        var error = Assert.Throws<FileNotFoundException>(() => VideoSource.Camera(index));

        Assert.Contains("camera 63", error.Message);
    }
}

using Kiln.Testing;
using Kiln.Vision.Video;
using OpenCvSharp;

namespace Kiln.Vision.Tests.Video;

public sealed class VideoSinkTests
{
    [Theory]
    [InlineData("clip.mp4")]
    [InlineData("clip.avi")]
    public void A_written_video_reads_back_with_its_frame_rate_size_frames_and_pictures(string name)
    {
        using var folder = new TemporaryFolder();
        var path = VideoFiles.Write(folder.File(name), frames: 15, fps: 12.5);

        using var source = VideoSource.Open(path);

        Assert.Equal(12.5, source.Fps, 3);
        Assert.Equal(new Size(160, 96), source.FrameSize);
        Assert.Equal(15, source.FrameCount);
        using var frame = new Mat();
        var read = 0;
        while (source.Read(frame))
        {
            using var expected = VideoFiles.Frame(read, source.FrameSize);
            using var difference = new Mat();
            Cv2.Absdiff(frame, expected, difference);
            Assert.True(Cv2.Mean(difference).Val0 < 6, $"frame {read} differs from what was written by {Cv2.Mean(difference).Val0:0.0} on average");
            read++;
        }
        Assert.Equal(15, read);
        Assert.Equal([name], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_video_never_completed_leaves_no_file()
    {
        using var folder = new TemporaryFolder();
        using (var sink = VideoSink.Create(folder.File("out.mp4"), 10, new Size(64, 48)))
        {
            using var frame = VideoFiles.Frame(0, sink.FrameSize);
            sink.Write(frame);
        }

        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void A_frame_of_another_size_is_refused_naming_both_sizes()
    {
        using var folder = new TemporaryFolder();
        using var sink = VideoSink.Create(folder.File("out.mp4"), 10, new Size(64, 48));
        using var frame = VideoFiles.Frame(0, new Size(80, 48));

        var error = Assert.Throws<ArgumentException>(() => sink.Write(frame));

        Assert.Contains("frame 1 is 80×48", error.Message);
        Assert.Contains("64×48", error.Message);
    }

    [Fact]
    public void An_unknown_video_format_lists_the_ones_written()
    {
        var error = Assert.Throws<ArgumentException>(() => VideoSink.Create("/tmp/out.gif", 10, new Size(64, 48)));
        Assert.Contains(".mp4", error.Message);
        Assert.Contains(".avi", error.Message);
    }
}

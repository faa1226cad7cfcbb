using System.Text.Json;
using Kiln.Testing;
using Kiln.Vision.Video;
using OpenCvSharp;

namespace Kiln.Cli.Tests;

public class TrackColorCommandTests
{
    /// <summary>A 30-frame video of a blue ball moving 8 pixels right per frame across a grey 320 × 240 scene.</summary>
    static string BallVideo(TemporaryFolder folder)
    {
        var path = folder.File("ball.avi");
        using (var sink = VideoSink.Create(path, 15, new Size(320, 240)))
        {
            for (var i = 0; i < 30; i++)
            {
                using var frame = new Mat(240, 320, MatType.CV_8UC3, new Scalar(128, 128, 128));
                Cv2.Circle(frame, new Point(40 + 8 * i, 120), 18, new Scalar(220, 60, 30), -1);
                sink.Write(frame);
            }
            sink.Complete();
        }
        return path;
    }

    [Fact]
    public void A_blue_ball_is_followed_across_the_video_and_its_positions_written()
    {
        using var folder = new TemporaryFolder();
        var video = BallVideo(folder);

        var run = CliRun.Of("vision", "track-color", video, "--color", "blue", "--out", folder.File("tracked.avi"),
            "--positions", folder.File("positions.csv"), "--no-window", "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(30, json.RootElement.GetProperty("frames").GetInt32());
        Assert.Equal(30, json.RootElement.GetProperty("framesWithColor").GetInt32());
        var positions = Kiln.Data.Frame.ReadCsv(folder.File("positions.csv"));
        Assert.Equal(30, positions.RowCount);
        var x = positions["x"].AsFloat64().Values.ToArray();
        for (var i = 0; i < 30; i++) Assert.InRange(x[i], 40 + 8 * i - 2, 40 + 8 * i + 2);
        using var tracked = VideoSource.Open(folder.File("tracked.avi"));
        Assert.Equal(30, tracked.FrameCount);
    }

    [Fact]
    public void A_colour_that_is_not_there_gives_empty_frames_and_bad_ranges_are_refused()
    {
        using var folder = new TemporaryFolder();
        var video = BallVideo(folder);
        var run = CliRun.Of("vision", "track-color", video, "--hsv", "35,80,60:85,255,255", "--positions", folder.File("p.csv"), "--no-window", "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        using (var json = JsonDocument.Parse(run.Output))
            Assert.Equal(0, json.RootElement.GetProperty("framesWithColor").GetInt32());

        var bad = CliRun.Of("vision", "track-color", video, "--hsv", "35,80:85,255,255", "--no-window");
        Assert.Equal(64, bad.ExitCode);
        Assert.Contains("needs three numbers", bad.Error);
        var both = CliRun.Of("vision", "track-color", video, "--color", "red", "--hsv", "0,0,0:1,1,1", "--no-window");
        Assert.Equal(64, both.ExitCode);
    }
}

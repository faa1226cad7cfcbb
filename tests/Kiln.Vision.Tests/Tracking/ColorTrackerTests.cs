using Kiln.Vision.Tracking;
using OpenCvSharp;

namespace Kiln.Vision.Tests.Tracking;

public sealed class ColorTrackerTests
{
    /// <summary>A grey 320 × 240 frame with a blue ball at <paramref name="blue"/> and a red one at (260, 60).</summary>
    static Mat Frame(Point blue)
    {
        var frame = new Mat(240, 320, MatType.CV_8UC3, new Scalar(128, 128, 128));
        Cv2.Circle(frame, blue, 20, new Scalar(220, 60, 30), -1);
        Cv2.Circle(frame, new Point(260, 60), 15, new Scalar(30, 30, 230), -1);
        return frame;
    }

    [Fact]
    public void A_moving_ball_is_followed_frame_by_frame_and_leaves_a_trail()
    {
        var tracker = new ColorTracker(ColorRanges.Of("blue"), trailLength: 3);
        foreach (var x in new[] { 50, 90, 130, 170 })
        {
            using var frame = Frame(new Point(x, 150));
            var found = Assert.Single(tracker.Track(frame));
            Assert.InRange(found.Centroid.X, x - 1, x + 1);
            Assert.InRange(found.Centroid.Y, 149, 151);
            Assert.InRange(found.Area, 0.9 * Math.PI * 400, 1.1 * Math.PI * 400);
        }
        Assert.Equal([90.0, 130, 170], tracker.Trail.Select(p => Math.Round(p!.Value.X)));
    }

    [Fact]
    public void Red_is_found_across_the_hue_wrap_and_switching_colour_restarts_the_trail()
    {
        var tracker = new ColorTracker(ColorRanges.Of("blue"));
        using var frame = Frame(new Point(60, 60));
        tracker.Track(frame);
        tracker.Colour = ColorRanges.Of("red");
        Assert.Empty(tracker.Trail);
        var red = Assert.Single(tracker.Track(frame));
        Assert.InRange(red.Centroid.X, 259, 261);
    }

    [Fact]
    public void A_frame_without_the_colour_leaves_a_gap_in_the_trail()
    {
        var tracker = new ColorTracker(ColorRanges.Of("green"));
        using var frame = Frame(new Point(60, 60));
        Assert.Empty(tracker.Track(frame));
        Assert.Equal([null], tracker.Trail);
    }

    [Fact]
    public void Hsv_ranges_parse_and_wrap_around_hue_zero()
    {
        var ranges = HsvRange.Parse("170,100,100:10,255,255");
        Assert.Equal(2, ranges.Count);
        Assert.Equal(179, ranges[0].Upper.Val0);
        Assert.Equal(0, ranges[1].Lower.Val0);
        Assert.Contains("hue 200 is outside 0–179", Assert.Throws<FormatException>(() => HsvRange.Parse("200,0,0:10,255,255")).Message);
        Assert.Contains("h1,s1,v1:h2,s2,v2", Assert.Throws<FormatException>(() => HsvRange.Parse("1,2,3")).Message);
        Assert.Contains("unknown colour 'teal'", Assert.Throws<ArgumentException>(() => ColorRanges.Of("teal")).Message);
    }
}

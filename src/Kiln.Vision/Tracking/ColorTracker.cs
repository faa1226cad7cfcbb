using OpenCvSharp;

namespace Kiln.Vision.Tracking;

/// <summary>
/// Follows objects of one colour through frames, as OpenCV's colour-tracking project does: an HSV mask, cleaned by
/// opening and closing, its regions as contours with boxes and centroids, and a trail of the largest region's recent
/// centroids. The colour can be switched between frames.
/// </summary>
public sealed class ColorTracker
{
    readonly Queue<Point2d?> _trail = new();

    public ColorTracker(IReadOnlyList<HsvRange> colour, double minimumArea = 100, int trailLength = 32)
    {
        Colour = colour;
        if (!(minimumArea >= 0)) throw new ArgumentOutOfRangeException(nameof(minimumArea), minimumArea, "the minimum area must be at least 0 pixels");
        if (trailLength < 0) throw new ArgumentOutOfRangeException(nameof(trailLength), trailLength, "the trail length must be at least 0 frames");
        MinimumArea = minimumArea;
        TrailLength = trailLength;
    }

    /// <summary>The ranges tracked now; set it to switch colour (the trail starts again).</summary>
    public IReadOnlyList<HsvRange> Colour
    {
        get;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            if (value.Count == 0) throw new ArgumentException("give at least one HSV range", nameof(value));
            field = value;
            _trail.Clear();
        }
    }

    public double MinimumArea { get; }

    public int TrailLength { get; }

    /// <summary>The largest region's centroid in each of the last frames, oldest first; null where the colour was not seen.</summary>
    public IReadOnlyList<Point2d?> Trail => [.. _trail];

    /// <summary>The pixels of the tracked colour in a BGR frame, white on black.</summary>
    public Mat Mask(Mat frame)
    {
        Check.NotEmpty(frame);
        using var blurred = Filters.GaussianBlur(frame, 5);
        using var hsv = Colors.Convert(blurred, ColorSpace.Hsv);
        var mask = new Mat(frame.Size(), MatType.CV_8UC1, Scalar.All(0));
        using var part = new Mat();
        foreach (var range in Colour)
        {
            Cv2.InRange(hsv, range.Lower, range.Upper, part);
            Cv2.BitwiseOr(mask, part, mask);
        }
        using var opened = Morphology.Apply(mask, MorphTypes.Open, 5);
        using var closed = Morphology.Apply(opened, MorphTypes.Close, 5);
        closed.CopyTo(mask);
        return mask;
    }

    /// <summary>The regions of the colour in this frame, largest first, and the trail updated with the largest one.</summary>
    public IReadOnlyList<TrackedObject> Track(Mat frame)
    {
        using var mask = Mask(frame);
        var objects = Contours.Find(mask, Math.Max(MinimumArea, 1))
            .Select(s => new TrackedObject(s.BoundingBox, s.Centroid, s.Area))
            .ToList();
        if (TrailLength > 0)
        {
            _trail.Enqueue(objects.Count > 0 ? objects[0].Centroid : null);
            while (_trail.Count > TrailLength) _trail.Dequeue();
        }
        return objects;
    }

    /// <summary>Draws the regions' boxes and centroids and the trail (thicker where more recent) on a frame, in place.</summary>
    public void Draw(Mat frame, IReadOnlyList<TrackedObject> objects)
    {
        Check.NotEmpty(frame);
        var box = NamedColors.Parse("green");
        foreach (var tracked in objects)
        {
            Drawing.Box(frame, tracked.Box, box, 2);
            Drawing.Circle(frame, new Point(tracked.Centroid.X, tracked.Centroid.Y), 4, NamedColors.Parse("red"), -1);
        }
        var trail = Trail;
        for (var i = 1; i < trail.Count; i++)
        {
            if (trail[i - 1] is not { } from || trail[i] is not { } to) continue;
            var thickness = Math.Max(1, (int)Math.Round(6.0 * i / trail.Count));
            Drawing.Line(frame, new Point(from.X, from.Y), new Point(to.X, to.Y), NamedColors.Parse("yellow"), thickness);
        }
    }
}

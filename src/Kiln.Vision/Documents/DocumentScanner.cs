using OpenCvSharp;

namespace Kiln.Vision.Documents;

/// <summary>
/// The document scanner of OpenCV's classic project: grey, blur, edges, the largest convex four-cornered outline
/// (or, when the page merges with another bright object, the outline's four longest straight sides), corners ordered,
/// and a perspective warp to a straight page. Each side of the outline is then refitted to the edge
/// pixels along it, so corners land within a pixel or two of the page's true corners.
/// </summary>
public static class DocumentScanner
{
    /// <summary>Finds the page and straightens it; null when no page-like outline is found.</summary>
    public static ScannedPage? Scan(Mat image, ScanOptions? options = null)
    {
        options ??= new ScanOptions();
        var corners = FindPage(image, options);
        return corners is null ? null : new ScannedPage(corners, Straighten(image, corners, options));
    }

    /// <summary>The page's corners (top-left, top-right, bottom-right, bottom-left) in <paramref name="image"/>'s pixels, or null when none is found.</summary>
    public static IReadOnlyList<Point2f>? FindPage(Mat image, ScanOptions? options = null)
    {
        Check.NotEmpty(image);
        options ??= new ScanOptions();
        options.Check();
        var scale = Math.Min(1, (double)options.DetectionSize / Math.Max(image.Width, image.Height));
        using var small = scale < 1 ? Geometry.Scale(image, scale) : image.Clone();
        using var gray = Colors.Convert(small, ColorSpace.Gray);
        using var blurred = Filters.GaussianBlur(gray, 5);
        using var edges = Edges.Canny(blurred, 75, 200);
        using var joined = Morphology.Apply(edges, MorphTypes.Dilate, 3);
        // A page on a plain background can lose an edge to low contrast; its bright region still outlines it.
        using var bright = Thresholds.Otsu(blurred).Image;
        var minimumArea = options.MinimumPageFraction * small.Width * small.Height;
        var joinedPixels = EdgeMap.Of(joined);
        Mat[] binaries = [joined, edges, bright];
        var quad = Best(binaries.SelectMany(binary => Quadrilaterals(binary, minimumArea)), joinedPixels)
            ?? Best(binaries.SelectMany(binary => SideQuadrilaterals(binary, minimumArea, small.Size())), joinedPixels);
        if (quad is null) return null;
        var refined = Refine(quad, edges);
        return [.. refined.Select(p => new Point2f((float)(p.X / scale), (float)(p.Y / scale)))];
    }

    /// <summary>Orders four corners as top-left, top-right, bottom-right, bottom-left (by their angle about the centre).</summary>
    public static IReadOnlyList<Point2f> OrderCorners(IReadOnlyList<Point2f> corners)
    {
        ArgumentNullException.ThrowIfNull(corners);
        if (corners.Count != 4) throw new ArgumentException($"a page has 4 corners, got {corners.Count}", nameof(corners));
        var (cx, cy) = (corners.Average(p => p.X), corners.Average(p => p.Y));
        var clockwise = corners.OrderBy(p => Math.Atan2(p.Y - cy, p.X - cx)).ToList();
        var first = clockwise.IndexOf(clockwise.MinBy(p => p.X + p.Y));
        return [.. Enumerable.Range(0, 4).Select(i => clockwise[(first + i) % 4])];
    }

    /// <summary>Warps the quadrilateral <paramref name="corners"/> (ordered as <see cref="OrderCorners"/>) to an upright rectangle of its own size.</summary>
    public static Mat Straighten(Mat image, IReadOnlyList<Point2f> corners, ScanOptions? options = null)
    {
        Check.NotEmpty(image);
        options ??= new ScanOptions();
        options.Check();
        if (corners.Count != 4) throw new ArgumentException($"a page has 4 corners, got {corners.Count}", nameof(corners));
        var width = (int)Math.Round(Math.Max(corners[0].DistanceTo(corners[1]), corners[3].DistanceTo(corners[2])));
        var height = (int)Math.Round(Math.Max(corners[0].DistanceTo(corners[3]), corners[1].DistanceTo(corners[2])));
        if (width < 2 || height < 2) throw new ArgumentException($"the corners enclose no page ({width}×{height} pixels)", nameof(corners));
        Point2f[] target = [new(0, 0), new(width - 1, 0), new(width - 1, height - 1), new(0, height - 1)];
        using var transform = Cv2.GetPerspectiveTransform(corners, target);
        var page = new Mat();
        Cv2.WarpPerspective(image, page, transform, new Size(width, height), InterpolationFlags.Linear, BorderTypes.Replicate);
        if (!options.BlackAndWhite) return page;
        using (page)
            return Thresholds.Adaptive(page, options.ThresholdBlock, options.ThresholdOffset);
    }

    /// <summary>
    /// Four-cornered outlines among the largest regions. A creased or curled page rarely gives a clean four-cornered
    /// outline, so each region's convex hull is simplified with a growing tolerance until four corners remain.
    /// </summary>
    static IEnumerable<Point2f[]> Quadrilaterals(Mat binary, double minimumArea)
    {
        foreach (var shape in Contours.Find(binary, minimumArea).Take(5))
        {
            var hull = Cv2.ConvexHull(shape.Points);
            foreach (var tolerance in (double[])[0.02, 0.03, 0.04, 0.05, 0.06, 0.08])
            {
                var polygon = Cv2.ApproxPolyDP(hull, tolerance * shape.Perimeter, closed: true);
                if (polygon.Length < 4) break;
                if (polygon.Length > 4) continue;
                // Four corners must keep most of the outline: a disc or a blob simplified to four corners loses a third of itself.
                var area = Cv2.ContourArea(polygon);
                if (area >= minimumArea && area >= 0.85 * Cv2.ContourArea(hull))
                    yield return OrderCorners([.. polygon.Select(p => new Point2f(p.X, p.Y))]).ToArray();
                break;
            }
        }
    }

    /// <summary>The candidate with the largest area times edge support, among those whose outline mostly runs along edges.</summary>
    static Point2f[]? Best(IEnumerable<Point2f[]> candidates, EdgeMap edges) =>
        candidates
            .Select(q => (Corners: q, Support: EdgeSupport(q, edges)))
            .Where(c => c.Support >= MinimumSupport)
            .OrderByDescending(c => Cv2.ContourArea(c.Corners) * c.Support)
            .Select(c => c.Corners)
            .FirstOrDefault();

    /// <summary>
    /// Quadrilaterals bounded by a region's longest straight sides, for when no region simplifies to four corners: a
    /// page lying against another bright object (a newspaper, a table edge) merges with it into one region of many
    /// corners, yet the page's four sides stay the longest straight runs of that outline. Every four of the eight
    /// longest sides, in their order round the outline, are extended and intersected into a candidate; candidates
    /// that are not convex or reach well outside the photo are dropped, and edge support picks among the rest.
    /// </summary>
    static IEnumerable<Point2f[]> SideQuadrilaterals(Mat binary, double minimumArea, Size size)
    {
        var (marginX, marginY) = (0.02 * size.Width, 0.02 * size.Height);
        foreach (var shape in Contours.Find(binary, minimumArea).Take(5))
        {
            var polygon = Cv2.ApproxPolyDP(shape.Points, 0.005 * shape.Perimeter, closed: true);
            var count = polygon.Length;
            if (count < 4) continue;
            var longest = Enumerable.Range(0, count)
                .OrderByDescending(i => polygon[i].DistanceTo(polygon[(i + 1) % count]))
                .Take(8)
                .Order()
                .ToArray();
            var sides = longest.Select(i => LineThrough(polygon[i], polygon[(i + 1) % count])).ToArray();
            var runs = longest.Select(i => polygon[i].DistanceTo(polygon[(i + 1) % count])).ToArray();
            foreach (var four in FourOf(sides.Length))
            {
                var corners = new Point2f[4];
                var inside = true;
                for (var k = 0; k < 4 && inside; k++)
                {
                    var corner = Intersection(sides[four[(k + 3) % 4]], sides[four[k]]);
                    inside = corner is { } c && c.X >= -marginX && c.Y >= -marginY && c.X <= size.Width + marginX && c.Y <= size.Height + marginY;
                    if (inside) corners[k] = corner!.Value;
                }
                if (!inside || !Cv2.IsContourConvex(corners) || Cv2.ContourArea(corners) < minimumArea) continue;
                // each side must be mostly the straight run it was extended from, or four short runs of a round
                // outline would make a square around it
                var straight = true;
                for (var k = 0; k < 4 && straight; k++)
                    straight = runs[four[k]] >= MinimumStraightShare * corners[k].DistanceTo(corners[(k + 1) % 4]);
                if (!straight) continue;
                yield return OrderCorners(corners).ToArray();
            }
        }
    }

    /// <summary>The least share of a side found from straight runs that the run itself must cover.</summary>
    const double MinimumStraightShare = 0.5;

    /// <summary>Every choice of four indices below <paramref name="count"/>, each in increasing order.</summary>
    static IEnumerable<int[]> FourOf(int count)
    {
        for (var a = 0; a < count; a++)
            for (var b = a + 1; b < count; b++)
                for (var c = b + 1; c < count; c++)
                    for (var d = c + 1; d < count; d++)
                        yield return [a, b, c, d];
    }

    static Line2D LineThrough(Point from, Point to)
    {
        var length = Math.Max(from.DistanceTo(to), 1e-9);
        return new Line2D((to.X - from.X) / length, (to.Y - from.Y) / length, from.X, from.Y);
    }

    /// <summary>
    /// The least share of a candidate's outline that must run along edges for it to be taken for a page. Curled
    /// receipts lose much of their outline to blur and shadow, so this only rejects outlines that mostly cross open ground.
    /// </summary>
    const double MinimumSupport = 0.2;

    /// <summary>
    /// The share of points along the four sides that lie on an edge: a page's outline runs along edges all the way round,
    /// while an outline that swallowed the background cuts across it.
    /// </summary>
    static double EdgeSupport(Point2f[] corners, EdgeMap edges)
    {
        int on = 0, all = 0;
        for (var side = 0; side < 4; side++)
        {
            var (a, b) = (corners[side], corners[(side + 1) % 4]);
            var steps = Math.Max(1, (int)a.DistanceTo(b));
            for (var step = 0; step < steps; step++)
            {
                var t = (double)step / steps;
                var (x, y) = ((int)Math.Round(a.X + t * (b.X - a.X)), (int)Math.Round(a.Y + t * (b.Y - a.Y)));
                all++;
                if (edges.Near(x, y)) on++;
            }
        }
        return all == 0 ? 0 : (double)on / all;
    }

    /// <summary>An edge map's pixels, copied out of OpenCV once because the support of every candidate reads thousands of them.</summary>
    readonly record struct EdgeMap(byte[] Pixels, int Width, int Height)
    {
        public static EdgeMap Of(Mat edges)
        {
            using var continuous = edges.IsContinuous() ? null : edges.Clone();
            (continuous ?? edges).GetArray(out byte[] pixels);
            return new EdgeMap(pixels, edges.Width, edges.Height);
        }

        /// <summary>An edge pixel within one pixel of (x, y); the edges given are already thickened by a dilation.</summary>
        public bool Near(int x, int y)
        {
            for (var dy = -1; dy <= 1; dy++)
                for (var dx = -1; dx <= 1; dx++)
                {
                    var (px, py) = (x + dx, y + dy);
                    if (px >= 0 && py >= 0 && px < Width && py < Height && Pixels[py * Width + px] != 0) return true;
                }
            return false;
        }
    }

    /// <summary>
    /// Refits each side to the edge pixels within a few pixels of it (leaving out the ends near the corners) and
    /// intersects neighbouring sides; a side with too few edge pixels keeps its rough corners.
    /// </summary>
    static IReadOnlyList<Point2f> Refine(IReadOnlyList<Point2f> corners, Mat edges)
    {
        var edgePixels = EdgePoints(edges);
        var lines = new Line2D?[4];
        for (var side = 0; side < 4; side++)
        {
            var (a, b) = (corners[side], corners[(side + 1) % 4]);
            var length = a.DistanceTo(b);
            if (length < 8) continue;
            var (ux, uy) = ((b.X - a.X) / length, (b.Y - a.Y) / length);
            var near = new List<Point2f>();
            foreach (var p in edgePixels)
            {
                var along = (p.X - a.X) * ux + (p.Y - a.Y) * uy;
                var across = Math.Abs(-(p.X - a.X) * uy + (p.Y - a.Y) * ux);
                if (across <= 4 && along > 0.1 * length && along < 0.9 * length) near.Add(p);
            }
            if (near.Count >= Math.Max(10, 0.3 * length)) lines[side] = Cv2.FitLine(near, DistanceTypes.Huber, 0, 0.01, 0.01);
        }
        var refined = new Point2f[4];
        for (var corner = 0; corner < 4; corner++)
        {
            var (incoming, outgoing) = (lines[(corner + 3) % 4], lines[corner]);
            refined[corner] = incoming is { } l1 && outgoing is { } l2 && Intersection(l1, l2) is { } point && point.DistanceTo(corners[corner]) < 10
                ? point
                : corners[corner];
        }
        return refined;
    }

    static List<Point2f> EdgePoints(Mat edges)
    {
        using var found = new Mat();
        Cv2.FindNonZero(edges, found);
        if (found.Empty()) return [];
        found.GetArray(out Point[] pixels);
        var points = new List<Point2f>(pixels.Length);
        foreach (var p in pixels) points.Add(new Point2f(p.X, p.Y));
        return points;
    }

    static Point2f? Intersection(Line2D first, Line2D second)
    {
        var denominator = first.Vx * second.Vy - first.Vy * second.Vx;
        if (Math.Abs(denominator) < 1e-9) return null;
        var t = ((second.X1 - first.X1) * second.Vy - (second.Y1 - first.Y1) * second.Vx) / denominator;
        return new Point2f((float)(first.X1 + t * first.Vx), (float)(first.Y1 + t * first.Vy));
    }
}

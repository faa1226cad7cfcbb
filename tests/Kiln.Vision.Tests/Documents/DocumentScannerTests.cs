using Kiln.Testing;
using Kiln.Vision.Documents;
using OpenCvSharp;

namespace Kiln.Vision.Tests.Documents;

public sealed class DocumentScannerTests
{
    static readonly Point2f[] PageCorners = [new(0, 0), new(419, 0), new(419, 593), new(0, 593)];

    /// <summary>
    /// A 420 × 594 page of text lines, photographed at an angle: warped by a known homography onto a cluttered 800 × 700
    /// table, on which <paramref name="lay"/> may put more things before the page.
    /// </summary>
    static Mat Photograph(Point2f[] where, Action<Mat>? lay = null)
    {
        using var page = new Mat(594, 420, MatType.CV_8UC3, new Scalar(235, 240, 245));
        for (var line = 0; line < 14; line++)
            Cv2.PutText(page, $"Receipt line {line + 1}  total 12.{line:00}", new Point(30, 60 + 36 * line), HersheyFonts.HersheySimplex, 0.6, Scalar.All(20), 2);
        var photo = new Mat(700, 800, MatType.CV_8UC3, new Scalar(60, 70, 90));
        var random = new Random(3);
        for (var i = 0; i < 40; i++)
            Cv2.Circle(photo, new Point(random.Next(800), random.Next(700)), random.Next(3, 12), new Scalar(random.Next(30, 110), random.Next(30, 110), random.Next(30, 110)), -1);
        lay?.Invoke(photo);
        using var homography = Cv2.GetPerspectiveTransform(PageCorners, where);
        using var warped = new Mat();
        using var mask = new Mat();
        Cv2.WarpPerspective(page, warped, homography, photo.Size());
        Cv2.WarpPerspective(new Mat(page.Size(), MatType.CV_8UC1, Scalar.All(255)), mask, homography, photo.Size());
        warped.CopyTo(photo, mask);
        return photo;
    }

    [Fact]
    public void A_page_warped_by_a_known_homography_is_found_within_two_pixels_per_corner()
    {
        Point2f[] truth = [new(180, 90), new(590, 130), new(640, 610), new(140, 560)];
        using var photo = Photograph(truth);

        using var scan = DocumentScanner.Scan(photo);

        Assert.NotNull(scan);
        for (var i = 0; i < 4; i++)
            Assert.True(scan.Corners[i].DistanceTo(truth[i]) <= 2, $"corner {i} found at {scan.Corners[i]}, truly at {truth[i]}");
        Assert.InRange(scan.Page.Width, 400, 520);
        Assert.InRange(scan.Page.Height, 470, 600);
    }

    [Fact]
    public void The_straightened_page_is_upright_and_reads_like_the_original()
    {
        Point2f[] truth = [new(200, 100), new(600, 120), new(620, 620), new(170, 600)];
        using var photo = Photograph(truth);
        using var scan = DocumentScanner.Scan(photo, new ScanOptions { BlackAndWhite = true });
        Assert.NotNull(scan);
        Assert.Equal(1, scan.Page.Channels());
        // Text lines are horizontal once straightened: the darkest rows are many, the page margin above them white.
        using var top = new Mat(scan.Page, new Rect(0, 0, scan.Page.Width, 20));
        Assert.True(Cv2.Mean(top).Val0 > 200, "the top margin is white");
        var rowMeans = Enumerable.Range(0, scan.Page.Height).Select(r => Cv2.Mean(scan.Page.Row(r)).Val0).ToArray();
        Assert.True(rowMeans.Count(m => m < 200) > 50, "rows crossed by text are darker");
    }

    [Fact]
    public void Corners_are_ordered_from_the_top_left_clockwise_whatever_their_order()
    {
        var ordered = DocumentScanner.OrderCorners([new(10, 90), new(95, 100), new(5, 2), new(100, 8)]);
        Assert.Equal([new Point2f(5, 2), new(100, 8), new(95, 100), new(10, 90)], ordered);
    }

    [Fact]
    public void A_photo_without_a_page_gives_no_scan()
    {
        using var photo = new Mat(300, 400, MatType.CV_8UC3, new Scalar(60, 70, 90));
        Cv2.Circle(photo, new Point(200, 150), 60, Scalar.All(230), -1);
        Assert.Null(DocumentScanner.Scan(photo));
    }

    [Fact]
    public void The_strip_receipt_against_a_newspaper_is_found_at_its_corners()
    {
        // receipt_01: a 532 × 300 photo of a long receipt lying across a dark cloth, its lower left corner on a newspaper;
        // the corners as read by eye off its edge map
        using var photo = ImageFile.Read(SharedFolder.RequireDataset("images/documents/receipt_01.jpg"));
        var corners = DocumentScanner.FindPage(photo);
        Assert.NotNull(corners);
        Point2f[] seen = [new(48, 95), new(520, 83), new(522, 216), new(46, 213)];
        for (var i = 0; i < 4; i++)
            Assert.True(corners[i].DistanceTo(seen[i]) <= 5, $"corner {i} found at {corners[i]}, seen at {seen[i]}");
    }

    [Theory]
    [InlineData("images/documents/receipt_01.jpg")]
    [InlineData("images/documents/receipt_02.jpg")]
    [InlineData("images/documents/receipt_03.jpg")]
    public void The_receipt_photographs_are_scanned_to_a_long_page(string file)
    {
        using var photo = ImageFile.Read(SharedFolder.RequireDataset(file));
        using var scan = DocumentScanner.Scan(photo);
        Assert.NotNull(scan);
        var (longSide, shortSide) = (Math.Max(scan.Page.Width, scan.Page.Height), Math.Min(scan.Page.Width, scan.Page.Height));
        Assert.True(longSide > 1.4 * shortSide, $"a receipt is long and narrow, got {scan.Page.Width}×{scan.Page.Height}");
        Assert.True(scan.Page.Width * scan.Page.Height > 0.1 * photo.Width * photo.Height);
    }
}

using OpenCvSharp;

namespace Kiln.Vision.Tests.Images;

public sealed class ImageOperationsTests
{
    /// <summary>A black 100 × 80 canvas with a white 40 × 20 rectangle whose top-left corner is at (30, 20).</summary>
    static Mat Rectangle()
    {
        var image = new Mat(80, 100, MatType.CV_8UC1, Scalar.All(0));
        Cv2.Rectangle(image, new Rect(30, 20, 40, 20), Scalar.All(255), -1);
        return image;
    }

    [Fact]
    public void Flipping_left_to_right_reverses_each_row()
    {
        using var image = new Mat(1, 3, MatType.CV_8UC1);
        image.Set(0, 0, (byte)1); image.Set(0, 1, (byte)2); image.Set(0, 2, (byte)3);
        using var flipped = Geometry.Flip(image, FlipMode.Y);
        Assert.Equal([3, 2, 1], new[] { flipped.At<byte>(0, 0), flipped.At<byte>(0, 1), flipped.At<byte>(0, 2) });
    }

    [Fact]
    public void Rotating_a_quarter_turn_swaps_the_sides_and_keeps_every_pixel()
    {
        using var image = Rectangle();
        using var rotated = Geometry.Rotate(image, 90);
        Assert.Equal(new Size(80, 100), rotated.Size());
        Assert.InRange(Cv2.CountNonZero(rotated), 780, 820);
    }

    [Fact]
    public void A_crop_outside_the_image_is_refused_with_its_bounds()
    {
        using var image = Rectangle();
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Geometry.Crop(image, new Rect(90, 0, 20, 10)));
        Assert.Contains("100×80", error.Message);
        using var crop = Geometry.Crop(image, new Rect(30, 20, 40, 20));
        Assert.Equal(40 * 20, Cv2.CountNonZero(crop));
    }

    [Fact]
    public void Pure_red_is_hue_zero_full_saturation_and_value_in_hsv()
    {
        using var red = new Mat(1, 1, MatType.CV_8UC3, new Scalar(0, 0, 255));
        using var hsv = Colors.Convert(red, ColorSpace.Hsv);
        Assert.Equal(new Vec3b(0, 255, 255), hsv.At<Vec3b>(0, 0));
        using var gray = Colors.Convert(red, ColorSpace.Gray);
        Assert.Equal(76, gray.At<byte>(0, 0));
    }

    [Fact]
    public void An_even_kernel_is_refused_by_name()
    {
        using var image = Rectangle();
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Filters.GaussianBlur(image, 4));
        Assert.Equal("kernel", error.ParamName);
    }

    [Fact]
    public void Canny_finds_the_rectangle_outline_and_nothing_inside_or_outside()
    {
        using var image = Rectangle();
        using var edges = Edges.Canny(image, 50, 150);
        Assert.Equal(0, edges.At<byte>(30, 50));
        Assert.Equal(0, edges.At<byte>(5, 5));
        using var band = new Mat(edges, new Rect(28, 18, 44, 24));
        Assert.Equal(Cv2.CountNonZero(edges), Cv2.CountNonZero(band));
        Assert.InRange(Cv2.CountNonZero(edges), 100, 140);
    }

    [Fact]
    public void Otsu_splits_two_grey_levels_between_them()
    {
        using var image = new Mat(10, 10, MatType.CV_8UC1, Scalar.All(60));
        Cv2.Rectangle(image, new Rect(0, 0, 5, 10), Scalar.All(180), -1);
        var (binary, level) = Thresholds.Otsu(image);
        using (binary)
        {
            Assert.InRange(level, 60, 179);
            Assert.Equal(50, Cv2.CountNonZero(binary));
        }
    }

    [Fact]
    public void Opening_removes_specks_and_keeps_the_rectangle()
    {
        using var image = Rectangle();
        image.Set(5, 5, (byte)255);
        image.Set(70, 90, (byte)255);
        using var opened = Morphology.Apply(image, MorphTypes.Open, 3);
        Assert.Equal(0, opened.At<byte>(5, 5));
        Assert.Equal(40 * 20, Cv2.CountNonZero(opened));
    }

    [Fact]
    public void Brightness_saturates_and_contrast_stretches_about_mid_grey()
    {
        using var image = new Mat(1, 2, MatType.CV_8UC1);
        image.Set(0, 0, (byte)100); image.Set(0, 1, (byte)240);
        using var brighter = Tone.Brightness(image, 30);
        Assert.Equal([130, 255], new[] { brighter.At<byte>(0, 0), brighter.At<byte>(0, 1) });
        using var stretched = Tone.Contrast(image, 2);
        Assert.Equal([72, 255], new[] { stretched.At<byte>(0, 0), stretched.At<byte>(0, 1) });
    }

    [Fact]
    public void Equalising_spreads_a_narrow_histogram_over_the_whole_range()
    {
        using var image = new Mat(16, 16, MatType.CV_8UC3);
        for (var r = 0; r < 16; r++)
            for (var c = 0; c < 16; c++) image.Set(r, c, new Vec3b((byte)(100 + c), (byte)(100 + c), (byte)(100 + c)));
        Assert.True(GreyRange(Tone.Equalize(image)) > 200, "equalisation spreads the 16 levels over 0–255");
        Assert.True(GreyRange(Tone.Clahe(image, 4, 2)) > 30, "CLAHE spreads them, limited by its clip");
    }

    static double GreyRange(Mat image)
    {
        using (image)
        using (var gray = Colors.Convert(image, ColorSpace.Gray))
        {
            Cv2.MinMaxLoc(gray, out double low, out double high);
            return high - low;
        }
    }

    [Fact]
    public void Sharpening_raises_the_contrast_at_an_edge()
    {
        using var image = Filters.GaussianBlur(Rectangle(), 5);
        using var sharpened = Filters.Sharpen(image, 1.5);
        var before = image.At<byte>(30, 31) - image.At<byte>(30, 28);
        var after = sharpened.At<byte>(30, 31) - sharpened.At<byte>(30, 28);
        Assert.True(after > before, $"edge step {before} became {after}");
    }
}

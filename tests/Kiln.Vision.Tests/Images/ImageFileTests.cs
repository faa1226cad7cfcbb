using Kiln.Data;
using Kiln.Testing;
using OpenCvSharp;

namespace Kiln.Vision.Tests.Images;

public sealed class ImageFileTests
{
    [Theory]
    [InlineData(".png")]
    [InlineData(".bmp")]
    [InlineData(".tiff")]
    [InlineData(".webp")]
    public void Lossless_formats_read_back_the_pixels_written(string extension)
    {
        using var folder = new TemporaryFolder();
        using var image = new Mat(30, 40, MatType.CV_8UC3, new Scalar(10, 120, 250));
        Cv2.Rectangle(image, new Rect(5, 5, 10, 10), new Scalar(200, 0, 50), -1);
        var path = folder.File("picture" + extension);
        if (extension == ".webp")
        {
            ImageFile.Write(path, image);
            using var webp = ImageFile.Read(path);
            Assert.Equal(image.Size(), webp.Size());
            return;
        }

        ImageFile.Write(path, image);
        using var back = ImageFile.Read(path);

        Assert.Equal(image.Size(), back.Size());
        Assert.Equal(0, Cv2.Norm(image, back, NormTypes.L1));
    }

    [Fact]
    public void Jpeg_is_close_to_what_was_written_and_grey_reading_gives_one_channel()
    {
        using var folder = new TemporaryFolder();
        using var image = new Mat(32, 32, MatType.CV_8UC3, new Scalar(100, 100, 100));
        ImageFile.Write(folder.File("a.jpg"), image);
        using var gray = ImageFile.Read(folder.File("a.jpg"), grayscale: true);
        Assert.Equal(1, gray.Channels());
        Assert.InRange(gray.At<byte>(16, 16), 97, 103);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var error = Assert.Throws<FileNotFoundException>(() => ImageFile.Read("/nowhere/cat.png"));
        Assert.Contains("/nowhere/cat.png", error.Message);
    }

    [Fact]
    public void A_file_that_is_not_an_image_is_named()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("notes.png"), "not a picture");
        var error = Assert.Throws<DataFormatException>(() => ImageFile.Read(folder.File("notes.png")));
        Assert.Contains("notes.png", error.Message);
    }

    [Fact]
    public void An_unknown_format_is_refused_and_nothing_is_written()
    {
        using var folder = new TemporaryFolder();
        using var image = new Mat(4, 4, MatType.CV_8UC1, Scalar.All(0));
        var error = Assert.Throws<ArgumentException>(() => ImageFile.Write(folder.File("a.gifx"), image));
        Assert.Contains(".gifx", error.Message);
        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void Floating_point_images_are_scaled_to_bytes_when_written()
    {
        using var folder = new TemporaryFolder();
        using var image = new Mat(2, 2, MatType.CV_32FC1);
        image.Set(0, 0, -1f); image.Set(0, 1, 0f); image.Set(1, 0, 0.5f); image.Set(1, 1, 1f);
        ImageFile.Write(folder.File("f.png"), image);
        using var back = ImageFile.Read(folder.File("f.png"), grayscale: true);
        Assert.Equal(0, back.At<byte>(0, 0));
        Assert.Equal(255, back.At<byte>(1, 1));
    }
}

using Kiln.Data;
using Kiln.Neural.Images;
using Kiln.Neural.Packaging;
using Kiln.Testing;

namespace Kiln.Neural.Tests.Images;

public class ImageFileTests
{
    static ImagePreprocessing Raw(string mode, int height, int width) => new() { ColorMode = mode, Height = height, Width = width };

    [Fact]
    public void An_image_of_the_target_size_is_read_exactly_channels_first()
    {
        using var folder = new TemporaryFolder();
        var path = ImageFiles.Write(folder.File("rgb.png"), 3, 2, (x, y) => ((byte)(10 * x + y), (byte)(100 + x), (byte)(200 + y)));
        var values = ImageFile.Read(path, Raw("rgb", 2, 3));
        Assert.Equal(3 * 2 * 3, values.Length);
        Assert.Equal([0, 10, 20, 1, 11, 21], values[..6]);           // red plane, row after row
        Assert.Equal([100, 101, 102, 100, 101, 102], values[6..12]); // green plane
        Assert.Equal([200, 200, 200, 201, 201, 201], values[12..]);   // blue plane
    }

    [Fact]
    public void Grayscale_is_the_luma_of_the_colours_and_the_preprocessing_scales_it()
    {
        using var folder = new TemporaryFolder();
        var path = ImageFiles.Write(folder.File("red.png"), 2, 2, (_, _) => (200, 100, 50));
        var values = ImageFile.Read(path, Raw("grayscale", 2, 2) with { Scale = 1.0 / 255 });
        var luma = MathF.Round((200 * 299 + 100 * 587 + 50 * 114) / 1000f);
        Assert.All(values, v => Assert.Equal(luma / 255, v, 6));
    }

    [Fact]
    public void An_image_is_resized_to_the_target_size_whatever_its_own()
    {
        using var folder = new TemporaryFolder();
        var path = ImageFiles.Grey(folder.File("wide.png"), 40, 10, (x, _) => x < 20 ? (byte)0 : (byte)250);
        var values = ImageFile.Read(path, Raw("grayscale", 4, 4));
        Assert.Equal(16, values.Length);
        for (var row = 0; row < 4; row++)
        {
            Assert.Equal(0, values[row * 4], 0);
            Assert.Equal(250, values[row * 4 + 3], 0);
        }
        var jpeg = ImageFiles.Grey(folder.File("flat.jpg"), 30, 30, (_, _) => 128);
        Assert.All(ImageFile.Read(jpeg, Raw("grayscale", 5, 5)), v => Assert.InRange(v, 125, 131));
    }

    [Fact]
    public void A_file_that_is_not_an_image_is_refused_naming_the_file()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("notes.png"), "these are not pixels");
        var error = Assert.Throws<DataFormatException>(() => ImageFile.Read(folder.File("notes.png"), Raw("grayscale", 4, 4)));
        Assert.Contains("notes.png", error.Message);
        Assert.Contains("not a readable image", error.Message);

        var whole = File.ReadAllBytes(ImageFiles.Grey(folder.File("cut.png"), 16, 16, (x, y) => (byte)(x * y)));
        File.WriteAllBytes(folder.File("cut.png"), whole[..(whole.Length / 2)]);
        Assert.Contains("cut.png", Assert.Throws<DataFormatException>(() => ImageFile.Read(folder.File("cut.png"), Raw("grayscale", 4, 4))).Message);
        Assert.Throws<FileNotFoundException>(() => ImageFile.Read(folder.File("absent.png"), Raw("grayscale", 4, 4)));
    }

    [Fact]
    public void Reading_files_needs_an_image_size()
    {
        Assert.Contains("image size", Assert.Throws<ArgumentException>(() => ImageFile.Read("any.png", new ImagePreprocessing())).Message);
    }

    [Fact]
    public void Encoded_bytes_are_read_as_the_same_file_would_be_and_measured_without_moving_the_stream()
    {
        using var folder = new TemporaryFolder();
        var path = ImageFiles.Write(folder.File("photo.jpg"), 17, 11, (x, y) => ((byte)(x * 15), (byte)(y * 20), (byte)(x + y)));
        using var stream = new MemoryStream(File.ReadAllBytes(path));

        Assert.Equal((17, 11), ImageFile.Measure(stream, "upload.jpg"));
        Assert.Equal(0, stream.Position);
        var fromBytes = new float[ImageFile.Length(Raw("rgb", 6, 5))];
        ImageFile.Read(stream, "upload.jpg", Raw("rgb", 6, 5), fromBytes);
        Assert.Equal(ImageFile.Read(path, Raw("rgb", 6, 5)), fromBytes);

        using var text = new MemoryStream("not an image"u8.ToArray());
        Assert.Contains("upload.txt", Assert.Throws<DataFormatException>(() => ImageFile.Measure(text, "upload.txt")).Message);
    }
}

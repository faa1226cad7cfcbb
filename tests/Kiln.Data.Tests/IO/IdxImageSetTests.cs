using Kiln.Testing;

namespace Kiln.Data.Tests.IO;

public class IdxImageSetTests
{
    static readonly byte[] ThreeImages = [.. Enumerable.Range(0, 3 * 2 * 2).Select(i => (byte)(i * 20))];

    static void WritePart(string folder, string part, byte[] labels, bool gzip = false)
    {
        var images = IdxBytes.Idx(0x08, [labels.Length, 2, 2], ThreeImages[..(labels.Length * 4)]);
        var labelFile = IdxBytes.Idx(0x08, [labels.Length], labels);
        var suffix = gzip ? ".gz" : "";
        File.WriteAllBytes(Path.Combine(folder, $"{part}-images-idx3-ubyte{suffix}"), gzip ? IdxBytes.Gzip(images) : images);
        File.WriteAllBytes(Path.Combine(folder, $"{part}-labels-idx1-ubyte{suffix}"), gzip ? IdxBytes.Gzip(labelFile) : labelFile);
    }

    [Fact]
    public void A_part_of_an_mnist_style_folder_reads_pixels_labels_and_size_raw_or_gzipped()
    {
        using var folder = new TemporaryFolder();
        WritePart(folder.Path, "train", [2, 0, 1]);
        WritePart(folder.Path, "t10k", [1, 1], gzip: true);
        Assert.True(IdxImageSet.HasAllParts(folder.Path));

        var train = IdxImageSet.ReadPart(folder.Path, "train");
        Assert.Equal((3, 2, 2, 3), (train.Count, train.Height, train.Width, train.ClassCount));
        Assert.Equal(ThreeImages, train.Pixels);
        Assert.Equal([2, 0, 1], train.Labels);
        var test = IdxImageSet.ReadPart(folder.Path, "t10k");
        Assert.Equal([1, 1], test.Labels);
        Assert.Equal(ThreeImages[..8], test.Pixels);
    }

    [Fact]
    public void A_limit_keeps_the_first_images_and_changes_the_fingerprint()
    {
        using var folder = new TemporaryFolder();
        WritePart(folder.Path, "train", [2, 0, 1]);
        var two = IdxImageSet.ReadPart(folder.Path, "train", limit: 2);
        Assert.Equal(2, two.Count);
        Assert.Equal(ThreeImages[..8], two.Pixels);
        Assert.StartsWith("sha256:", two.Fingerprint());
        Assert.NotEqual(IdxImageSet.ReadPart(folder.Path, "train").Fingerprint(), two.Fingerprint());
        Assert.Equal(two.Fingerprint(), IdxImageSet.ReadPart(folder.Path, "train", limit: 2).Fingerprint());
    }

    [Fact]
    public void Labels_that_do_not_match_the_images_are_refused_naming_the_labels_file()
    {
        using var folder = new TemporaryFolder();
        WritePart(folder.Path, "train", [2, 0, 1]);
        File.WriteAllBytes(Path.Combine(folder.Path, "train-labels-idx1-ubyte"), IdxBytes.Idx(0x08, [2], [1, 0]));
        var error = Assert.Throws<DataFormatException>(() => IdxImageSet.ReadPart(folder.Path, "train"));
        Assert.Contains("train-labels-idx1-ubyte", error.Message);
        Assert.Contains("2 labels for 3 images", error.Message);
        Assert.Equal(["t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"], IdxImageSet.MissingParts(folder.Path));
    }
}

using Kiln.Data;
using Kiln.Neural.Batches;
using Kiln.Neural.Images;
using Kiln.Neural.Packaging;
using Kiln.Testing;

namespace Kiln.Neural.Tests.Images;

public class ImageDatasetTests
{
    static readonly ImagePreprocessing Grey4 = new() { ColorMode = "grayscale", Height = 4, Width = 4, Scale = 1.0 / 255 };

    static string ThreeClasses(TemporaryFolder folder) =>
        ImageFiles.Folder(Path.Combine(folder.Path, "shapes"), new Dictionary<string, int> { ["square"] = 6, ["circle"] = 4, ["triangle"] = 10 });

    [Fact]
    public void A_folder_of_class_folders_gives_sorted_classes_and_each_image_its_class_as_target()
    {
        using var folder = new TemporaryFolder();
        var images = ImageDataset.FromFolder(ThreeClasses(folder), Grey4);
        Assert.Equal(["circle", "square", "triangle"], images.ClassNames);
        Assert.Equal(20, images.Count);
        Assert.Equal([[1, 4, 4]], images.InputShapes);
        var batch = images.Read([0, 4, 19]);
        Assert.Equal([0f, 1, 2], Data.Flat(batch.TargetArray()!));
        var pixels = Data.Flat(batch.InputArray());
        Assert.Equal(40 / 255f, pixels[0], 5);   // circle, the first class, is grey level 40
        Assert.Equal(80 / 255f, pixels[16], 5);
        Assert.Equal(120 / 255f, pixels[32], 5);
    }

    [Fact]
    public void One_hot_labels_and_flat_rows_are_available_for_dense_networks()
    {
        using var folder = new TemporaryFolder();
        var images = ImageDataset.FromFolder(ThreeClasses(folder), Grey4 with { ColorMode = "rgb" }, LabelMode.OneHot, rowShape: [48]);
        var batch = images.Read([5]);
        Assert.Equal([1, 48], batch.InputArray().Lengths.ToArray());
        Assert.Equal([0f, 1, 0], Data.Flat(batch.TargetArray()!));
        Assert.Contains("do not hold one grayscale 4×4 image", Assert.Throws<ArgumentException>(() => ImageDataset.FromFolder(folder.Path + "/shapes", Grey4, rowShape: [17])).Message);
    }

    [Fact]
    public void Images_are_decoded_only_when_their_batch_is_read_and_a_bad_one_is_named()
    {
        using var folder = new TemporaryFolder();
        var images = ImageDataset.FromFolder(ThreeClasses(folder), Grey4);
        var broken = images.Paths[7];
        File.WriteAllText(broken, "not a png any more");
        images.Read([0, 1, 2]);
        var error = Assert.Throws<DataFormatException>(() => images.Read([6, 7, 8]));
        Assert.Contains(broken, error.Message);
    }

    [Fact]
    public void A_split_keeps_each_classs_share_and_is_the_same_for_the_same_seed()
    {
        using var folder = new TemporaryFolder();
        var images = ImageDataset.FromFolder(ThreeClasses(folder), Grey4);
        var (train, validation) = images.Split(0.5, seed: 3);
        Assert.Equal(10, validation.Count);
        Assert.Equal(20, train.Count + validation.Count);
        Assert.Empty(train.Rows.Intersect(validation.Rows));
        Assert.Equal([2, 3, 5], validation.RowClasses!.GroupBy(c => c).OrderBy(g => g.Key).Select(g => g.Count()));
        Assert.Equal(validation.Rows, images.Split(0.5, seed: 3).Validation.Rows);
        Assert.NotEqual(validation.Rows, images.Split(0.5, seed: 4).Validation.Rows);
        Assert.Equal(validation.Rows.Order(), validation.Rows);
    }

    [Fact]
    public void A_class_with_a_single_image_cannot_be_split_and_the_error_names_it()
    {
        using var folder = new TemporaryFolder();
        var root = ImageFiles.Folder(Path.Combine(folder.Path, "pets"), new Dictionary<string, int> { ["cat"] = 5, ["dog"] = 1 });
        var error = Assert.Throws<ArgumentException>(() => ImageDataset.FromFolder(root, Grey4).Split(0.2));
        Assert.Contains("'dog'", error.Message);
    }

    [Fact]
    public void Unlabelled_files_serve_prediction_in_the_order_given()
    {
        using var folder = new TemporaryFolder();
        var dark = ImageFiles.Grey(folder.File("dark.png"), 4, 4, (_, _) => 10);
        var light = ImageFiles.Grey(folder.File("light.png"), 4, 4, (_, _) => 240);
        var files = ImageDataset.FromFiles([light, dark], Grey4);
        var batch = files.Read([0, 1]);
        Assert.False(batch.HasTargets);
        Assert.Null(files.RowClasses);
        Assert.Equal(240 / 255f, Data.Flat(batch.InputArray())[0], 5);
        Assert.Equal(10 / 255f, Data.Flat(batch.InputArray())[16], 5);
    }

    [Fact]
    public void Real_photos_in_class_folders_decode_to_the_size_asked_for()
    {
        var root = SharedFolder.RequireDataset("faces");
        var faces = ImageDataset.FromFolder(root, new ImagePreprocessing { ColorMode = "rgb", Height = 32, Width = 24, Scale = 1.0 / 255 });
        Assert.Equal(faces.ClassNames!.Order(StringComparer.Ordinal), faces.ClassNames);
        Assert.Contains("obama", faces.ClassNames!);
        var batch = faces.Read([.. Enumerable.Range(0, faces.Count)]);
        Assert.Equal([faces.Count, 3, 32, 24], batch.InputArray().Lengths.ToArray());
        var values = Data.Flat(batch.InputArray());
        Assert.All(values, v => Assert.InRange(v, 0f, 1f));
        Assert.True(values.Max() - values.Min() > 0.5f, "photos have light and dark parts");
    }

    [Fact]
    public void Idx_images_become_scaled_rows_of_any_shape_holding_them()
    {
        using var folder = new TemporaryFolder();
        var set = IdxImageSet.Read(IdxFile(folder.File("images"), 0x08, [2, 2, 2], [0, 51, 102, 153, 204, 255, 0, 0]), IdxFile(folder.File("labels"), 0x08, [2], [1, 0]));
        using var flat = IdxDataset.Create(set, ImagePreprocessing.UnitGrayscale(2, 2), rowShape: [4], labels: LabelMode.OneHot);
        Assert.Equal([[4]], flat.InputShapes);
        Assert.Equal([0, 0.2f, 0.4f, 0.6f], Data.Flat(flat.Read([0]).InputArray()), new FloatTolerance(1e-6f));
        Assert.Equal([0f, 1], Data.Flat(flat.Read([0]).TargetArray()!));
        using var images = IdxDataset.Create(set, ImagePreprocessing.UnitGrayscale(2, 2));
        Assert.Equal([[1, 2, 2]], images.InputShapes);
        Assert.Equal([1, 0], images.RowClasses);
    }

    static string IdxFile(string path, byte type, int[] dimensions, byte[] data)
    {
        var header = new List<byte> { 0, 0, type, (byte)dimensions.Length };
        foreach (var d in dimensions) header.AddRange(BitConverter.GetBytes(System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(d)));
        File.WriteAllBytes(path, [.. header, .. data]);
        return path;
    }

    sealed class FloatTolerance(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(float value) => 0;
    }
}

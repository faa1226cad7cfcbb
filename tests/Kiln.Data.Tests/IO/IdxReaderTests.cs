using System.Buffers.Binary;
using System.Numerics.Tensors;
using Kiln.Testing;

namespace Kiln.Data.Tests.IO;

public class IdxReaderTests
{
    static T[] Flat<T>(Tensor<T> tensor)
    {
        var values = new T[tensor.FlattenedLength];
        tensor.FlattenTo(values);
        return values;
    }

    static readonly byte[] TwoImages = [.. Enumerable.Range(0, 2 * 3 * 4).Select(i => (byte)(i * 10))];

    [Fact]
    public void Unsigned_bytes_are_read_with_the_files_shape()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("images-idx3-ubyte");
        File.WriteAllBytes(path, IdxBytes.Idx(0x08, [2, 3, 4], TwoImages));

        var tensor = IdxReader.ReadBytes(path);
        Assert.Equal([2, 3, 4], tensor.Lengths.ToArray());
        Assert.Equal(TwoImages, Flat(tensor));
        Assert.Equal(230, tensor[1, 2, 3]);
    }

    [Fact]
    public void Gzipped_files_are_recognised_by_their_content()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("images.idx");
        File.WriteAllBytes(path, IdxBytes.Gzip(IdxBytes.Idx(0x08, [2, 3, 4], TwoImages)));
        Assert.Equal(TwoImages, Flat(IdxReader.ReadBytes(path)));
    }

    [Fact]
    public void Multi_byte_values_are_read_big_endian()
    {
        using var folder = new TemporaryFolder();
        var ints = folder.File("ints.idx");
        File.WriteAllBytes(ints, IdxBytes.Idx(0x0C, [2], [0x00, 0x00, 0x01, 0x02, 0xFF, 0xFF, 0xFF, 0xFE]));
        Assert.Equal([258, -2], Flat(IdxReader.Read<int>(ints)));

        var doubles = folder.File("doubles.idx");
        var data = new byte[8];
        BinaryPrimitives.WriteDoubleBigEndian(data, -1.25);
        File.WriteAllBytes(doubles, IdxBytes.Idx(0x0E, [1, 1], data));
        Assert.Equal(-1.25, IdxReader.Read<double>(doubles)[0, 0]);
    }

    [Fact]
    public void Asking_for_another_type_than_the_file_holds_names_both()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("ints.idx");
        File.WriteAllBytes(path, IdxBytes.Idx(0x0C, [1], [0, 0, 0, 1]));
        var error = Assert.Throws<DataFormatException>(() => IdxReader.ReadBytes(path));
        Assert.Contains("holds int32 values", error.Message);
        Assert.Contains("not ubyte", error.Message);
    }

    [Fact]
    public void A_wrong_magic_number_is_rejected_by_file_name()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("labels.csv");
        File.WriteAllText(path, "label\n7\n2\n");
        var error = Assert.Throws<DataFormatException>(() => IdxReader.ReadBytes(path));
        Assert.StartsWith(path, error.Message);
        Assert.Contains("not an IDX file", error.Message);
    }

    [Fact]
    public void A_truncated_file_names_the_expected_and_actual_sizes()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("t10k-images-idx3-ubyte.gz");
        File.WriteAllBytes(path, IdxBytes.Gzip(IdxBytes.Idx(0x08, [2, 3, 4], TwoImages[..20])));
        var error = Assert.Throws<DataFormatException>(() => IdxReader.ReadBytes(path));
        Assert.StartsWith(path, error.Message);
        Assert.Contains("2×3×4 ubyte (24 bytes after the 16-byte header) but only 20 bytes follow", error.Message);
    }

    [Fact]
    public void A_file_longer_than_its_header_declares_is_rejected()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("labels.idx");
        File.WriteAllBytes(path, IdxBytes.Idx(0x08, [3], [1, 2, 3, 4]));
        var error = Assert.Throws<DataFormatException>(() => IdxReader.ReadBytes(path));
        Assert.Contains("longer than its header declares", error.Message);
    }

    [Theory]
    [InlineData("mnist", 18454, new byte[] { 7, 2, 1, 0, 4, 1, 4, 9, 5, 9 })]
    [InlineData("fashion-mnist", 33456, new byte[] { 9, 2, 1, 1, 6, 1, 4, 6, 5, 7 })]
    public void The_real_test_sets_have_ten_thousand_28_by_28_images_and_their_labels(string dataset, int firstImageSum, byte[] firstLabels)
    {
        var images = IdxReader.ReadBytes(SharedFolder.RequireDataset($"{dataset}/t10k-images-idx3-ubyte.gz"));
        var labels = IdxReader.ReadBytes(SharedFolder.RequireDataset($"{dataset}/t10k-labels-idx1-ubyte.gz"));

        Assert.Equal([10000, 28, 28], images.Lengths.ToArray());
        Assert.Equal([10000], labels.Lengths.ToArray());
        Assert.Equal(firstLabels, Flat(labels)[..10]);
        Assert.Equal(firstImageSum, Flat(images)[..784].Sum(b => b));
    }
}

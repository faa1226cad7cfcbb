using System.Security.Cryptography;

namespace Kiln.Data;

/// <summary>
/// Greyscale images and their labels from a pair of IDX files, as MNIST and Fashion-MNIST ship them: the pixels as
/// bytes, image after image and row after row, and one class label per image.
/// </summary>
public sealed class IdxImageSet
{
    /// <summary>The four files of a dataset in MNIST's layout, each raw or with .gz added.</summary>
    public static IReadOnlyList<string> PartFiles { get; } =
        ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"];

    IdxImageSet(byte[] pixels, byte[] labels, int count, int height, int width) =>
        (Pixels, Labels, Count, Height, Width) = (pixels, labels, count, height, width);

    /// <summary>Every pixel, 0–255, image after image and row after row.</summary>
    public byte[] Pixels { get; }

    public byte[] Labels { get; }

    public int Count { get; }

    public int Height { get; }

    public int Width { get; }

    /// <summary>How many classes the labels call for: the largest label plus one.</summary>
    public int ClassCount => Labels.Length == 0 ? 0 : Labels.Max() + 1;

    /// <summary>
    /// Reads an images file ([count, height, width] bytes) and its labels file ([count] bytes), keeping the first
    /// <paramref name="limit"/> images when given. A file of another shape, or labels that do not match the images in
    /// number, is an error naming the file.
    /// </summary>
    public static IdxImageSet Read(string imagesPath, string labelsPath, int? limit = null)
    {
        if (limit < 1) throw new ArgumentOutOfRangeException(nameof(limit), limit, "the limit must be at least 1 image");
        var images = IdxReader.ReadBytes(imagesPath);
        var labels = IdxReader.ReadBytes(labelsPath);
        if (images.Rank != 3) throw new DataFormatException(imagesPath, null, null, $"holds a {images.Rank}-dimensional array, not images [count, height, width]");
        if (labels.Rank != 1) throw new DataFormatException(labelsPath, null, null, $"holds a {labels.Rank}-dimensional array, not one label per image");
        if (labels.Lengths[0] != images.Lengths[0])
            throw new DataFormatException(labelsPath, null, null, $"holds {labels.Lengths[0]} labels for {images.Lengths[0]} images in {Path.GetFileName(imagesPath)}");
        var count = (int)Math.Min(images.Lengths[0], limit ?? int.MaxValue);
        var (height, width) = ((int)images.Lengths[1], (int)images.Lengths[2]);
        var pixels = new byte[images.FlattenedLength];
        images.FlattenTo(pixels);
        var classes = new byte[labels.FlattenedLength];
        labels.FlattenTo(classes);
        return new IdxImageSet(pixels[..(count * height * width)], classes[..count], count, height, width);
    }

    /// <summary>The train or t10k part of a folder in MNIST's layout (see <see cref="PartFiles"/>).</summary>
    public static IdxImageSet ReadPart(string folder, string part, int? limit = null)
    {
        if (part is not ("train" or "t10k")) throw new ArgumentException($"part '{part}' is not train or t10k", nameof(part));
        var images = PartPath(folder, $"{part}-images-idx3-ubyte");
        var labels = PartPath(folder, $"{part}-labels-idx1-ubyte");
        if (images is null || labels is null)
            throw new FileNotFoundException($"{folder}: no {part}-images-idx3-ubyte and {part}-labels-idx1-ubyte (.gz or not)");
        return Read(images, labels, limit);
    }

    /// <summary>Whether the folder holds all four files of <see cref="PartFiles"/>.</summary>
    public static bool HasAllParts(string folder) => PartFiles.All(p => PartPath(folder, p) is not null);

    /// <summary>The files of <see cref="PartFiles"/> that the folder lacks.</summary>
    public static IReadOnlyList<string> MissingParts(string folder) => [.. PartFiles.Where(p => PartPath(folder, p) is null)];

    /// <summary>The path of a part file, raw or gzipped, or null when the folder has neither.</summary>
    public static string? PartPath(string folder, string part) =>
        new[] { part, part + ".gz" }.Select(name => Path.Combine(folder, name)).FirstOrDefault(File.Exists);

    /// <summary>A SHA-256 of the pixels and labels, to record which data a model was trained on.</summary>
    public string Fingerprint()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Pixels);
        hash.AppendData(Labels);
        return "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}

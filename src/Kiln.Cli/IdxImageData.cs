using Kiln.Data;
using Kiln.Data.Datasets;

namespace Kiln.Cli;

/// <summary>
/// An image-classification dataset in IDX files (MNIST's layout): train and t10k images and labels, raw or gzipped.
/// <c>mnist</c> and <c>fashion-mnist</c> are looked up in the shared datasets folder ($KILN_SHARED/datasets, or
/// ../shared/datasets beside the Kiln checkout) and then in the dataset cache ($KILN_HOME/datasets); any other value
/// is a folder holding the four files.
/// </summary>
internal sealed class IdxImageData
{
    static readonly string[] FashionLabels = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    IdxImageData(string folder, string name) => (Folder, Name) = (folder, name);

    public string Folder { get; }

    public string Name { get; }

    /// <summary>The folder of a named dataset or the given folder, after checking it holds the four IDX files.</summary>
    public static IdxImageData Resolve(string data)
    {
        if (data is "mnist" or "fashion-mnist")
        {
            var candidates = Candidates(data).ToList();
            var found = candidates.FirstOrDefault(HasAllParts);
            return found is not null ? new IdxImageData(found, data)
                : throw new FileNotFoundException(
                    $"--data {data}: no folder with its four IDX files (train/t10k images and labels); looked in {string.Join(", ", candidates)}. " +
                    $"Run `kiln datasets get {data}` or set KILN_SHARED to the folder that holds datasets/{data}");
        }
        if (!Directory.Exists(data)) throw new DirectoryNotFoundException($"--data {data}: not mnist, fashion-mnist or an existing folder");
        if (HasAllParts(data)) return new IdxImageData(Path.GetFullPath(data), Path.GetFileName(Path.GetFullPath(data).TrimEnd(Path.DirectorySeparatorChar)));
        if (Directory.EnumerateDirectories(data).Any())
            throw new ArgumentException(
                $"--data {data}: image folders (one sub-folder per class) need the streamed image data path, which this build does not have yet; " +
                "give mnist, fashion-mnist or a folder with train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte (.gz or not)");
        throw new FileNotFoundException($"--data {data}: the folder lacks {string.Join(", ", Parts.Where(p => PartPath(data, p) is null))} (.gz or not)");
    }

    /// <summary>The class labels: Fashion-MNIST's article names, otherwise the label numbers as text.</summary>
    public IReadOnlyList<string> Classes(int count) =>
        Name == "fashion-mnist" && count == FashionLabels.Length ? FashionLabels : [.. Enumerable.Range(0, count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>The first <paramref name="limit"/> images (all when null) of the train or t10k part, with their labels.</summary>
    public IdxImages Load(string part, int? limit)
    {
        var imagesPath = PartPath(Folder, $"{part}-images-idx3-ubyte")!;
        var labelsPath = PartPath(Folder, $"{part}-labels-idx1-ubyte")!;
        var images = IdxReader.ReadBytes(imagesPath);
        var labels = IdxReader.ReadBytes(labelsPath);
        if (images.Rank != 3) throw new DataFormatException(imagesPath, null, null, $"holds a {images.Rank}-dimensional array, not images [count, height, width]");
        if (labels.Lengths[0] != images.Lengths[0])
            throw new DataFormatException(labelsPath, null, null, $"holds {labels.Lengths[0]} labels for {images.Lengths[0]} images in {Path.GetFileName(imagesPath)}");
        var rows = (int)Math.Min(images.Lengths[0], limit ?? int.MaxValue);
        var (height, width) = ((int)images.Lengths[1], (int)images.Lengths[2]);
        var pixels = new byte[images.FlattenedLength];
        images.FlattenTo(pixels);
        var classes = new byte[labels.FlattenedLength];
        labels.FlattenTo(classes);
        return new IdxImages(pixels[..(rows * height * width)], classes[..rows], rows, height, width);
    }

    static readonly string[] Parts = ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"];

    static bool HasAllParts(string folder) => Parts.All(p => PartPath(folder, p) is not null);

    static string? PartPath(string folder, string part) =>
        new[] { part, part + ".gz" }.Select(name => Path.Combine(folder, name)).FirstOrDefault(File.Exists);

    static IEnumerable<string> Candidates(string name) => SharedFiles.Candidates(Path.Combine("datasets", name));
}

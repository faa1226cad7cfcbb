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
            var found = candidates.FirstOrDefault(IdxImageSet.HasAllParts);
            return found is not null ? new IdxImageData(found, data)
                : throw new FileNotFoundException(
                    $"--data {data}: no folder with its four IDX files (train/t10k images and labels); looked in {string.Join(", ", candidates)}. " +
                    $"Run `kiln datasets get {data}` or set KILN_SHARED to the folder that holds datasets/{data}");
        }
        if (!Directory.Exists(data)) throw new DirectoryNotFoundException($"--data {data}: not mnist, fashion-mnist or an existing folder");
        if (IdxImageSet.HasAllParts(data)) return new IdxImageData(Path.GetFullPath(data), Path.GetFileName(Path.GetFullPath(data).TrimEnd(Path.DirectorySeparatorChar)));
        throw new FileNotFoundException(
            $"--data {data}: neither class folders of images nor an IDX dataset; the folder lacks {string.Join(", ", IdxImageSet.MissingParts(data))} (.gz or not)");
    }

    /// <summary>The class labels: Fashion-MNIST's article names, otherwise the label numbers as text.</summary>
    public IReadOnlyList<string> Classes(int count) =>
        Name == "fashion-mnist" && count == FashionLabels.Length ? FashionLabels : [.. Enumerable.Range(0, count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>The first <paramref name="limit"/> images (all when null) of the train or t10k part, with their labels.</summary>
    public IdxImageSet Load(string part, int? limit) => IdxImageSet.ReadPart(Folder, part, limit);

    static IEnumerable<string> Candidates(string name) => SharedFiles.Candidates(Path.Combine("datasets", name));
}

using System.Runtime.ExceptionServices;
using Kiln.Data;
using Kiln.Neural.Batches;
using Kiln.Neural.Packaging;
using TorchSharp;

namespace Kiln.Neural.Images;

/// <summary>
/// Image files as rows (the dataset half of Keras' image_dataset_from_directory): each file is decoded, resized and
/// scaled as the <see cref="Preprocessing"/> says only when a batch asks for it, on all cores, so a folder far larger
/// than memory trains as easily as a small one. From a folder of class folders each row's target is its class; from
/// a list of files the rows have no targets and serve prediction.
/// </summary>
public sealed class ImageDataset : IDataset
{
    readonly string[] _paths;
    readonly int[]? _classes;
    readonly long[] _rowShape;

    ImageDataset(string[] paths, int[]? classes, IReadOnlyList<string>? classNames, ImagePreprocessing preprocessing, LabelMode labels, IReadOnlyList<long>? rowShape)
    {
        _rowShape = preprocessing.RowShape(rowShape);
        (_paths, _classes, ClassNames, Preprocessing, Labels) = (paths, classes, classNames, preprocessing, labels);
        InputShapes = [_rowShape];
    }

    /// <summary>
    /// The images below <paramref name="root"/>, one sub-folder per class (classes sorted by name, files by path; see
    /// <see cref="ImageFolder.Scan"/>). <paramref name="rowShape"/> reshapes each channels-first image, e.g. to
    /// [784] for a dense network; by default rows are [channels, height, width].
    /// </summary>
    public static ImageDataset FromFolder(string root, ImagePreprocessing preprocessing, LabelMode labels = LabelMode.Index, IReadOnlyList<long>? rowShape = null)
    {
        var folder = ImageFolder.Scan(root);
        return new ImageDataset([.. folder.Samples.Select(s => s.Path)], [.. folder.Samples.Select(s => s.ClassIndex)], folder.Classes, preprocessing, labels, rowShape);
    }

    /// <summary>Unlabelled image files, in the order given, for prediction.</summary>
    public static ImageDataset FromFiles(IReadOnlyList<string> paths, ImagePreprocessing preprocessing, IReadOnlyList<long>? rowShape = null)
    {
        if (paths.Count == 0) throw new ArgumentException("no image files were given", nameof(paths));
        return new ImageDataset([.. paths.Select(Path.GetFullPath)], null, null, preprocessing, LabelMode.Index, rowShape);
    }

    /// <summary>The image files, one per row.</summary>
    public IReadOnlyList<string> Paths => _paths;

    /// <summary>The class names (the folder's sub-folder names, sorted), or null for unlabelled files.</summary>
    public IReadOnlyList<string>? ClassNames { get; }

    public ImagePreprocessing Preprocessing { get; }

    public LabelMode Labels { get; }

    public int Count => _paths.Length;

    public IReadOnlyList<IReadOnlyList<long>> InputShapes { get; }

    public IReadOnlyList<int>? RowClasses => _classes;

    /// <summary>A stratified, seeded training and validation split of the images (see <see cref="DatasetSplit.Stratified"/>).</summary>
    public (Subset Train, Subset Validation) Split(double validationFraction, long seed = 0) =>
        DatasetSplit.Stratified(this, validationFraction, seed, ClassNames);

    public Batch Read(ReadOnlySpan<int> rows)
    {
        if (rows.Length == 0) throw new ArgumentException("a batch needs at least one row", nameof(rows));
        var chosen = rows.ToArray();
        foreach (var row in chosen)
            if ((uint)row >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(rows), row, $"row {row} is outside the dataset's {Count} images");
        var length = ImageFile.Length(Preprocessing);
        var values = new float[chosen.Length * length];
        var errors = new Exception?[chosen.Length];
        Parallel.For(0, chosen.Length, i =>
        {
            try
            {
                ImageFile.Read(_paths[chosen[i]], Preprocessing, values.AsSpan(i * length, length));
            }
            catch (Exception error) when (error is DataFormatException or IOException or UnauthorizedAccessException)
            {
                errors[i] = error;
            }
        });
        // the first bad file in batch order, with the stack it was thrown from
        if (errors.FirstOrDefault(e => e is not null) is { } first) ExceptionDispatchInfo.Capture(first).Throw();
        var inputs = torch.tensor(values, [chosen.Length, .. _rowShape]);
        return new Batch([inputs], Targets(chosen), null);
    }

    torch.Tensor? Targets(int[] rows)
    {
        if (_classes is null) return null;
        if (Labels == LabelMode.Index) return torch.tensor(rows.Select(r => (float)_classes[r]).ToArray());
        var width = ClassNames!.Count;
        var oneHot = new float[rows.Length * width];
        for (var i = 0; i < rows.Length; i++) oneHot[i * width + _classes[rows[i]]] = 1;
        return torch.tensor(oneHot, [rows.Length, width]);
    }
}

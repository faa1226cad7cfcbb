using Kiln.Data;
using Kiln.Learn;
using Kiln.Learn.Metrics;
using Kiln.Learn.Training;
using Kiln.Neural.Batches;
using Kiln.Neural.Images;
using Kiln.Neural.Packaging;

namespace Kiln.Cli;

/// <summary>
/// <c>kiln predict</c> on a neural-network package: the input is an image file, a folder of image files (searched
/// below, in sorted path order), an IDX file of images (.idx, .gz or MNIST's names) or a .npy array, one row per
/// first-axis entry, given as raw values (pixels 0–255). Images are decoded, resized and scaled as the package's
/// preprocessing records; arrays get its scaling. Each row gives the predicted class, its confidence and the next best
/// classes; image rows also name their file.
/// </summary>
internal static class NeuralPrediction
{
    public static bool IsNeuralPackage(string path) =>
        PackageArchive.KindOf(PackageArchive.ReadManifest(path)) == ModelPackage.NeuralNetworkKind;

    /// <summary>Whether the input is an image file or a folder, which are read as images rather than arrays.</summary>
    public static bool IsImageInput(string input) =>
        Directory.Exists(input) || ImageFolder.DefaultExtensions.Contains(Path.GetExtension(input), StringComparer.OrdinalIgnoreCase);

    /// <summary>The image files of an image input: the file itself, or every image below the folder in sorted path order.</summary>
    public static IReadOnlyList<string> ImageFiles(string input)
    {
        if (!Directory.Exists(input)) return File.Exists(input) ? [input] : throw new FileNotFoundException($"{input}: no such file or folder", input);
        var files = Directory.EnumerateFiles(input, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden })
            .Where(f => ImageFolder.DefaultExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase)
                && !Path.GetRelativePath(input, f).Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.')))
            .Order(StringComparer.Ordinal)
            .ToArray();
        return files.Length > 0 ? files : throw new FileNotFoundException($"{input}: no image files ({string.Join(", ", ImageFolder.DefaultExtensions)}) in the folder", input);
    }

    /// <summary>Each row's ranked classes with their confidence, best first, at most <paramref name="top"/>.</summary>
    public static IReadOnlyList<IReadOnlyList<(string Class, double Confidence)>> Predict(PackagedNetwork network, string input, int top)
    {
        if (top < 1) throw new ArgumentException($"--top {top}: give at least 1");
        var probabilities = IsImageInput(input) ? OfImages(network, ImageFiles(input), input) : OfArray(network, input);
        return [.. Enumerable.Range(0, probabilities.RowCount).Select(r => probabilities.Ranked(r, top))];
    }

    /// <summary>
    /// The network's scores on labelled images: a folder in MNIST's layout (its t10k test part) or a folder with one
    /// sub-folder per class, named as the network's classes.
    /// </summary>
    public static Evaluation Evaluate(PackagedNetwork network, string data)
    {
        if (!Directory.Exists(data)) throw new FileNotFoundException($"{data}: give a folder of labelled images — MNIST's four IDX files, or one sub-folder per class", data);
        var classes = network.Info.Classes ?? throw new ArgumentException("this network's package records no class names to score against");
        ClassProbabilities probabilities;
        string[] truth;
        if (IdxImageSet.PartPath(data, "t10k-images-idx3-ubyte") is { } images && IdxImageSet.PartPath(data, "t10k-labels-idx1-ubyte") is not null)
        {
            var labels = IdxImageSet.ReadPart(data, "t10k").Labels;
            truth = [.. labels.Select(label => label < classes.Count ? classes[label]
                : throw new DataFormatException(data, null, null, $"the test labels go up to {labels.Max()}, but the network knows {classes.Count} classes"))];
            probabilities = OfArray(network, images);
        }
        else
        {
            var folder = ImageFolder.Scan(data);
            if (folder.Classes.FirstOrDefault(c => !classes.Contains(c)) is { } unknown)
                throw new DataFormatException(data, null, null, $"the class folder '{unknown}' is not one of the network's classes ({string.Join(", ", classes)})");
            truth = [.. folder.Samples.Select(s => folder.Classes[s.ClassIndex])];
            probabilities = OfImages(network, [.. folder.Samples.Select(s => s.Path)], data);
        }
        var predicted = Enumerable.Range(0, probabilities.RowCount).Select(r => (string?)probabilities.Classes[probabilities.Best(r)]);
        var columns = probabilities.Classes.Select((name, c) => (Column)new Float64Column(name,
            [.. Enumerable.Range(0, probabilities.RowCount).Select(r => probabilities.Row(r)[c])]));
        return new Evaluation("class", ClassificationScores.Of(new StringColumn("class", truth), new StringColumn("predicted", [.. predicted]), new Frame([.. columns])), null);
    }

    static ClassProbabilities OfImages(PackagedNetwork network, IReadOnlyList<string> files, string input)
    {
        if (network.Info.Preprocessing is not { Height: not null, Width: not null } preprocessing)
            throw new ArgumentException($"{input}: this network's package records no image size, so image files cannot be prepared for it; give a .npy array or an IDX file");
        var images = ImageDataset.FromFiles(files, preprocessing, RowShape(network));
        return ClassProbabilities.Of(network.Model.Predict(new BatchLoader(images, 64, shuffle: false)), network.Info.Classes);
    }

    static ClassProbabilities OfArray(PackagedNetwork network, string input)
    {
        var rowShape = RowShape(network);
        var (values, shape) = ReadInput(input);
        var wanted = rowShape.Aggregate(1L, (a, b) => a * b);
        var given = shape.Skip(1).Aggregate(1L, (a, b) => a * b);
        if (given != wanted)
            throw new DataFormatException(input, null, null,
                $"each row holds {given} values (shape [{string.Join(", ", shape.Skip(1))}]) but the network takes rows of shape [{string.Join(", ", rowShape)}], {wanted} values");
        network.Info.Preprocessing?.Apply(values);
        var output = network.Model.Predict(System.Numerics.Tensors.Tensor.Create(values, [shape[0], .. rowShape.Select(d => (nint)d)]), batchSize: 256);
        return ClassProbabilities.Of(output, network.Info.Classes);
    }

    static IReadOnlyList<long> RowShape(PackagedNetwork network) =>
        network.Model.InputShapes.Count == 1 ? network.Model.InputShapes[0] : throw new ArgumentException("this network takes several inputs; kiln feeds it one array");

    /// <summary>The predictions as a table: the file when given, class and confidence, then top2, top2_confidence and so on.</summary>
    public static Frame ToFrame(IReadOnlyList<IReadOnlyList<(string Class, double Confidence)>> predictions, IReadOnlyList<string>? files = null)
    {
        var k = predictions.Count == 0 ? 1 : predictions[0].Count;
        var columns = new List<Column>();
        if (files is not null) columns.Add(new StringColumn("file", [.. files]));
        for (var j = 0; j < k; j++)
        {
            var name = j == 0 ? "class" : $"top{j + 1}";
            columns.Add(new StringColumn(name, [.. predictions.Select(p => (string?)p[j].Class)]));
            columns.Add(new Float64Column(j == 0 ? "confidence" : $"{name}_confidence", [.. predictions.Select(p => p[j].Confidence)]));
        }
        return new Frame([.. columns]);
    }

    static (float[] Values, int[] Shape) ReadInput(string path)
    {
        if (path.EndsWith(".npy", StringComparison.OrdinalIgnoreCase))
        {
            var (values, shape) = NpyArray.Read(path);
            return shape.Length >= 2 ? (values, shape) : throw new DataFormatException(path, null, null, $"holds an array of shape ({string.Join(", ", shape)}); give one row per first-axis entry");
        }
        var header = IdxReader.ReadHeader(path);
        if (header.Dimensions.Count < 2) throw new DataFormatException(path, null, null, $"holds {header}, not rows of values (labels rather than images?)");
        float[] floats;
        if (header.DataType == IdxDataType.UnsignedByte)
        {
            var bytes = IdxReader.ReadBytes(path);
            var raw = new byte[bytes.FlattenedLength];
            bytes.FlattenTo(raw);
            floats = new float[raw.Length];
            for (var i = 0; i < raw.Length; i++) floats[i] = raw[i];
        }
        else
        {
            var values = IdxReader.Read<float>(path);
            floats = new float[values.FlattenedLength];
            values.FlattenTo(floats);
        }
        return (floats, [.. header.Dimensions]);
    }
}

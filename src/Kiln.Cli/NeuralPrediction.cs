using System.Globalization;
using Kiln.Data;
using Kiln.Learn;
using Kiln.Neural.Packaging;

namespace Kiln.Cli;

/// <summary>
/// <c>kiln predict</c> on a neural-network package: the input is an IDX file of images (.idx, .gz or MNIST's names) or
/// a .npy array, one row per first-axis entry, given as raw values (pixels 0–255) to which the package's preprocessing
/// is applied. Each row gives the predicted class, its confidence and the next best classes.
/// </summary>
internal static class NeuralPrediction
{
    public static bool IsNeuralPackage(string path) =>
        PackageArchive.KindOf(PackageArchive.ReadManifest(path)) == ModelPackage.NeuralNetworkKind;

    /// <summary>Each row's ranked classes with their confidence, best first, at most <paramref name="top"/>.</summary>
    public static IReadOnlyList<IReadOnlyList<(string Class, double Confidence)>> Predict(PackagedNetwork network, string input, int top)
    {
        if (top < 1) throw new ArgumentException($"--top {top}: give at least 1");
        var model = network.Model;
        if (model.InputShapes.Count != 1) throw new ArgumentException("this network takes several inputs; kiln predict feeds one array");
        var (values, shape) = ReadInput(input);
        var rows = shape[0];
        var rowShape = model.InputShapes[0];
        var wanted = rowShape.Aggregate(1L, (a, b) => a * b);
        var given = shape.Skip(1).Aggregate(1L, (a, b) => a * b);
        if (given != wanted)
            throw new DataFormatException(input, null, null,
                $"each row holds {given} values (shape [{string.Join(", ", shape.Skip(1))}]) but the network takes rows of shape [{string.Join(", ", rowShape)}], {wanted} values");
        network.Info.Preprocessing?.Apply(values);
        var x = System.Numerics.Tensors.Tensor.Create(values, [rows, .. rowShape.Select(d => (nint)d)]);
        var output = model.Predict(x, batchSize: 256);
        var width = (int)(output.FlattenedLength / rows);
        var scores = new float[output.FlattenedLength];
        output.FlattenTo(scores);
        var classes = network.Info.Classes;
        var results = new List<IReadOnlyList<(string, double)>>(rows);
        for (var r = 0; r < rows; r++)
        {
            var row = scores.AsSpan(r * width, width);
            // one sigmoid output is the probability of the second class
            double[] probabilities = width == 1 ? [1 - row[0], row[0]] : [.. row.ToArray().Select(v => (double)v)];
            var order = Enumerable.Range(0, probabilities.Length).OrderByDescending(i => probabilities[i]).ThenBy(i => i).Take(top);
            results.Add([.. order.Select(i => (classes is { } names && i < names.Count ? names[i] : i.ToString(CultureInfo.InvariantCulture), probabilities[i]))]);
        }
        return results;
    }

    /// <summary>The predictions as a table: class and confidence, then top2, top2_confidence and so on.</summary>
    public static Frame ToFrame(IReadOnlyList<IReadOnlyList<(string Class, double Confidence)>> predictions)
    {
        var k = predictions.Count == 0 ? 1 : predictions[0].Count;
        var columns = new List<Column>();
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
        if (Directory.Exists(path))
            throw new ArgumentException($"{path} is a folder: image files and folders need the streamed image data path, which this build does not have yet; give an IDX file or a .npy array");
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

using System.Globalization;
using System.Numerics.Tensors;

namespace Kiln.Neural.Packaging;

/// <summary>
/// A classifying network's outputs read as class probabilities: one row per input, one column per class, and the
/// class labels the package records (output indices as text when it records none). A single sigmoid output is the
/// probability of the second of two classes.
/// </summary>
public sealed class ClassProbabilities
{
    readonly double[] _values;

    ClassProbabilities(double[] values, IReadOnlyList<string> classes) => (_values, Classes) = (values, classes);

    /// <summary>The probabilities in <paramref name="outputs"/> (rows × outputs), labelled with <paramref name="classes"/> when given.</summary>
    public static ClassProbabilities Of(Tensor<float> outputs, IReadOnlyList<string>? classes)
    {
        var rows = (int)outputs.Lengths[0];
        var width = rows == 0 ? 0 : (int)(outputs.FlattenedLength / rows);
        var scores = new float[outputs.FlattenedLength];
        outputs.FlattenTo(scores);
        var k = width == 1 ? 2 : width;
        var values = new double[rows * k];
        for (var r = 0; r < rows; r++)
        {
            if (width == 1)
            {
                values[2 * r] = 1 - scores[r];
                values[2 * r + 1] = scores[r];
            }
            else
                for (var c = 0; c < width; c++) values[r * k + c] = scores[r * width + c];
        }
        return new ClassProbabilities(values, Labels(width, classes));
    }

    /// <summary>
    /// The class of each probability column of a network with <paramref name="outputs"/> output units (two for one
    /// sigmoid unit): the package's labels, or the output index as text where it records none.
    /// </summary>
    public static IReadOnlyList<string> Labels(int outputs, IReadOnlyList<string>? classes)
    {
        var k = outputs == 1 ? 2 : outputs;
        return classes is { } names && names.Count == k
            ? names
            : [.. Enumerable.Range(0, k).Select(i => classes is { } given && i < given.Count ? given[i] : i.ToString(CultureInfo.InvariantCulture))];
    }

    /// <summary>The label of each probability column.</summary>
    public IReadOnlyList<string> Classes { get; }

    public int RowCount => Classes.Count == 0 ? 0 : _values.Length / Classes.Count;

    /// <summary>Row-major rows × classes probabilities.</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>One row's probabilities, in class order.</summary>
    public ReadOnlySpan<double> Row(int row) => _values.AsSpan(row * Classes.Count, Classes.Count);

    /// <summary>The index of the most probable class of a row, the first on ties.</summary>
    public int Best(int row)
    {
        var probabilities = Row(row);
        var best = 0;
        for (var c = 1; c < probabilities.Length; c++) if (probabilities[c] > probabilities[best]) best = c;
        return best;
    }

    /// <summary>A row's classes with their probabilities, most probable first (ties in class order), at most <paramref name="top"/>.</summary>
    public IReadOnlyList<(string Class, double Confidence)> Ranked(int row, int top)
    {
        var probabilities = Row(row).ToArray();
        return [.. Enumerable.Range(0, probabilities.Length).OrderByDescending(i => probabilities[i]).ThenBy(i => i).Take(top).Select(i => (Classes[i], probabilities[i]))];
    }
}

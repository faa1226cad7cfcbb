using System.Runtime.Intrinsics.X86;

namespace Kiln.Data;

/// <summary>
/// A dense row-major matrix of doubles for learners (rows × features), with a record of which frame column
/// (and category) became each feature, so models can report importances and coefficients by name.
/// </summary>
public sealed class FeatureMatrix
{
    readonly double[] _values;
    readonly Feature[] _features;

    internal FeatureMatrix(double[] values, int rowCount, Feature[] features)
    {
        _values = values;
        _features = features;
        RowCount = rowCount;
    }

    public int RowCount { get; }

    public int FeatureCount => _features.Length;

    public IReadOnlyList<Feature> Features => _features;

    /// <summary>The values, row after row: row r, feature f sits at <c>r * FeatureCount + f</c>.</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>The same values as memory, for code that hands them to parallel or asynchronous work.</summary>
    public ReadOnlyMemory<double> Memory => _values;

    public double this[int row, int feature] => _values[row * _features.Length + feature];

    public ReadOnlySpan<double> Row(int row) => _values.AsSpan(row * _features.Length, _features.Length);

    /// <summary>
    /// Starts loading a row into the processor's cache without waiting for it, for code that visits rows in an order it
    /// knows ahead (stochastic gradient descent's shuffled epochs), so the row is there when it is read.
    /// </summary>
    public unsafe void Prefetch(int row)
    {
        if (!Sse.IsSupported || _features.Length == 0) return;
        const int doublesPerCacheLine = 8;
        fixed (double* start = &_values[row * _features.Length])
        {
            for (var offset = 0; offset < _features.Length; offset += doublesPerCacheLine) Sse.Prefetch0(start + offset);
            // a row seldom starts on a cache line, so its last line is asked for as well
            Sse.Prefetch0(start + _features.Length - 1);
        }
    }

    /// <summary>A copy of the values as a fresh array, for code that wants to own and change them.</summary>
    public double[] ToArray() => (double[])_values.Clone();

    /// <summary>The position of a feature by name (<c>age</c>, <c>city=Paris</c>).</summary>
    public int IndexOf(string featureName)
    {
        for (var f = 0; f < _features.Length; f++) if (_features[f].Name == featureName) return f;
        throw new KeyNotFoundException($"no feature named '{featureName}' (features: {string.Join(", ", _features.Select(f => f.Name))})");
    }
}

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

    /// <summary>A copy of the values as a fresh array, for code that wants to own and change them.</summary>
    public double[] ToArray() => (double[])_values.Clone();

    /// <summary>The position of a feature by name (<c>age</c>, <c>city=Paris</c>).</summary>
    public int IndexOf(string featureName)
    {
        for (var f = 0; f < _features.Length; f++) if (_features[f].Name == featureName) return f;
        throw new KeyNotFoundException($"no feature named '{featureName}' (features: {string.Join(", ", _features.Select(f => f.Name))})");
    }
}

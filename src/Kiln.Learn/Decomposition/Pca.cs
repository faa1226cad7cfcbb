using System.Numerics.Tensors;
using Kiln.Data;

namespace Kiln.Learn.Decomposition;

/// <summary>
/// Principal component analysis (scikit-learn's PCA): projects centred rows onto the directions of largest variance,
/// found by an exact or a randomized SVD. Components carry scikit-learn's signs, so the outputs match it.
/// </summary>
[Estimator("pca", EstimatorRole.Transformer, "Project rows onto their principal components (directions of largest variance)",
    Capabilities = [Capability.Randomized])]
public sealed record Pca : Estimator<PcaModel>
{
    [Parameter("Components to keep: a whole count (1, 2, …), or a fraction in (0, 1) of variance to explain; none keeps min(rows, columns)",
        Min = 0, MinExclusive = true)]
    public double? NComponents { get; init; }

    [Parameter("Scale each output to unit variance")]
    public bool Whiten { get; init; }

    [Parameter("How to compute the SVD: auto, full (exact) or randomized")]
    public PcaSolver SvdSolver { get; init; } = PcaSolver.Auto;

    [Parameter("Power iterations of the randomized solver; none chooses 7 for few components, else 4, as scikit-learn", Min = 0)]
    public int? IteratedPower { get; init; }

    [Parameter("Seed of the randomized solver's sketch; the same seed gives the same components")]
    public long Seed { get; init; }

    protected override PcaModel FitCore(Frame features, Column? target, FitContext context)
    {
        var columns = NumericInput.Columns(features, "pca");
        var (rows, width) = (features.RowCount, columns.Length);
        var limit = Math.Min(rows, width);
        var fraction = NComponents is < 1 ? NComponents : null;
        var count = fraction is null ? ComponentCount(limit) : limit;
        if (fraction is not null && SvdSolver == PcaSolver.Randomized)
            throw new ArgumentException($"pca: n-components {NComponents} is a variance fraction, which needs svd-solver full or auto", nameof(NComponents));
        var randomized = SvdSolver == PcaSolver.Randomized
            || (SvdSolver == PcaSolver.Auto && fraction is null && Math.Max(rows, width) > 500 && count < 0.8 * limit);

        var means = BlockedColumns.Means(columns);
        var centred = new BlockedColumns(columns, means);
        // a tall table is decomposed through its triangular factor R (same singular values and right vectors), never copied whole
        var matrix = centred.IsTall ? centred.TriangularFactor() : centred.ToDense();
        var degrees = Math.Max(rows - 1, 1);
        double[] singular;
        double[] components;
        double totalVariance;
        if (randomized)
        {
            var iterations = IteratedPower ?? (count < 0.1 * limit ? 7 : 4);
            var (s, v) = Svd.Randomized(matrix, count, oversamples: 10, iterations, Seed);
            (singular, components) = (s, v.ToRowMajorArray());
            // the sketch does not see every direction, so the total comes from the column variances
            totalVariance = centred.SumOfSquares() / degrees;
        }
        else
        {
            var (s, v) = Svd.Thin(matrix);
            double sumOfSquares = 0;
            foreach (var value in s) sumOfSquares += value * value;
            totalVariance = sumOfSquares / degrees;
            if (fraction is { } wanted) count = CountExplaining(s, sumOfSquares, wanted);
            singular = s[..count];
            components = v.ToRowMajorArray()[..(count * width)];
        }
        centred.FlipSigns(components, count, projectionMeans: null);
        var variance = new double[count];
        var ratio = new double[count];
        for (var k = 0; k < count; k++)
        {
            variance[k] = singular[k] * singular[k] / degrees;
            ratio[k] = totalVariance > 0 ? variance[k] / totalVariance : 0;
        }
        return new PcaModel(this, InputSchema.Of(features), means, components, variance, ratio, singular);
    }

    int ComponentCount(int limit)
    {
        if (NComponents is not { } wanted) return limit;
        if (wanted != Math.Floor(wanted))
            throw new ArgumentException($"pca: n-components must be a whole count of at least 1 or a fraction below 1, not {wanted}", nameof(NComponents));
        if (wanted > limit)
            throw new ArgumentException($"pca: n-components is {wanted} but the data allow at most min(rows, columns) = {limit}", nameof(NComponents));
        return (int)wanted;
    }

    /// <summary>The fewest leading components whose variance ratios add up to more than <paramref name="wanted"/> (scikit-learn's searchsorted right + 1).</summary>
    static int CountExplaining(double[] singular, double sumOfSquares, double wanted)
    {
        double cumulative = 0;
        for (var k = 0; k < singular.Length; k++)
        {
            cumulative += singular[k] * singular[k] / sumOfSquares;
            if (cumulative > wanted) return k + 1;
        }
        return singular.Length;
    }
}

/// <summary>A fitted <see cref="Pca"/>: the column means, the components (rows) and the variance each explains.</summary>
public sealed class PcaModel : TransformerModel
{
    readonly double[] _means;
    readonly double[] _components;
    readonly double[] _explainedVariance;
    readonly double[] _explainedVarianceRatio;
    readonly double[] _singularValues;
    readonly string[] _outputNames;

    internal PcaModel(Pca estimator, InputSchema schema, double[] means, double[] components, double[] explainedVariance,
        double[] explainedVarianceRatio, double[] singularValues) : base(estimator, schema)
    {
        _means = means;
        _components = components;
        _explainedVariance = explainedVariance;
        _explainedVarianceRatio = explainedVarianceRatio;
        _singularValues = singularValues;
        _outputNames = new string[explainedVariance.Length];
        for (var k = 0; k < _outputNames.Length; k++) _outputNames[k] = $"pca{k}";
    }

    public int ComponentCount => _explainedVariance.Length;
    public IReadOnlyList<double> Means => _means;
    public IReadOnlyList<double> ExplainedVariance => _explainedVariance;
    public IReadOnlyList<double> ExplainedVarianceRatio => _explainedVarianceRatio;
    public IReadOnlyList<double> SingularValues => _singularValues;
    public override IReadOnlyList<string> OutputNames => _outputNames;

    /// <summary>Component <paramref name="index"/>: its weight on each input column, unit length.</summary>
    public ReadOnlySpan<double> Component(int index) => _components.AsSpan(index * _means.Length, _means.Length);

    protected override Frame TransformCore(Frame features)
    {
        var outputs = new BlockedColumns(NumericInput.Columns(features, "pca"), _means).ProjectAll(_components, ComponentCount);
        var whiten = ((Pca)Estimator).Whiten;
        var columns = new Column[ComponentCount];
        for (var k = 0; k < columns.Length; k++)
        {
            // a zero-variance component stays unscaled rather than dividing by zero
            if (whiten && _explainedVariance[k] > 0) TensorPrimitives.Divide(outputs[k], Math.Sqrt(_explainedVariance[k]), outputs[k]);
            columns[k] = new Float64Column(_outputNames[k], outputs[k]);
        }
        return new Frame(columns);
    }

    public override void Save(ModelWriter writer)
    {
        writer.Write("means", _means);
        writer.Write("components", _components);
        writer.Write("explained_variance", _explainedVariance);
        writer.Write("explained_variance_ratio", _explainedVarianceRatio);
        writer.Write("singular_values", _singularValues);
    }

    public static PcaModel Load(ModelReader reader)
    {
        var means = reader.ReadDoubles("means");
        var components = reader.ReadDoubles("components");
        var variance = reader.ReadDoubles("explained_variance");
        var ratio = reader.ReadDoubles("explained_variance_ratio");
        var singular = reader.ReadDoubles("singular_values");
        if (means.Length != reader.Schema.Columns.Count || components.Length != variance.Length * means.Length
            || ratio.Length != variance.Length || singular.Length != variance.Length)
            throw new InvalidDataException($"model package: pca holds {components.Length} component weights for {variance.Length} components of {reader.Schema.Columns.Count} columns");
        return new PcaModel((Pca)reader.Estimator, reader.Schema, means, components, variance, ratio, singular);
    }
}

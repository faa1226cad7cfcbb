using System.Numerics.Tensors;
using Kiln.Data;

namespace Kiln.Learn.Decomposition;

/// <summary>
/// Truncated SVD (scikit-learn's TruncatedSVD, latent semantic analysis): the leading singular directions of the rows
/// without centring them, so it suits sparse counts such as TF-IDF. Found by seeded randomized SVD.
/// </summary>
[Estimator("truncated-svd", EstimatorRole.Transformer, "Project rows onto their leading singular vectors, without centring (LSA)",
    Capabilities = [Capability.Randomized])]
public sealed record TruncatedSvd : Estimator<TruncatedSvdModel>
{
    [Parameter("Components to keep; at most min(rows, columns)", Min = 1)]
    public int NComponents { get; init; } = 2;

    [Parameter("Power iterations of the randomized SVD; more are slower and more exact", Min = 0)]
    public int NIter { get; init; } = 5;

    [Parameter("Extra random directions sketched beyond n-components, for accuracy", Min = 0)]
    public int NOversamples { get; init; } = 10;

    [Parameter("Seed of the randomized SVD's sketch; the same seed gives the same components")]
    public long Seed { get; init; }

    protected override TruncatedSvdModel FitCore(Frame features, Column? target, FitContext context)
    {
        var columns = NumericInput.Columns(features, "truncated-svd");
        var limit = Math.Min(features.RowCount, columns.Length);
        if (NComponents > limit)
            throw new ArgumentException($"truncated-svd: n-components is {NComponents} but the data allow at most min(rows, columns) = {limit}", nameof(NComponents));
        var data = new BlockedColumns(columns, null);
        // a tall table is decomposed through its triangular factor R (same singular values and right vectors), never copied whole
        var (singular, right) = Svd.Randomized(data.IsTall ? data.TriangularFactor() : data.ToDense(), NComponents, NOversamples, NIter, Seed);
        var components = right.ToRowMajorArray();

        // as scikit-learn: the variance (ddof 0) of each output, as a share of the summed column variances
        var means = BlockedColumns.Means(columns);
        var outputMeans = new double[NComponents];
        for (var k = 0; k < outputMeans.Length; k++) outputMeans[k] = TensorPrimitives.Dot(means, components.AsSpan(k * columns.Length, columns.Length));
        var variance = data.FlipSigns(components, NComponents, outputMeans)!;
        var total = new BlockedColumns(columns, means).SumOfSquares() / features.RowCount;
        var ratio = new double[NComponents];
        for (var k = 0; k < ratio.Length; k++) ratio[k] = total > 0 ? variance[k] / total : 0;
        return new TruncatedSvdModel(this, InputSchema.Of(features), components, variance, ratio, singular);
    }
}

/// <summary>A fitted <see cref="TruncatedSvd"/>: the components (rows), the singular values and the variance each output explains.</summary>
public sealed class TruncatedSvdModel : TransformerModel
{
    readonly double[] _components;
    readonly double[] _explainedVariance;
    readonly double[] _explainedVarianceRatio;
    readonly double[] _singularValues;
    readonly string[] _outputNames;

    internal TruncatedSvdModel(TruncatedSvd estimator, InputSchema schema, double[] components, double[] explainedVariance,
        double[] explainedVarianceRatio, double[] singularValues) : base(estimator, schema)
    {
        _components = components;
        _explainedVariance = explainedVariance;
        _explainedVarianceRatio = explainedVarianceRatio;
        _singularValues = singularValues;
        _outputNames = new string[explainedVariance.Length];
        for (var k = 0; k < _outputNames.Length; k++) _outputNames[k] = $"truncatedsvd{k}";
    }

    public int ComponentCount => _explainedVariance.Length;
    public IReadOnlyList<double> ExplainedVariance => _explainedVariance;
    public IReadOnlyList<double> ExplainedVarianceRatio => _explainedVarianceRatio;
    public IReadOnlyList<double> SingularValues => _singularValues;
    public override IReadOnlyList<string> OutputNames => _outputNames;

    /// <summary>Component <paramref name="index"/>: its weight on each input column, unit length.</summary>
    public ReadOnlySpan<double> Component(int index) => _components.AsSpan(index * Schema.Columns.Count, Schema.Columns.Count);

    protected override Frame TransformCore(Frame features)
    {
        var outputs = new BlockedColumns(NumericInput.Columns(features, "truncated-svd"), null).ProjectAll(_components, ComponentCount);
        var columns = new Column[outputs.Length];
        for (var k = 0; k < columns.Length; k++) columns[k] = new Float64Column(_outputNames[k], outputs[k]);
        return new Frame(columns);
    }

    public override void Save(ModelWriter writer)
    {
        writer.Write("components", _components);
        writer.Write("explained_variance", _explainedVariance);
        writer.Write("explained_variance_ratio", _explainedVarianceRatio);
        writer.Write("singular_values", _singularValues);
    }

    public static TruncatedSvdModel Load(ModelReader reader)
    {
        var components = reader.ReadDoubles("components");
        var variance = reader.ReadDoubles("explained_variance");
        var ratio = reader.ReadDoubles("explained_variance_ratio");
        var singular = reader.ReadDoubles("singular_values");
        if (components.Length != variance.Length * reader.Schema.Columns.Count || ratio.Length != variance.Length || singular.Length != variance.Length)
            throw new InvalidDataException($"model package: truncated-svd holds {components.Length} component weights for {variance.Length} components of {reader.Schema.Columns.Count} columns");
        return new TruncatedSvdModel((TruncatedSvd)reader.Estimator, reader.Schema, components, variance, ratio, singular);
    }
}

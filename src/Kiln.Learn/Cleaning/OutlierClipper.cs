using System.Numerics.Tensors;
using Kiln.Data;

namespace Kiln.Learn.Cleaning;

/// <summary>
/// Clips numeric columns to bounds fitted on the training data (IQR fences or z-score limits), so unseen extreme
/// values are pulled in at prediction time too. Missing values stay missing.
/// </summary>
[Estimator("outlier-clipper", EstimatorRole.Transformer, "Clip numeric columns to IQR or z-score bounds fitted on training data",
    Capabilities = [Capability.AllowsMissing])]
public sealed record OutlierClipper : OutlierBoundsEstimator<OutlierClipperModel>
{
    protected override OutlierClipperModel FitCore(Frame features, Column? target, FitContext context) =>
        new(this, InputSchema.Of(features), FitBounds(features, "outlier-clipper"));
}

/// <summary>A fitted <see cref="OutlierClipper"/>: the lower and upper bound of each column.</summary>
public sealed class OutlierClipperModel : TransformerModel
{
    readonly OutlierBounds _bounds;

    internal OutlierClipperModel(OutlierClipper estimator, InputSchema schema, OutlierBounds bounds) : base(estimator, schema) => _bounds = bounds;

    public IReadOnlyList<double> LowerBounds => _bounds.Lower;
    public IReadOnlyList<double> UpperBounds => _bounds.Upper;
    public override IReadOnlyList<string> OutputNames => [.. Schema.Names];

    protected override Frame TransformCore(Frame features)
    {
        var columns = NumericInput.Columns(features, "outlier-clipper");
        var output = new Column[columns.Length];
        Parallel.For(0, columns.Length, j =>
        {
            var result = new double[columns[j].Length];
            // Max and Min propagate NaN, so missing values stay missing
            TensorPrimitives.Max(columns[j].Values, _bounds.Lower[j], result);
            TensorPrimitives.Min(result, _bounds.Upper[j], result);
            output[j] = new Float64Column(columns[j].Name, result);
        });
        return new Frame(output);
    }

    public override void Save(ModelWriter writer) => _bounds.Save(writer);

    public static OutlierClipperModel Load(ModelReader reader) =>
        new((OutlierClipper)reader.Estimator, reader.Schema, OutlierBounds.Load(reader, "outlier-clipper"));
}

using System.Numerics.Tensors;
using Kiln.Data;

namespace Kiln.Learn.Preprocessing;

/// <summary>
/// Scales each row (not column) to unit norm — l1, l2 or max — as scikit-learn's Normalizer does; a row of zeros
/// stays zeros. Nothing is learnt from the data but the columns, so fitting only records the schema.
/// </summary>
[Estimator("normalizer", EstimatorRole.Transformer, "Scale each row to unit l1, l2 or max norm")]
public sealed record Normalizer : Estimator<NormalizerModel>
{
    internal const string Name = "normalizer";

    [Parameter("The row norm to scale to one")]
    public Norm Norm { get; init; } = Norm.L2;

    protected override NormalizerModel FitCore(Frame features, Column? target, FitContext context)
    {
        NumericInput.Columns(features, Name);
        return new NormalizerModel(this, InputSchema.Of(features));
    }
}

/// <summary>A fitted <see cref="Normalizer"/>: it holds no state beyond the columns it scales.</summary>
public sealed class NormalizerModel(Normalizer estimator, InputSchema schema) : TransformerModel(estimator, schema)
{
    public override IReadOnlyList<string> OutputNames => [.. Schema.Names];

    protected override Frame TransformCore(Frame features)
    {
        var columns = NumericInput.Columns(features, Normalizer.Name);
        var norms = RowNorms(columns, ((Normalizer)Estimator).Norm);
        for (var i = 0; i < norms.Length; i++) norms[i] = ColumnScaling.NonZero(norms[i]);
        var output = new Column[columns.Length];
        Parallel.For(0, columns.Length, j =>
        {
            var result = GC.AllocateUninitializedArray<double>(norms.Length);
            TensorPrimitives.Divide(columns[j].Values, norms, result);
            output[j] = new Float64Column(columns[j].Name, result);
        });
        return new Frame(output);
    }

    /// <summary>Each row's norm, accumulated column by column so every pass runs over contiguous values.</summary>
    static double[] RowNorms(Float64Column[] columns, Norm norm)
    {
        var rows = columns.Length == 0 ? 0 : columns[0].Length;
        var norms = new double[rows];
        var magnitudes = new double[rows];
        foreach (var column in columns)
        {
            if (norm == Norm.L2)
            {
                TensorPrimitives.MultiplyAdd(column.Values, column.Values, norms, norms);
                continue;
            }
            TensorPrimitives.Abs(column.Values, magnitudes);
            if (norm == Norm.L1) TensorPrimitives.Add(norms, magnitudes, norms);
            else TensorPrimitives.Max(norms, magnitudes, norms);
        }
        if (norm == Norm.L2) TensorPrimitives.Sqrt(norms, norms);
        return norms;
    }

    public override void Save(ModelWriter writer) { }

    public static NormalizerModel Load(ModelReader reader) => new((Normalizer)reader.Estimator, reader.Schema);
}

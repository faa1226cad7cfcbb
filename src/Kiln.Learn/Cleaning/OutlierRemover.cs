using Kiln.Data;

namespace Kiln.Learn.Cleaning;

/// <summary>
/// Drops training rows with a value outside IQR fences or z-score limits fitted on the same data. It changes rows, so
/// it runs while preparing data for fitting (<see cref="IRowFilterModel.FilterRows"/>) and passes rows through
/// unchanged at prediction time. Missing values never make a row an outlier.
/// </summary>
[Estimator("outlier-remover", EstimatorRole.Transformer, "Drop training rows with values outside IQR or z-score bounds",
    Capabilities = [Capability.AllowsMissing, Capability.ChangesRows])]
public sealed record OutlierRemover : OutlierBoundsEstimator<OutlierRemoverModel>
{
    protected override OutlierRemoverModel FitCore(Frame features, Column? target, FitContext context) =>
        new(this, InputSchema.Of(features), FitBounds(features, "outlier-remover"));
}

/// <summary>A fitted <see cref="OutlierRemover"/>: the bounds of each column, applied by <see cref="FilterRows"/>.</summary>
public sealed class OutlierRemoverModel : TransformerModel, IRowFilterModel
{
    readonly OutlierBounds _bounds;

    internal OutlierRemoverModel(OutlierRemover estimator, InputSchema schema, OutlierBounds bounds) : base(estimator, schema) => _bounds = bounds;

    public IReadOnlyList<double> LowerBounds => _bounds.Lower;
    public IReadOnlyList<double> UpperBounds => _bounds.Upper;
    public override IReadOnlyList<string> OutputNames => [.. Schema.Names];

    /// <summary>Every row, unchanged: rows are only removed while preparing training data.</summary>
    protected override Frame TransformCore(Frame features)
    {
        NumericInput.Columns(features, "outlier-remover");
        return features;
    }

    public RowFilterResult FilterRows(Frame features)
    {
        var input = Schema.Check(features, "outlier-remover");
        InputValues.Check(input, Estimator);
        var columns = NumericInput.Columns(input, "outlier-remover");
        var rows = features.RowCount;
        var outlying = new bool[columns.Length][];
        var counts = new int[columns.Length];
        Parallel.For(0, columns.Length, j =>
        {
            var values = columns[j].Values;
            var (low, high) = (_bounds.Lower[j], _bounds.Upper[j]);
            var flags = new bool[rows];
            var count = 0;
            for (var i = 0; i < rows; i++)
                if (values[i] < low || values[i] > high) { flags[i] = true; count++; }
            (outlying[j], counts[j]) = (flags, count);
        });
        var kept = new List<int>(rows);
        for (var i = 0; i < rows; i++)
        {
            var keep = true;
            for (var j = 0; j < columns.Length && keep; j++) keep = !outlying[j][i];
            if (keep) kept.Add(i);
        }
        var dropped = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var j = 0; j < columns.Length; j++) dropped[columns[j].Name] = counts[j];
        return new RowFilterResult([.. kept], rows, dropped);
    }

    public override void Save(ModelWriter writer) => _bounds.Save(writer);

    public static OutlierRemoverModel Load(ModelReader reader) =>
        new((OutlierRemover)reader.Estimator, reader.Schema, OutlierBounds.Load(reader, "outlier-remover"));
}

using Kiln.Data;

namespace Kiln.Learn.Trees;

/// <summary>
/// The numeric input columns of a tree model as they are, without a copy into one matrix: trees read a block of rows at
/// a time into a small single-precision buffer (the precision they compare in) that stays in cache while they run.
/// </summary>
internal sealed class TreeInput(Float64Column[] columns, int rowCount)
{
    public const int BlockRows = 1024;

    public int RowCount { get; } = rowCount;

    public int FeatureCount => columns.Length;

    public string Name(int feature) => columns[feature].Name;

    public ReadOnlySpan<double> Column(int feature) => columns[feature].Values;

    /// <summary>A fitting estimator's input (already checked for values by the fit).</summary>
    public static TreeInput Of(Frame features, string estimator) => new(NumericInput.Columns(features, estimator), features.RowCount);

    /// <summary>A fitted model's input, checked against its schema and for values it cannot take.</summary>
    public static TreeInput Checked(IModel model, Frame features) =>
        Of(NumericInput.Checked(model, features), EstimatorCatalog.NameOf(model.Estimator));

    /// <summary>Rows start … start + count − 1, row-major, at single precision.</summary>
    public void Fill(int start, int count, Span<float> block)
    {
        var width = columns.Length;
        for (var f = 0; f < width; f++)
        {
            var values = columns[f].Values.Slice(start, count);
            for (var i = 0; i < values.Length; i++) block[i * width + f] = (float)values[i];
        }
    }
}

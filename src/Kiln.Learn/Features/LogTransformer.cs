using Kiln.Data;

namespace Kiln.Learn.Features;

/// <summary>
/// log(1 + x) of every numeric column (NumPy's log1p, as scikit-learn's FunctionTransformer(np.log1p)), for
/// right-skewed counts and amounts. Values at or below -1 have no logarithm and are rejected by column and row;
/// missing values stay missing.
/// </summary>
[Estimator("log-transformer", EstimatorRole.Transformer, "Take log(1 + x) of numeric columns to tame right skew",
    Capabilities = [Capability.AllowsMissing, Capability.NonNegativeInput])]
public sealed record LogTransformer : Estimator<LogTransformerModel>
{
    protected override LogTransformerModel FitCore(Frame features, Column? target, FitContext context)
    {
        foreach (var column in NumericInput.Columns(features, "log-transformer")) LogTransformerModel.RequireAboveMinusOne(column);
        return new LogTransformerModel(this, InputSchema.Of(features));
    }
}

/// <summary>A fitted <see cref="LogTransformer"/>; it learns nothing but the columns it takes.</summary>
public sealed class LogTransformerModel : TransformerModel
{
    internal LogTransformerModel(LogTransformer estimator, InputSchema schema) : base(estimator, schema) { }

    public override IReadOnlyList<string> OutputNames => [.. Schema.Names];

    protected override Frame TransformCore(Frame features)
    {
        var columns = NumericInput.Columns(features, "log-transformer");
        foreach (var column in columns) RequireAboveMinusOne(column);
        var output = new Column[columns.Length];
        Parallel.For(0, columns.Length, j =>
        {
            var values = columns[j].Values;
            var result = new double[values.Length];
            for (var i = 0; i < result.Length; i++) result[i] = SpecialFunctions.Log1p(values[i]);
            output[j] = new Float64Column(columns[j].Name, result);
        });
        return new Frame(output);
    }

    internal static void RequireAboveMinusOne(Float64Column column)
    {
        var values = column.Values;
        for (var i = 0; i < values.Length; i++)
            if (values[i] <= -1)
                throw new ArgumentException(
                    $"log-transformer: column '{column.Name}' holds {values[i]} at row {i}; log(1 + x) needs values above -1");
    }

    public override void Save(ModelWriter writer) { }

    public static LogTransformerModel Load(ModelReader reader) => new((LogTransformer)reader.Estimator, reader.Schema);
}

using Kiln.Data;

namespace Kiln.Learn.Preprocessing;

/// <summary>
/// Replaces each category by its position among the column's sorted categories (0, 1, 2 …) as scikit-learn's
/// OrdinalEncoder does, in one float64 column per input. Missing values stay missing (NaN), whether or not
/// any were seen when fitting; unknown categories are an error or a chosen value.
/// </summary>
[Estimator("ordinal-encoder", EstimatorRole.Transformer, "Encode categorical columns as the position of each category in sorted order",
    Capabilities = [Capability.AllowsMissing, Capability.TextInput])]
public sealed record OrdinalEncoder : Estimator<OrdinalEncoderModel>
{
    internal const string Name = "ordinal-encoder";

    [Parameter("What to do with a category not seen when fitting: error, or use-encoded-value (unknown-value)")]
    public OrdinalUnknownHandling HandleUnknown { get; init; } = OrdinalUnknownHandling.Error;

    [Parameter("The code for unknown categories with use-encoded-value; none encodes them as missing")]
    public double? UnknownValue { get; init; }

    protected override OrdinalEncoderModel FitCore(Frame features, Column? target, FitContext context)
    {
        var levels = new CategoryLevels[features.ColumnCount];
        ColumnParallel.For(levels.Length, j => levels[j] = CategoryLevels.Fit(features[j], Name));
        if (HandleUnknown == OrdinalUnknownHandling.UseEncodedValue && UnknownValue is { } code)
        {
            for (var j = 0; j < levels.Length; j++)
                if (code >= 0 && code < levels[j].Count && code == Math.Floor(code))
                    throw new ArgumentException(
                        $"{Name}: parameter 'unknown-value' ({code}) is already the code of a category of column '{features[j].Name}'; use a negative number or none",
                        nameof(UnknownValue));
        }
        return new OrdinalEncoderModel(this, InputSchema.Of(features), levels);
    }
}

/// <summary>A fitted <see cref="OrdinalEncoder"/>: each column's sorted categories.</summary>
public sealed class OrdinalEncoderModel : TransformerModel
{
    readonly CategoryLevels[] _levels;

    internal OrdinalEncoderModel(OrdinalEncoder estimator, InputSchema schema, CategoryLevels[] levels) : base(estimator, schema) => _levels = levels;

    public override IReadOnlyList<string> OutputNames => [.. Schema.Names];

    /// <summary>The categories of a column in code order: the category coded k is at index k.</summary>
    public IReadOnlyList<string> Categories(string column)
    {
        var j = FittedColumns.IndexOf(Schema, column, OrdinalEncoder.Name);
        return [.. Enumerable.Range(0, _levels[j].Count).Select(_levels[j].Label)];
    }

    protected override Frame TransformCore(Frame features)
    {
        var estimator = (OrdinalEncoder)Estimator;
        var unknown = estimator.UnknownValue ?? double.NaN;
        var output = new Column[features.ColumnCount];
        ColumnParallel.For(output.Length, j =>
        {
            var column = features[j];
            var levels = _levels[j].Lookup(column);
            var codes = new double[levels.Length];
            for (var i = 0; i < codes.Length; i++)
            {
                var level = levels[i];
                if (level >= 0) codes[i] = level;
                else if (level == CategoryLevels.Missing) codes[i] = double.NaN;
                else if (estimator.HandleUnknown == OrdinalUnknownHandling.UseEncodedValue) codes[i] = unknown;
                else
                    throw new SchemaMismatchException(
                        $"{OrdinalEncoder.Name}: column '{column.Name}' holds '{column.Format(i)}' at row {i}, a category not seen when fitting; "
                        + "set handle-unknown to use-encoded-value to encode it");
            }
            output[j] = new Float64Column(column.Name, codes);
        });
        return new Frame(output);
    }

    public override void Save(ModelWriter writer) => CategoryLevels.SaveAll(writer, "categories", _levels);

    public static OrdinalEncoderModel Load(ModelReader reader) =>
        new((OrdinalEncoder)reader.Estimator, reader.Schema, CategoryLevels.LoadAll(reader, "categories"));
}

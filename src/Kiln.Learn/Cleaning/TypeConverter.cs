using Kiln.Data;

namespace Kiln.Learn.Cleaning;

/// <summary>
/// Learns which text columns are really numbers ("1,234"), amounts ("$5", "€3.50", "5 USD"), percentages ("12%"),
/// booleans ("yes"/"no", "y"/"n", "true"/"false", "1"/"0") or dates (ISO, "31/01/2024", "01/31/2024"), by the rules
/// of <see cref="TypeConversion"/>, and converts them the same way on new data. A value that fails to parse at
/// transform time becomes missing; <see cref="TypeConverterModel.TransformWithReport"/> counts them.
/// Other columns pass through unchanged.
/// </summary>
[Estimator("type-converter", EstimatorRole.Transformer, "Turn text columns holding numbers, amounts, percentages, booleans or dates into typed columns",
    Capabilities = [Capability.AllowsMissing, Capability.TextInput])]
public sealed record TypeConverter : Estimator<TypeConverterModel>
{
    [Parameter("Share of a column's present values that must parse for it to convert", Min = 0, MinExclusive = true, Max = 1)]
    public double MinShare { get; init; } = 0.95;

    protected override TypeConverterModel FitCore(Frame features, Column? target, FitContext context)
    {
        var reports = new List<ColumnConversionReport>();
        foreach (var column in features.Columns)
        {
            if (column is not StringColumn text) continue;
            var (kind, order) = TypeConversion.Infer(text, MinShare);
            var (_, failed) = TypeConversion.ConvertColumn(text, kind, order);
            reports.Add(new ColumnConversionReport(text.Name, kind, order, failed));
        }
        return new TypeConverterModel(this, InputSchema.Of(features), reports);
    }
}

/// <summary>A fitted <see cref="TypeConverter"/>: the kind of each text column, with how many values failed when fitting.</summary>
public sealed class TypeConverterModel : TransformerModel
{
    readonly IReadOnlyList<ColumnConversionReport> _conversions;
    readonly Dictionary<string, ColumnConversionReport> _byColumn;

    internal TypeConverterModel(TypeConverter estimator, InputSchema schema, IReadOnlyList<ColumnConversionReport> conversions) : base(estimator, schema)
    {
        _conversions = conversions;
        _byColumn = conversions.ToDictionary(c => c.Column, StringComparer.Ordinal);
    }

    /// <summary>Each text column's kind, date order and the values that failed to parse in the training data.</summary>
    public IReadOnlyList<ColumnConversionReport> Conversions => _conversions;

    public override IReadOnlyList<string> OutputNames => [.. Schema.Names];

    protected override Frame TransformCore(Frame features) => Convert(features).Frame;

    /// <summary>Transforms and counts, per text column, the present values that failed to parse and became missing.</summary>
    public TypeConversionResult TransformWithReport(Frame features) => Convert(Schema.Check(features, "type-converter"));

    TypeConversionResult Convert(Frame features)
    {
        var columns = new Column[features.ColumnCount];
        var reports = new List<ColumnConversionReport>(_conversions.Count);
        for (var j = 0; j < columns.Length; j++)
        {
            if (features[j] is not StringColumn text || !_byColumn.TryGetValue(text.Name, out var learned))
            {
                columns[j] = features[j];
                continue;
            }
            var (converted, failed) = TypeConversion.ConvertColumn(text, learned.Kind, learned.DateOrder);
            columns[j] = converted;
            reports.Add(learned with { FailedCount = failed });
        }
        return new TypeConversionResult(new Frame(columns), reports);
    }

    public override void Save(ModelWriter writer)
    {
        writer.Write("columns", [.. _conversions.Select(c => c.Column)]);
        writer.Write("kinds", [.. _conversions.Select(c => Kebab.Of(c.Kind.ToString()))]);
        writer.Write("date-orders", [.. _conversions.Select(c => Kebab.Of(c.DateOrder.ToString()))]);
        writer.Write("failed-counts", [.. _conversions.Select(c => (long)c.FailedCount)]);
    }

    public static TypeConverterModel Load(ModelReader reader)
    {
        var columns = reader.ReadStrings("columns");
        var kinds = reader.ReadStrings("kinds");
        var orders = reader.ReadStrings("date-orders");
        var failed = reader.ReadInt64s("failed-counts");
        if (kinds.Length != columns.Length || orders.Length != columns.Length || failed.Length != columns.Length)
            throw new InvalidDataException("model package: type-converter's columns, kinds, date orders and counts differ in number");
        var reports = new ColumnConversionReport[columns.Length];
        for (var k = 0; k < reports.Length; k++)
        {
            var name = columns[k] ?? throw new InvalidDataException("model package: type-converter has a column without a name");
            if (!reader.Schema.Columns.Any(c => c.Name == name && c.Type == DataType.String))
                throw new InvalidDataException($"model package: type-converter converts '{name}', which is not a text column of its schema");
            reports[k] = new ColumnConversionReport(name, ParseEnum<TextValueKind>(kinds[k]), ParseEnum<DateOrder>(orders[k]), checked((int)failed[k]));
        }
        return new TypeConverterModel((TypeConverter)reader.Estimator, reader.Schema, reports);
    }

    static T ParseEnum<T>(string? text) where T : struct, Enum =>
        Enum.GetValues<T>().FirstOrDefault(v => Kebab.Of(v.ToString()) == text) is var value && Kebab.Of(value.ToString()) == text
            ? value
            : throw new InvalidDataException($"model package: type-converter does not know '{text}' as a {typeof(T).Name}");
}

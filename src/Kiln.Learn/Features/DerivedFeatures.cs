using Kiln.Data;

namespace Kiln.Learn.Features;

/// <summary>
/// Adds columns computed from others by arithmetic expressions, such as
/// <c>rooms_per_household=total_rooms/households; log_income=log(median_income)</c> (grammar on <see cref="DerivedFeature"/>).
/// Expressions are parsed into a tree and evaluated over whole columns; nothing else is ever run from the text.
/// Division by zero gives ±∞ and 0/0 gives NaN, as IEEE 754 arithmetic does; missing values propagate.
/// A later definition may use an earlier one. The input columns pass through, followed by the derived ones.
/// </summary>
[Estimator("derived-features", EstimatorRole.Transformer, "Add columns computed by arithmetic expressions over other columns",
    Capabilities = [Capability.AllowsMissing, Capability.TextInput])]
public sealed record DerivedFeatures : Estimator<DerivedFeaturesModel>
{
    [Parameter("Definitions name=expression separated by ';', e.g. ratio=a/b; log_income=log(`median income`)")]
    public string Expressions { get; init; } = "";

    protected override DerivedFeaturesModel FitCore(Frame features, Column? target, FitContext context)
    {
        var schema = InputSchema.Of(features);
        return new DerivedFeaturesModel(this, schema, Resolve(DerivedFeature.ParseList(Expressions), schema));
    }

    /// <summary>Checks every name an expression reads is a numeric input or an earlier definition, and no definition reuses a name.</summary>
    internal static IReadOnlyList<DerivedFeature> Resolve(IReadOnlyList<DerivedFeature> definitions, InputSchema schema)
    {
        var types = schema.Columns.ToDictionary(c => c.Name, c => c.Type, StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            foreach (var name in definition.Expression.Columns)
            {
                if (!types.TryGetValue(name, out var type))
                    throw new ArgumentException(
                        $"derived-features: '{definition.Definition}' reads column '{name}', which does not exist (columns: {string.Join(", ", types.Keys)})", "expressions");
                if (!type.IsNumeric())
                    throw new ArgumentException(
                        $"derived-features: '{definition.Definition}' reads column '{name}', which is {type.Name()}; expressions take numeric columns", "expressions");
            }
            if (!types.TryAdd(definition.Name, DataType.Float64))
                throw new ArgumentException(
                    $"derived-features: '{definition.Definition}' defines '{definition.Name}', which is already a column; choose another name", "expressions");
        }
        return definitions;
    }
}

/// <summary>A fitted <see cref="DerivedFeatures"/>: the parsed definitions, checked against the input columns.</summary>
public sealed class DerivedFeaturesModel : TransformerModel
{
    readonly IReadOnlyList<DerivedFeature> _definitions;
    readonly string[] _outputNames;

    internal DerivedFeaturesModel(DerivedFeatures estimator, InputSchema schema, IReadOnlyList<DerivedFeature> definitions) : base(estimator, schema)
    {
        _definitions = definitions;
        _outputNames = [.. schema.Names, .. definitions.Select(d => d.Name)];
    }

    public IReadOnlyList<DerivedFeature> Definitions => _definitions;
    public override IReadOnlyList<string> OutputNames => _outputNames;

    protected override Frame TransformCore(Frame features)
    {
        var rows = features.RowCount;
        var values = new Dictionary<string, double[]>(StringComparer.Ordinal);
        double[] Read(string name)
        {
            if (!values.TryGetValue(name, out var column)) values[name] = column = features[name].AsFloat64().Values.ToArray();
            return column;
        }
        var output = new List<Column>(features.Columns);
        foreach (var definition in _definitions)
        {
            var result = definition.Expression.Evaluate(Read, rows);
            values[definition.Name] = result;
            output.Add(new Float64Column(definition.Name, result));
        }
        return new Frame(output);
    }

    public override void Save(ModelWriter writer) => writer.Write("names", _outputNames[Schema.Columns.Count..]);

    public static DerivedFeaturesModel Load(ModelReader reader)
    {
        var estimator = (DerivedFeatures)reader.Estimator;
        var definitions = DerivedFeatures.Resolve(DerivedFeature.ParseList(estimator.Expressions), reader.Schema);
        var stored = reader.ReadStrings("names");
        if (!stored.SequenceEqual(definitions.Select(d => d.Name)))
            throw new InvalidDataException($"model package: derived-features recorded columns {string.Join(", ", stored)} but its expressions define {string.Join(", ", definitions.Select(d => d.Name))}");
        return new DerivedFeaturesModel(estimator, reader.Schema, definitions);
    }
}

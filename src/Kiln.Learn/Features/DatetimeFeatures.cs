using Kiln.Data;

namespace Kiln.Learn.Features;

/// <summary>
/// Splits each datetime column into calendar parts (<c>date_year</c>, <c>date_day_of_week</c>, <c>date_is_weekend</c> …),
/// the parts pandas' <c>Series.dt</c> gives. Parts are int64 (flags bool); a missing date gives missing parts. Other
/// columns pass through unchanged, so the transformer can run over a whole frame.
/// </summary>
[Estimator("datetime-features", EstimatorRole.Transformer, "Split datetime columns into year, month, day, day of week, hour and similar parts",
    Capabilities = [Capability.AllowsMissing, Capability.TextInput])]
public sealed record DatetimeFeatures : Estimator<DatetimeFeaturesModel>
{
    [Parameter("Comma-separated parts: year, quarter, month, week-of-year, day, day-of-week, day-of-year, hour, minute, second, is-weekend, is-month-start, is-month-end")]
    public string Parts { get; init; } = "year,month,day,day-of-week,day-of-year,hour,is-weekend";

    [Parameter("Keep the datetime column itself after its parts")]
    public bool KeepSource { get; init; }

    protected override DatetimeFeaturesModel FitCore(Frame features, Column? target, FitContext context)
    {
        DatePart.Parse(Parts);
        return new DatetimeFeaturesModel(this, InputSchema.Of(features));
    }
}

/// <summary>A fitted <see cref="DatetimeFeatures"/>: which input columns are dates and the parts taken from them.</summary>
public sealed class DatetimeFeaturesModel : TransformerModel
{
    readonly string[] _parts;
    readonly string[] _outputNames;

    internal DatetimeFeaturesModel(DatetimeFeatures estimator, InputSchema schema) : base(estimator, schema)
    {
        _parts = DatePart.Parse(estimator.Parts);
        var names = new List<string>();
        foreach (var column in schema.Columns)
        {
            if (column.Type != DataType.DateTime)
            {
                names.Add(column.Name);
                continue;
            }
            foreach (var part in _parts) names.Add(OutputName(column.Name, part));
            if (estimator.KeepSource) names.Add(column.Name);
        }
        _outputNames = [.. names];
    }

    public override IReadOnlyList<string> OutputNames => _outputNames;

    static string OutputName(string column, string part) => $"{column}_{part.Replace('-', '_')}";

    protected override Frame TransformCore(Frame features)
    {
        var keepSource = ((DatetimeFeatures)Estimator).KeepSource;
        var output = new List<Column>(_outputNames.Length);
        foreach (var column in features.Columns)
        {
            if (column is not DateTimeColumn dates)
            {
                output.Add(column);
                continue;
            }
            var extracted = new Column[_parts.Length];
            Parallel.For(0, _parts.Length, p => extracted[p] = Extract(dates, _parts[p]));
            output.AddRange(extracted);
            if (keepSource) output.Add(column);
        }
        return new Frame(output);
    }

    static Column Extract(DateTimeColumn dates, string part)
    {
        var name = OutputName(dates.Name, part);
        var extract = DatePart.All[part];
        var values = dates.Values;
        var missing = dates.HasMissing ? dates.MissingMask.ToArray() : null;
        if (DatePart.IsFlag(part))
        {
            var flags = new bool[values.Length];
            for (var i = 0; i < flags.Length; i++) flags[i] = (missing is null || !missing[i]) && extract(values[i]) == 1;
            return new BoolColumn(name, flags, missing);
        }
        var numbers = new long[values.Length];
        for (var i = 0; i < numbers.Length; i++) if (missing is null || !missing[i]) numbers[i] = extract(values[i]);
        return new Int64Column(name, numbers, missing);
    }

    public override void Save(ModelWriter writer) => writer.Write("parts", _parts);

    public static DatetimeFeaturesModel Load(ModelReader reader)
    {
        var estimator = (DatetimeFeatures)reader.Estimator;
        var model = new DatetimeFeaturesModel(estimator, reader.Schema);
        var stored = reader.ReadStrings("parts");
        if (!stored.SequenceEqual(model._parts))
            throw new InvalidDataException($"model package: datetime-features recorded parts {string.Join(",", stored)} but its parameters give {estimator.Parts}");
        return model;
    }
}

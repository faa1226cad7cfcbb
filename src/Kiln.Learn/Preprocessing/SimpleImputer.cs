using System.Globalization;
using Kiln.Data;

namespace Kiln.Learn.Preprocessing;

/// <summary>
/// Fills missing values column by column with the mean, median, most frequent value or a constant
/// (scikit-learn's SimpleImputer). Numeric columns come out as float64, text columns stay text. A column with
/// no value at all at fit time is an error naming it, where scikit-learn would drop it with a warning.
/// </summary>
[Estimator("simple-imputer", EstimatorRole.Transformer, "Fill missing values with each column's mean, median, most frequent value or a constant",
    // text columns need strategy most-frequent or constant, so text input is not a capability of the defaults
    Capabilities = [Capability.AllowsMissing])]
public sealed record SimpleImputer : Estimator<SimpleImputerModel>
{
    internal const string Name = "simple-imputer";

    [Parameter("What to fill with: mean and median for numeric columns; most-frequent and constant also for text")]
    public ImputationStrategy Strategy { get; init; } = ImputationStrategy.Mean;

    [Parameter("The constant for strategy constant: a number for numeric columns (default 0), text for text columns (default missing_value)")]
    public string? FillValue { get; init; }

    [Parameter("Append a 0/1 column <col>_missing for every column that had missing values at fit time")]
    public bool AddIndicator { get; init; }

    protected override SimpleImputerModel FitCore(Frame features, Column? target, FitContext context)
    {
        var numberFills = new double[features.ColumnCount];
        var textFills = new string?[features.ColumnCount];
        var hadMissing = new bool[features.ColumnCount];
        var constant = Strategy == ImputationStrategy.Constant ? ConstantNumber() : 0;
        ColumnParallel.For(features.ColumnCount, j =>
        {
            var column = features[j];
            hadMissing[j] = column.MissingCount > 0;
            if (column is StringColumn text)
                textFills[j] = TextFill(text);
            else
                numberFills[j] = NumberFill(Numeric(column), constant);
        });
        var indicated = new List<int>();
        for (var j = 0; j < hadMissing.Length; j++)
            if (AddIndicator && hadMissing[j]) indicated.Add(j);
        return new SimpleImputerModel(this, InputSchema.Of(features), numberFills, textFills, [.. indicated]);
    }

    internal static Float64Column Numeric(Column column)
    {
        if (!column.Type.IsNumeric())
            throw new SchemaMismatchException($"{Name}: column '{column.Name}' is {column.Type.Name()}; it takes numeric and text columns");
        return column.AsFloat64();
    }

    double ConstantNumber()
    {
        if (FillValue is null) return 0;
        return double.TryParse(FillValue, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? number
            : throw new ArgumentException($"{Name}: parameter 'fill-value' must be a finite number to fill numeric columns, not '{FillValue}'", nameof(FillValue));
    }

    string TextFill(StringColumn column)
    {
        switch (Strategy)
        {
            case ImputationStrategy.Constant:
                return FillValue ?? "missing_value";
            case ImputationStrategy.MostFrequent:
                var levels = CategoryLevels.Fit(column, Name);
                if (levels.Count == 0) throw AllMissing(column);
                return levels.Text(levels.MostFrequent());
            default:
                throw new SchemaMismatchException(
                    $"{Name}: column '{column.Name}' is text, which strategy {Kebab.Of(Strategy.ToString())} cannot fill; use most-frequent or constant");
        }
    }

    double NumberFill(Float64Column column, double constant)
    {
        if (Strategy == ImputationStrategy.Constant) return constant;
        var (sum, count) = MissingValues.PresentSum(column.Values);
        if (count == 0) throw AllMissing(column);
        return Strategy switch
        {
            ImputationStrategy.Mean => sum / count,
            ImputationStrategy.Median => MissingValues.WithPresent(column.Values, count, (present, n) => Quantiles.Median(present.AsSpan(0, n))),
            _ => MostFrequentNumber(column),
        };
    }

    static double MostFrequentNumber(Float64Column column)
    {
        var levels = CategoryLevels.Fit(column, Name);
        return levels.Number(levels.MostFrequent());
    }

    ArgumentException AllMissing(Column column) =>
        new SchemaMismatchException(
            $"{Name}: column '{column.Name}' has no values at all, so strategy {Kebab.Of(Strategy.ToString())} has nothing to fill it from; drop the column or use strategy constant");
}

/// <summary>A fitted <see cref="SimpleImputer"/>: one fill value per column and the columns that get a missing indicator.</summary>
public sealed class SimpleImputerModel : TransformerModel
{
    readonly double[] _numberFills;
    readonly string?[] _textFills;
    readonly int[] _indicated;

    internal SimpleImputerModel(SimpleImputer estimator, InputSchema schema, double[] numberFills, string?[] textFills, int[] indicated)
        : base(estimator, schema)
    {
        _numberFills = numberFills;
        _textFills = textFills;
        _indicated = indicated;
        var names = new List<string>(Schema.Names);
        foreach (var j in indicated) names.Add(IndicatorName(Schema.Columns[j].Name));
        OutputNames = names;
    }

    public override IReadOnlyList<string> OutputNames { get; }

    /// <summary>The value each column's missing entries become: a double for numeric columns, a string for text ones.</summary>
    public object FillValue(string column)
    {
        var j = FittedColumns.IndexOf(Schema, column, SimpleImputer.Name);
        return _textFills[j] ?? (object)_numberFills[j];
    }

    static string IndicatorName(string column) => $"{column}_missing";

    protected override Frame TransformCore(Frame features)
    {
        var output = new Column[features.ColumnCount + _indicated.Length];
        ColumnParallel.For(output.Length, k =>
        {
            if (k >= features.ColumnCount)
            {
                var source = features[_indicated[k - features.ColumnCount]];
                output[k] = Indicator(source);
                return;
            }
            var column = features[k];
            output[k] = _textFills[k] is { } text
                ? FillText((StringColumn)column, text)
                : FillNumbers(SimpleImputer.Numeric(column), _numberFills[k]);
        });
        return new Frame(output);
    }

    static Float64Column FillNumbers(Float64Column column, double fill) =>
        column.MissingCount == 0 ? column : new Float64Column(column.Name, MissingValues.Fill(column.Values, fill));

    static StringColumn FillText(StringColumn column, string fill)
    {
        if (column.MissingCount == 0) return column;
        var categories = column.Categories;
        var fillCode = -1;
        for (var c = 0; c < categories.Count && fillCode < 0; c++)
            if (string.Equals(categories[c], fill, StringComparison.Ordinal)) fillCode = c;
        var dictionary = fillCode >= 0 ? [.. categories] : new List<string>(categories) { fill }.ToArray();
        if (fillCode < 0) fillCode = dictionary.Length - 1;
        var codes = column.Codes.ToArray();
        for (var i = 0; i < codes.Length; i++)
            if (codes[i] < 0) codes[i] = fillCode;
        return new StringColumn(column.Name, codes, dictionary);
    }

    static Float64Column Indicator(Column column)
    {
        var flags = new double[column.Length];
        for (var i = 0; i < flags.Length; i++) flags[i] = column.IsMissing(i) ? 1 : 0;
        return new Float64Column(IndicatorName(column.Name), flags);
    }

    public override void Save(ModelWriter writer)
    {
        writer.Write("number-fills", _numberFills);
        writer.Write("text-fills", _textFills);
        writer.Write("indicated", _indicated);
    }

    public static SimpleImputerModel Load(ModelReader reader)
    {
        var numberFills = reader.ReadDoubles("number-fills");
        var textFills = reader.ReadStrings("text-fills");
        var indicated = reader.ReadInt32s("indicated");
        var columns = reader.Schema.Columns.Count;
        if (numberFills.Length != columns || textFills.Length != columns)
            throw new InvalidDataException($"model package: {SimpleImputer.Name} holds fills for {numberFills.Length} columns but the schema has {columns}");
        foreach (var j in indicated)
            if (j < 0 || j >= columns) throw new InvalidDataException($"model package: {SimpleImputer.Name} indicates column {j} of {columns}");
        return new SimpleImputerModel((SimpleImputer)reader.Estimator, reader.Schema, numberFills, textFills, indicated);
    }
}

using Kiln.Data;

namespace Kiln.Learn.Preprocessing;

/// <summary>
/// Turns each categorical column (text, integer, bool) into one 0/1 float64 column per category, named
/// <c>city=Paris</c> in sorted category order, as scikit-learn's OneHotEncoder does. Missing values are a category
/// of their own (<c>city=&lt;NA&gt;</c>, last) unless handle-missing is error; rare categories can be grouped into
/// <c>city=infrequent</c> by min-frequency and max-categories, which follow scikit-learn's rules exactly.
/// </summary>
[Estimator("one-hot-encoder", EstimatorRole.Transformer, "Encode categorical columns as one 0/1 column per category",
    Capabilities = [Capability.AllowsMissing, Capability.TextInput])]
public sealed record OneHotEncoder : Estimator<OneHotEncoderModel>
{
    internal const string Name = "one-hot-encoder";

    [Parameter("What to do with a category not seen when fitting: error, ignore (all zeros) or infrequent-if-exist")]
    public UnknownCategoryHandling HandleUnknown { get; init; } = UnknownCategoryHandling.Error;

    [Parameter("Leave out no output, the first output of each column, or the first of columns with exactly two outputs")]
    public DropCategory Drop { get; init; } = DropCategory.None;

    [Parameter("Group categories seen in fewer rows than this into <col>=infrequent: a count when 1 or more, else a fraction of the rows",
        Min = 0, MinExclusive = true)]
    public double? MinFrequency { get; init; }

    [Parameter("At most this many outputs per column, counting the infrequent group; the rarest categories are grouped", Min = 1)]
    public int? MaxCategories { get; init; }

    [Parameter("Missing values: a category of their own, or an error")]
    public MissingCategoryHandling HandleMissing { get; init; } = MissingCategoryHandling.Category;

    protected override OneHotEncoderModel FitCore(Frame features, Column? target, FitContext context)
    {
        var levels = new CategoryLevels[features.ColumnCount];
        ColumnParallel.For(levels.Length, j =>
        {
            levels[j] = CategoryLevels.Fit(features[j], Name);
            if (HandleMissing == MissingCategoryHandling.Error && levels[j].MissingCount > 0)
                throw new SchemaMismatchException(
                    $"{Name}: column '{features[j].Name}' has {levels[j].MissingCount} missing values; fill them first or set handle-missing to category");
        });
        return new OneHotEncoderModel(this, InputSchema.Of(features), levels);
    }
}

/// <summary>A fitted <see cref="OneHotEncoder"/>: each column's categories and how they map onto output columns.</summary>
public sealed class OneHotEncoderModel : TransformerModel
{
    internal const string InfrequentLabel = "infrequent";
    readonly CategoryLevels[] _levels;
    readonly OneHotLayout[] _layouts;

    internal OneHotEncoderModel(OneHotEncoder estimator, InputSchema schema, CategoryLevels[] levels) : base(estimator, schema)
    {
        _levels = levels;
        _layouts = new OneHotLayout[levels.Length];
        var names = new List<string>();
        for (var j = 0; j < levels.Length; j++)
        {
            _layouts[j] = OneHotLayout.Of(levels[j], Schema.Columns[j].Name, estimator);
            names.AddRange(_layouts[j].Names);
        }
        OutputNames = names;
    }

    public override IReadOnlyList<string> OutputNames { get; }

    /// <summary>The categories of a column in output order before grouping and dropping, missing (<c>&lt;NA&gt;</c>) last if seen.</summary>
    public IReadOnlyList<string> Categories(string column)
    {
        var levels = _levels[IndexOf(column)];
        var labels = new List<string>(levels.Count + 1);
        for (var k = 0; k < levels.Count; k++) labels.Add(levels.Label(k));
        if (levels.MissingCount > 0) labels.Add(CategoryLevels.MissingLabel);
        return labels;
    }

    /// <summary>The categories of a column grouped as infrequent (empty when none are).</summary>
    public IReadOnlyList<string> InfrequentCategories(string column) => _layouts[IndexOf(column)].Infrequent;

    int IndexOf(string column) => FittedColumns.IndexOf(Schema, column, OneHotEncoder.Name);

    protected override Frame TransformCore(Frame features)
    {
        var estimator = (OneHotEncoder)Estimator;
        var targets = new int[features.ColumnCount][];
        ColumnParallel.For(targets.Length, j => targets[j] = _layouts[j].Targets(features[j], _levels[j], estimator));
        return new Frame(IndicatorColumns.Expand(targets, [.. _layouts.Select(l => (IReadOnlyList<string>)l.Names)]));
    }

    public override void Save(ModelWriter writer) => CategoryLevels.SaveAll(writer, "categories", _levels);

    public static OneHotEncoderModel Load(ModelReader reader) =>
        new((OneHotEncoder)reader.Estimator, reader.Schema, CategoryLevels.LoadAll(reader, "categories"));
}

/// <summary>Where one input column's categories land among its output columns, after infrequent grouping and dropping.</summary>
internal sealed class OneHotLayout
{
    const int None = -1;
    readonly int[] _levelOutputs;
    readonly int _missingOutput;
    readonly bool _missingSeen;
    readonly int _infrequentOutput;

    OneHotLayout(int[] levelOutputs, bool missingSeen, int missingOutput, int infrequentOutput, string[] names, string[] infrequent)
    {
        _levelOutputs = levelOutputs;
        _missingSeen = missingSeen;
        _missingOutput = missingOutput;
        _infrequentOutput = infrequentOutput;
        Names = names;
        Infrequent = infrequent;
    }

    public string[] Names { get; }
    public string[] Infrequent { get; }

    public static OneHotLayout Of(CategoryLevels levels, string column, OneHotEncoder estimator)
    {
        // categories as scikit-learn counts them: the levels, then missing as one more category when it was seen
        var missingSeen = levels.MissingCount > 0;
        var count = levels.Count + (missingSeen ? 1 : 0);
        var counts = new long[count];
        levels.Counts.CopyTo(counts);
        if (missingSeen) counts[^1] = levels.MissingCount;
        var infrequent = InfrequentMask(counts, estimator.MinFrequency, estimator.MaxCategories);

        // frequent categories keep their order; the infrequent group, if any, comes last
        var slots = new int[count];
        var labels = new List<string>();
        var grouped = new List<string>();
        for (var k = 0; k < count; k++)
        {
            var label = k < levels.Count ? levels.Label(k) : CategoryLevels.MissingLabel;
            if (infrequent[k]) { grouped.Add(label); continue; }
            slots[k] = labels.Count;
            labels.Add(label);
        }
        var infrequentSlot = None;
        if (grouped.Count > 0)
        {
            infrequentSlot = labels.Count;
            labels.Add(OneHotEncoderModel.InfrequentLabel);
            for (var k = 0; k < count; k++)
                if (infrequent[k]) slots[k] = infrequentSlot;
        }

        var dropped = estimator.Drop switch
        {
            DropCategory.First => 0,
            DropCategory.IfBinary when labels.Count == 2 => 0,
            _ => None,
        };
        int Renumber(int slot) => slot == dropped ? None : dropped != None && slot > dropped ? slot - 1 : slot;
        var levelOutputs = new int[levels.Count];
        for (var k = 0; k < levels.Count; k++) levelOutputs[k] = Renumber(slots[k]);
        var names = new List<string>();
        for (var s = 0; s < labels.Count; s++)
            if (s != dropped) names.Add($"{column}={labels[s]}");
        return new OneHotLayout(levelOutputs, missingSeen, missingSeen ? Renumber(slots[^1]) : None,
            infrequentSlot == None ? None : Renumber(infrequentSlot), [.. names], [.. grouped]);
    }

    /// <summary>scikit-learn's rule: below min-frequency is infrequent; beyond max-categories − 1, the rarest (earliest on ties) join them.</summary>
    static bool[] InfrequentMask(long[] counts, double? minFrequency, int? maxCategories)
    {
        var infrequent = new bool[counts.Length];
        long rows = 0;
        foreach (var c in counts) rows += c;
        var infrequentCount = 0;
        if (minFrequency is { } min)
        {
            var threshold = min >= 1 ? min : min * rows;
            for (var k = 0; k < counts.Length; k++)
                if (counts[k] < threshold) { infrequent[k] = true; infrequentCount++; }
        }
        if (maxCategories is not { } max || max >= counts.Length - infrequentCount + 1) return infrequent;
        var frequent = max - 1;
        var byCount = Enumerable.Range(0, counts.Length).OrderBy(k => counts[k]).ToArray(); // OrderBy is stable, like mergesort
        for (var r = 0; r < byCount.Length - frequent; r++) infrequent[byCount[r]] = true;
        return infrequent;
    }

    /// <summary>Each row's output position among this column's outputs, or −1 for none.</summary>
    public int[] Targets(Column column, CategoryLevels levels, OneHotEncoder estimator)
    {
        var targets = levels.Lookup(column);
        for (var i = 0; i < targets.Length; i++)
        {
            var level = targets[i];
            targets[i] = level >= 0 ? _levelOutputs[level] : Unseen(column, i, level, estimator);
        }
        return targets;
    }

    int Unseen(Column column, int row, int level, OneHotEncoder estimator)
    {
        if (level == CategoryLevels.Missing)
        {
            if (estimator.HandleMissing == MissingCategoryHandling.Error)
                throw new SchemaMismatchException(
                    $"{OneHotEncoder.Name}: column '{column.Name}' has a missing value at row {row}; fill it first or set handle-missing to category");
            if (_missingSeen) return _missingOutput;
        }
        return estimator.HandleUnknown switch
        {
            UnknownCategoryHandling.Ignore => None,
            UnknownCategoryHandling.InfrequentIfExist => _infrequentOutput,
            _ => throw new SchemaMismatchException(
                $"{OneHotEncoder.Name}: column '{column.Name}' holds '{column.Format(row)}' at row {row}, a category not seen when fitting; "
                + "set handle-unknown to ignore to encode it as all zeros"),
        };
    }
}

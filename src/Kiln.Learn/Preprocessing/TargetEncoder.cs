using Kiln.Data;

namespace Kiln.Learn.Preprocessing;

/// <summary>
/// Replaces each category by a shrunk estimate of the target's mean for it (scikit-learn 1.3's TargetEncoder):
/// the category's mean blended with the overall mean, by a fixed smoothing or the empirical-Bayes "auto" one.
/// Missing values are a category of their own; unseen categories get the overall mean. Multiclass targets give one
/// output per class, named <c>city_classA</c>.
/// <para>
/// <see cref="Estimator{TModel}.Fit"/> learns encodings from all rows, which is what <see cref="ITransformerModel.Transform"/>
/// applies to new data. Encoding the training rows with those same encodings leaks each row's own target into its
/// feature, so use <see cref="FitTransform"/> for the training rows: it returns the model together with out-of-fold
/// (cross-fitted) encodings of the training rows, each row encoded by a model fitted on the other folds. Pipelines and
/// column transformers do so themselves (<see cref="ICrossFittingEstimator"/>).
/// </para>
/// </summary>
[Estimator("target-encoder", EstimatorRole.Transformer, "Encode categorical columns by the (shrunk) mean target of each category",
    Capabilities = [Capability.RequiresTarget, Capability.Randomized, Capability.AllowsMissing, Capability.TextInput])]
public sealed record TargetEncoder : Estimator<TargetEncoderModel>, ICrossFittingEstimator
{
    internal const string Name = "target-encoder";

    [Parameter("Weight of the overall mean against each category's own mean; none picks it per category by empirical Bayes (scikit-learn's auto)", Min = 0)]
    public double? Smooth { get; init; }

    [Parameter("The kind of target: auto, continuous, binary or multiclass")]
    public TargetKind TargetType { get; init; } = TargetKind.Auto;

    [Parameter("Folds for the cross-fitted encoding of the training rows in fit-transform (stratified for classes)", Min = 2)]
    public int Cv { get; init; } = 5;

    [Parameter("Shuffle rows before cutting the folds of fit-transform")]
    public bool Shuffle { get; init; } = true;

    [Parameter("Seed of the fold shuffle")]
    public int Seed { get; init; }

    protected override TargetEncoderModel FitCore(Frame features, Column? target, FitContext context)
    {
        if (target is null) throw new ArgumentException($"{Name}: fitting needs a target column", nameof(target));
        var levels = new CategoryLevels[features.ColumnCount];
        ColumnParallel.For(levels.Length, j => levels[j] = CategoryLevels.Fit(features[j], Name));
        var (kind, classes) = Classes(target);
        var targets = TargetColumns(target, kind, classes);
        var rows = AllRows(target.Length);
        var encodings = new double[levels.Length][][];
        var means = new double[targets.Length];
        for (var c = 0; c < targets.Length; c++) means[c] = TargetEncoding.Moments(targets[c], rows).Mean;
        ColumnParallel.For(levels.Length, j =>
        {
            var slots = Slots(levels[j], features[j]);
            encodings[j] = new double[targets.Length][];
            for (var c = 0; c < targets.Length; c++)
            {
                var (mean, variance) = TargetEncoding.Moments(targets[c], rows);
                encodings[j][c] = TargetEncoding.Fit(slots, levels[j].Count + 1, targets[c], rows, Smooth, mean, variance);
                // with no missing values at fit, the missing slot means "unseen": the overall mean, as for unknown categories
                if (levels[j].MissingCount == 0) encodings[j][c][levels[j].Count] = mean;
            }
        });
        return new TargetEncoderModel(this, InputSchema.Of(features), kind, classes, levels, encodings, means);
    }

    /// <summary>
    /// Fits on all rows and encodes the same rows out of fold: the rows are cut into <see cref="Cv"/> folds (shuffled
    /// by <see cref="Seed"/>, stratified by class for class targets) and each fold is encoded by encodings learnt on the
    /// others. Use the frame for training the next step and the model for everything after.
    /// </summary>
    public (TargetEncoderModel Model, Frame Training) FitTransform(Frame features, Column target, FitContext? context = null)
    {
        var model = Fit(features, target, context);
        if (Cv > features.RowCount)
            throw new ArgumentException($"{Name}: parameter 'cv' ({Cv}) must not exceed the {features.RowCount} rows", nameof(Cv));
        var targets = TargetColumns(target, model.TargetType, model.ClassLevels);
        var folds = Folds(model.TargetType == TargetKind.Continuous ? null : targets, target.Length);
        var output = new double[features.ColumnCount * targets.Length][];
        ColumnParallel.For(features.ColumnCount, j =>
        {
            var levels = model.Levels[j];
            var slots = Slots(levels, features[j]);
            for (var c = 0; c < targets.Length; c++)
            {
                var encoded = output[j * targets.Length + c] = new double[target.Length];
                foreach (var (train, test) in folds)
                {
                    var (mean, variance) = TargetEncoding.Moments(targets[c], train);
                    var encodings = TargetEncoding.Fit(slots, levels.Count + 1, targets[c], train, Smooth, mean, variance);
                    foreach (var i in test) encoded[i] = encodings[slots[i]];
                }
            }
        });
        var columns = new Column[output.Length];
        for (var k = 0; k < columns.Length; k++) columns[k] = new Float64Column(model.OutputNames[k], output[k]);
        return (model, new Frame(columns));
    }

    (ITransformerModel Model, Frame Training) ICrossFittingEstimator.FitTransform(Frame features, Column? target, FitContext? context) =>
        FitTransform(features, target ?? throw new ArgumentException($"{Name} needs a target column to fit", nameof(target)), context);

    /// <summary>Each row's slot: its category, or the last slot for missing.</summary>
    internal static int[] Slots(CategoryLevels levels, Column column)
    {
        var slots = levels.Lookup(column);
        for (var i = 0; i < slots.Length; i++)
            if (slots[i] == CategoryLevels.Missing) slots[i] = levels.Count;
        return slots;
    }

    (TargetKind Kind, CategoryLevels? Classes) Classes(Column target)
    {
        if (target.MissingCount > 0)
            throw new SchemaMismatchException($"{Name}: the target '{target.Name}' has {target.MissingCount} missing values; drop those rows first");
        if (target.Type == DataType.DateTime)
            throw new SchemaMismatchException($"{Name}: the target '{target.Name}' is datetime; it takes a numeric, bool or text target");
        if (TargetType == TargetKind.Continuous) return Continuous(target);
        var classes = CategoryLevels.Fit(target, Name);
        var kind = TargetType;
        if (kind == TargetKind.Auto)
        {
            var wholeNumbers = true;
            for (var k = 0; k < classes.Count && !classes.IsText; k++) wholeNumbers &= classes.Number(k) == Math.Floor(classes.Number(k));
            if (target.Type == DataType.Float64 && !(classes.Count <= 2 && wholeNumbers)) return Continuous(target);
            kind = classes.Count <= 2 ? TargetKind.Binary : TargetKind.Multiclass;
        }
        if (kind == TargetKind.Binary && classes.Count != 2)
            throw new SchemaMismatchException($"{Name}: target-type binary needs two classes but the target '{target.Name}' has {classes.Count}");
        if (kind == TargetKind.Multiclass && classes.Count < 3)
            throw new SchemaMismatchException($"{Name}: target-type multiclass needs three or more classes but the target '{target.Name}' has {classes.Count}");
        return (kind, classes);
    }

    static (TargetKind Kind, CategoryLevels? Classes) Continuous(Column target)
    {
        if (target is StringColumn)
            throw new SchemaMismatchException($"{Name}: the target '{target.Name}' is text, so it cannot be continuous");
        InputValues.RequireFinite(target.AsFloat64(), Name, allowMissing: false);
        return (TargetKind.Continuous, null);
    }

    /// <summary>The numeric targets encodings average: the value itself, the second class's 0/1 indicator, or one indicator per class.</summary>
    internal static double[][] TargetColumns(Column target, TargetKind kind, CategoryLevels? classes)
    {
        if (kind == TargetKind.Continuous) return [target.AsFloat64().Values.ToArray()];
        var labels = classes!.Lookup(target);
        var columns = kind == TargetKind.Binary ? 1 : classes.Count;
        var indicators = new double[columns][];
        for (var c = 0; c < columns; c++)
        {
            var positive = kind == TargetKind.Binary ? 1 : c;
            indicators[c] = new double[labels.Length];
            for (var i = 0; i < labels.Length; i++)
            {
                if (labels[i] < 0) throw new SchemaMismatchException($"target-encoder: the target '{target.Name}' holds a class not seen when fitting at row {i}");
                indicators[c][i] = labels[i] == positive ? 1 : 0;
            }
        }
        return indicators;
    }

    static int[] AllRows(int count)
    {
        var rows = new int[count];
        for (var i = 0; i < count; i++) rows[i] = i;
        return rows;
    }

    /// <summary>
    /// Train and test rows of each fold. Rows are shuffled by the seed, then dealt to folds: in contiguous runs
    /// (the first n mod k folds one row longer) for a continuous target, or class by class in turn for class targets,
    /// so that every fold holds each class in about its overall share.
    /// </summary>
    List<(int[] Train, int[] Test)> Folds(double[][]? classIndicators, int count)
    {
        var order = AllRows(count);
        if (Shuffle) new Random(Seed).Shuffle(order);
        var fold = new int[count];
        if (classIndicators is null)
        {
            for (int f = 0, start = 0; f < Cv; f++)
            {
                var size = count / Cv + (f < count % Cv ? 1 : 0);
                for (var r = start; r < start + size; r++) fold[order[r]] = f;
                start += size;
            }
        }
        else
        {
            var dealt = 0;
            var classCount = classIndicators.Length == 1 ? 2 : classIndicators.Length;
            for (var c = 0; c < classCount; c++)
                foreach (var i in order)
                    if (ClassOf(classIndicators, i) == c) fold[i] = dealt++ % Cv;
        }
        var folds = new List<(int[] Train, int[] Test)>(Cv);
        for (var f = 0; f < Cv; f++)
        {
            var train = new List<int>(count);
            var test = new List<int>(count / Cv + 1);
            for (var i = 0; i < count; i++) (fold[i] == f ? test : train).Add(i);
            folds.Add(([.. train], [.. test]));
        }
        return folds;
    }

    static int ClassOf(double[][] indicators, int row)
    {
        if (indicators.Length == 1) return (int)indicators[0][row];
        for (var c = 0; c < indicators.Length; c++)
            if (indicators[c][row] == 1) return c;
        return -1;
    }
}

/// <summary>A fitted <see cref="TargetEncoder"/>: each column's categories and their encodings, learnt on all rows.</summary>
public sealed class TargetEncoderModel : TransformerModel
{
    readonly double[][][] _encodings;
    readonly double[] _means;

    internal TargetEncoderModel(TargetEncoder estimator, InputSchema schema, TargetKind kind, CategoryLevels? classes,
        CategoryLevels[] levels, double[][][] encodings, double[] means) : base(estimator, schema)
    {
        TargetType = kind;
        ClassLevels = classes;
        Levels = levels;
        _encodings = encodings;
        _means = means;
        var names = new List<string>();
        foreach (var column in Schema.Names)
        {
            if (kind != TargetKind.Multiclass) names.Add(column);
            else for (var c = 0; c < classes!.Count; c++) names.Add($"{column}_{classes.Label(c)}");
        }
        OutputNames = names;
    }

    /// <summary>The kind of target the encodings were learnt for (never <see cref="TargetKind.Auto"/>).</summary>
    public TargetKind TargetType { get; }

    /// <summary>The target's classes in sorted order (empty for a continuous target); binary encodings give the rate of the second.</summary>
    public IReadOnlyList<string> Classes => ClassLevels is null ? [] : [.. Enumerable.Range(0, ClassLevels.Count).Select(ClassLevels.Label)];

    /// <summary>The overall target mean (one per class for multiclass), which unseen categories are encoded as.</summary>
    public IReadOnlyList<double> TargetMeans => _means;

    internal CategoryLevels? ClassLevels { get; }
    internal CategoryLevels[] Levels { get; }

    public override IReadOnlyList<string> OutputNames { get; }

    protected override Frame TransformCore(Frame features)
    {
        var perColumn = _means.Length;
        var output = new Column[features.ColumnCount * perColumn];
        ColumnParallel.For(features.ColumnCount, j =>
        {
            var levels = Levels[j].Lookup(features[j]);
            for (var c = 0; c < perColumn; c++)
            {
                var encodings = _encodings[j][c];
                var values = new double[levels.Length];
                for (var i = 0; i < values.Length; i++)
                {
                    var level = levels[i];
                    values[i] = level >= 0 ? encodings[level] : level == CategoryLevels.Missing ? encodings[^1] : _means[c];
                }
                output[j * perColumn + c] = new Float64Column(OutputNames[j * perColumn + c], values);
            }
        });
        return new Frame(output);
    }

    public override void Save(ModelWriter writer)
    {
        writer.Write("target-type", Kebab.Of(TargetType.ToString()));
        if (ClassLevels is not null) ClassLevels.Save(writer.Section("classes"));
        CategoryLevels.SaveAll(writer, "categories", Levels);
        writer.Write("target-means", _means);
        writer.Write("encodings", [.. _encodings.SelectMany(perClass => perClass.SelectMany(e => e))]);
    }

    public static TargetEncoderModel Load(ModelReader reader)
    {
        var kind = reader.ReadString("target-type") switch
        {
            "continuous" => TargetKind.Continuous,
            "binary" => TargetKind.Binary,
            "multiclass" => TargetKind.Multiclass,
            var other => throw new InvalidDataException($"model package: {TargetEncoder.Name} target type '{other}' is not known"),
        };
        var classes = kind == TargetKind.Continuous ? null : CategoryLevels.Load(reader.Section("classes"));
        var levels = CategoryLevels.LoadAll(reader, "categories");
        var means = reader.ReadDoubles("target-means");
        var flat = reader.ReadDoubles("encodings");
        var expectedMeans = kind == TargetKind.Multiclass ? classes!.Count : 1;
        if (means.Length != expectedMeans || flat.Length != levels.Sum(l => (l.Count + 1) * expectedMeans))
            throw new InvalidDataException($"model package: {TargetEncoder.Name} encodings do not match its categories and classes");
        var encodings = new double[levels.Length][][];
        var offset = 0;
        for (var j = 0; j < levels.Length; j++)
        {
            encodings[j] = new double[expectedMeans][];
            for (var c = 0; c < expectedMeans; c++, offset += levels[j].Count + 1)
                encodings[j][c] = flat[offset..(offset + levels[j].Count + 1)];
        }
        return new TargetEncoderModel((TargetEncoder)reader.Estimator, reader.Schema, kind, classes, levels, encodings, means);
    }
}

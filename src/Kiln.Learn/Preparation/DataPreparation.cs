using Kiln.Data;
using Kiln.Learn.Cleaning;
using Kiln.Learn.Compose;
using Kiln.Learn.Features;
using Kiln.Learn.ModelSelection;
using Kiln.Learn.Preprocessing;

namespace Kiln.Learn.Preparation;

/// <summary>
/// The workbook's "Data Preprocessing Pipeline" in one call: check the table, convert messy text, drop duplicate rows,
/// split before anything is learnt (so no statistic leaks from validation or test rows), drop training outliers,
/// then fit one pipeline — type conversion, derived features, date parts, imputation, scaling, one-hot encoding —
/// on the training rows only and apply it to every split.
/// </summary>
public static class DataPreparation
{
    const int MaxClasses = 20;
    const int DiscreteValues = 10;

    public static PreparationResult Run(Frame input, string source, PreparationOptions options,
        IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        options.Split.Check();
        var target = input[options.Target];
        CheckColumns(input, source);

        progress?.Report("checking missing values and duplicates");
        var missingBefore = input.Columns.Where(c => c.MissingCount > 0)
            .Select(c => new ColumnMissing(c.Name, c.MissingCount, (double)c.MissingCount / input.RowCount)).ToList();
        var labelled = target.MissingCount > 0 ? input.Filter(target.PresentFlags()) : input;
        var deduplicated = labelled.DropDuplicates();
        var task = TaskOf(deduplicated[options.Target]);
        CheckTarget(deduplicated[options.Target], source, task, options);
        cancellationToken.ThrowIfCancellationRequested();

        progress?.Report("splitting");
        var split = options.Stratify
            ? DataSplit.Stratified(deduplicated, options.Target, options.Split, options.Seed)
            : DataSplit.Random(deduplicated, options.Split, options.Seed);
        var train = split.Train;

        progress?.Report("learning column types from the training rows");
        var converter = new TypeConverter().Fit(train.Drop(options.Target));
        var converted = converter.Transform(train.Drop(options.Target));
        var derived = options.Derive.Count == 0 ? null : new DerivedFeatures { Expressions = string.Join(';', options.Derive) };
        if (derived is not null) converted = derived.Fit(converted).Transform(converted);

        var columns = FeatureColumns.Of(converted, options.MaxCategories);
        if (columns.IsEmpty)
            throw new DataFormatException(source, null, null, "no feature columns are left to prepare");
        cancellationToken.ThrowIfCancellationRequested();

        RowFilterResult? outliers = null;
        OutlierRemoverModel? outlierModel = null;
        var continuous = columns.Numeric.Where(n => IsContinuous(converted[n])).ToArray();
        if (options.DropOutliers is { } method && continuous.Length > 0)
        {
            progress?.Report("finding outliers in the training rows");
            var numbers = converted.Select(continuous);
            outlierModel = new OutlierRemover { Method = method }.Fit(numbers);
            outliers = outlierModel.FilterRows(numbers);
            train = outliers.Apply(train);
        }

        progress?.Report("fitting the preprocessing pipeline on the training rows");
        var pipeline = new Pipeline(DefaultPreprocessing.Steps(columns, options.Impute, scale: true, derived));
        var model = pipeline.Fit(train.Drop(options.Target), train[options.Target],
            new FitContext { Cancellation = cancellationToken });

        progress?.Report("transforming the splits");
        return new PreparationResult(source, options, task, input.RowCount, missingBefore,
            input.RowCount - labelled.RowCount, labelled.RowCount - deduplicated.RowCount,
            ((TypeConverterModel)model.Steps[0].Model).Conversions, columns.Dropped,
            columns.Numeric, columns.Text, columns.Dates, outliers, outlierModel, model,
            Prepare("train", train, model, options.Target, task),
            Prepare("validation", split.Validation, model, options.Target, task),
            Prepare("test", split.Test, model, options.Target, task));
    }

    static PreparedSplit Prepare(string name, Frame raw, PipelineModel model, string target, string task)
    {
        var prepared = raw.RowCount == 0
            ? new Frame(model.OutputNames.Select(n => (Column)new Float64Column(n, [])).Append(raw[target]))
            : model.Transform(raw.Drop(target)).WithColumn(raw[target]);
        return new PreparedSplit(name, raw, prepared, task == "classification" ? ClassCounts(raw[target]) : []);
    }

    static List<ValueCount> ClassCounts(Column target)
    {
        var counts = new Frame(target).ValueCounts(target.Name);
        var present = target.Length - target.MissingCount;
        return [.. Enumerable.Range(0, counts.RowCount).Select(i =>
            new ValueCount(counts[0].Format(i), (int)((Int64Column)counts[1])[i], present == 0 ? 0 : (double)((Int64Column)counts[1])[i] / present))];
    }

    static string TaskOf(Column target)
    {
        if (target.Type is DataType.String or DataType.Bool) return "classification";
        var distinct = new Frame(target).ValueCounts(target.Name).RowCount;
        return target.Type == DataType.Int64 && distinct <= MaxClasses ? "classification" : "regression";
    }

    static void CheckColumns(Frame input, string source)
    {
        if (input.RowCount == 0) throw new DataFormatException(source, null, null, "the table has no rows");
        foreach (var column in input.Columns)
            if (column.MissingCount == column.Length)
                throw new DataFormatException(source, null, column.Name,
                    $"has no values (all {column.Length} rows missing); drop the column before preparing");
    }

    static void CheckTarget(Column target, string source, string task, PreparationOptions options)
    {
        if (task != "classification")
        {
            if (options.Stratify)
                throw new ArgumentException($"--stratify needs a class target, but '{target.Name}' looks continuous (a regression target)");
            return;
        }
        var classes = ClassCounts(target);
        if (classes.Count < 2)
            throw new DataFormatException(source, null, target.Name,
                $"the target has a single class ('{classes.FirstOrDefault()?.Value}'): there is nothing to predict");
    }

    /// <summary>Outlier rules only make sense for measurements: flags, codes and counts with few values are left alone.</summary>
    static bool IsContinuous(Column column) =>
        column.Type != DataType.Bool && new Frame(column).ValueCounts(column.Name).RowCount > DiscreteValues;
}

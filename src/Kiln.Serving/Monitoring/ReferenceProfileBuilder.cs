using Kiln.Data;

namespace Kiln.Serving.Monitoring;

/// <summary>Builds a <see cref="ReferenceProfile"/> from the training rows and the model's predictions on them.</summary>
public static class ReferenceProfileBuilder
{
    /// <summary>How many values of each numeric feature are kept for the Kolmogorov–Smirnov test.</summary>
    public const int DefaultSampleSize = 2000;

    static readonly double[] Deciles = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

    /// <param name="features">The input columns as the model takes them (the target left out); date columns are skipped.</param>
    /// <param name="predictions">The model's predictions on the same rows.</param>
    /// <param name="labels">The true target values, when known.</param>
    public static ReferenceProfile Build(Frame features, Column predictions, Column? labels, string target, string task,
        string? fingerprint = null, long seed = 0, int sampleSize = DefaultSampleSize)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(predictions);
        if (task is not (ReferenceProfile.Classification or ReferenceProfile.Regression))
            throw new ArgumentException($"task '{task}' is neither '{ReferenceProfile.Classification}' nor '{ReferenceProfile.Regression}'", nameof(task));
        if (predictions.Length != features.RowCount)
            throw new ArgumentException($"there are {predictions.Length} predictions for {features.RowCount} rows", nameof(predictions));
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleSize, 1);
        var random = new Random(unchecked((int)seed));
        var profiles = features.Columns.Where(c => c.Type != DataType.DateTime)
            .Select(c => Describe(c, c.Type.IsNumber() ? FeatureKind.Numeric : FeatureKind.Categorical, random, sampleSize)).ToList();
        var outputKind = task == ReferenceProfile.Classification ? FeatureKind.Categorical : FeatureKind.Numeric;
        return new ReferenceProfile(target, task, fingerprint, DateTimeOffset.UtcNow, profiles,
            Describe(predictions.Rename("prediction"), outputKind, random, sampleSize),
            labels is null ? null : Describe(labels.Rename(target), outputKind, random, sampleSize),
            labels is not null && outputKind == FeatureKind.Categorical ? Agreement(predictions, labels) : null);
    }

    static double? Agreement(Column predictions, Column labels)
    {
        if (labels.Length != predictions.Length) throw new ArgumentException($"there are {labels.Length} labels for {predictions.Length} predictions", nameof(labels));
        long right = 0, known = 0;
        for (var row = 0; row < labels.Length; row++)
        {
            if (FeatureValues.Category(labels.GetValue(row)) is not { } label) continue;
            known++;
            if (label == FeatureValues.Category(predictions.GetValue(row))) right++;
        }
        return known == 0 ? null : (double)right / known;
    }

    /// <summary>The reference of one column read as <paramref name="kind"/>.</summary>
    public static FeatureReference Describe(Column column, FeatureKind kind, Random random, int sampleSize = DefaultSampleSize)
    {
        ArgumentNullException.ThrowIfNull(column);
        return kind == FeatureKind.Numeric ? Numeric(column, random, sampleSize) : Categorical(column);
    }

    static FeatureReference Numeric(Column column, Random random, int sampleSize)
    {
        if (!column.Type.IsNumeric())
            throw new ArgumentException($"column '{column.Name}' holds {column.Type.Name()} values, not numbers, so it cannot be profiled as numeric");
        var numbers = column.AsFloat64();
        var present = new List<double>(numbers.Length);
        for (var row = 0; row < numbers.Length; row++)
            if (!numbers.IsMissing(row) && double.IsFinite(numbers.Values[row])) present.Add(numbers.Values[row]);
        var missing = column.Length - present.Count;
        if (present.Count == 0) return new FeatureReference(column.Name, FeatureKind.Numeric, column.Length, missing, [], [0], []);
        var values = present.ToArray();
        var deciles = new double[Deciles.Length];
        Quantiles.Linear(values.AsSpan(), Deciles, deciles);
        var edges = deciles.Distinct().ToArray();
        var reference = new FeatureReference(column.Name, FeatureKind.Numeric, column.Length, missing, edges, new long[edges.Length + 1]);
        foreach (var value in present) reference.Counts![reference.BinOf(value)]++;
        return reference with { Sample = SampleOf(present, random, sampleSize) };
    }

    static double[] SampleOf(List<double> values, Random random, int size)
    {
        if (values.Count <= size) return [.. values];
        // reservoir sampling: every value equally likely to be kept, in one pass
        var sample = values.GetRange(0, size).ToArray();
        for (var i = size; i < values.Count; i++)
        {
            var slot = random.Next(i + 1);
            if (slot < size) sample[slot] = values[i];
        }
        return sample;
    }

    static FeatureReference Categorical(Column column)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        long missing = 0;
        for (var row = 0; row < column.Length; row++)
        {
            if (column.IsMissing(row) || FeatureValues.Category(column.GetValue(row)) is not { } category)
            {
                missing++;
                continue;
            }
            counts[category] = counts.GetValueOrDefault(category) + 1;
        }
        return new FeatureReference(column.Name, FeatureKind.Categorical, column.Length, missing, Categories: counts);
    }
}

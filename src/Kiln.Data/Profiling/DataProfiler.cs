namespace Kiln.Data;

/// <summary>Computes a <see cref="DataProfile"/> from the frame's own describe, value counts, duplicates and correlations.</summary>
internal static class DataProfiler
{
    const int TopValueCount = 10;
    const double MostlyMissing = 0.5;
    const double StrongCorrelation = 0.9;
    const int MaxClasses = 20;

    public static DataProfile Profile(Frame frame, string source, string? target, int histogramBins)
    {
        if (target is not null) frame.IndexOf(target);
        if (histogramBins < 1)
            throw new ArgumentOutOfRangeException(nameof(histogramBins), histogramBins, "a histogram needs at least one bin");

        var description = frame.Describe([.. frame.ColumnNames]);
        var columns = new ColumnProfile[frame.ColumnCount];
        Parallel.For(0, frame.ColumnCount, i => columns[i] = ProfileColumn(frame, frame[i], description[frame[i].Name], histogramBins));

        var duplicates = frame.RowCount - frame.DropDuplicates().RowCount;
        var (correlationFrame, encodedTarget) = WithEncodedTarget(frame, target);
        var correlations = correlationFrame.Correlation();
        var table = new CorrelationTable(correlations.Names,
            [.. Enumerable.Range(0, correlations.Size).Select(i => (IReadOnlyList<double>)[.. Enumerable.Range(0, correlations.Size).Select(j => correlations[i, j])])]);
        var targetProfile = target is null ? null : ProfileTarget(frame, target, columns.Single(c => c.Name == target), table, encodedTarget);
        var missingCells = columns.Sum(c => c.Missing);
        var warnings = Warnings(frame.RowCount, columns, duplicates, table, targetProfile);
        return new DataProfile(source, frame.RowCount, frame.ColumnCount, frame.MemoryBytes, missingCells, duplicates,
            columns, table, targetProfile, warnings);
    }

    static ColumnProfile ProfileColumn(Frame frame, Column column, ColumnSummary summary, int histogramBins)
    {
        var present = column.Length - column.MissingCount;
        var counts = frame.ValueCounts(column.Name);
        var values = counts[0];
        var frequencies = (Int64Column)counts[1];
        var top = new List<ValueCount>();
        for (var i = 0; i < Math.Min(TopValueCount, counts.RowCount); i++)
            top.Add(new ValueCount(values.Format(i), (int)frequencies[i], Share(frequencies[i], present)));
        var profile = new ColumnProfile(column.Name, column.Type.Name(), column.MissingCount, Share(column.MissingCount, column.Length), counts.RowCount)
        {
            TopValues = top,
            IdentifierReason = IdentifierRule.Reason(column, counts.RowCount, column.Length),
        };
        if (!summary.IsNumeric || present == 0) return profile;

        var numbers = column.AsFloat64().Values;
        double mean = summary.Mean!.Value, std = summary.Std ?? double.NaN;
        double lower = summary.LowerQuartile!.Value, upper = summary.UpperQuartile!.Value, reach = 1.5 * (upper - lower);
        int byIqr = 0, byZScore = 0;
        double squares = 0, cubes = 0;
        foreach (var x in numbers)
        {
            if (double.IsNaN(x)) continue;
            if (x < lower - reach || x > upper + reach) byIqr++;
            if (std > 0 && Math.Abs(x - mean) > 3 * std) byZScore++;
            var deviation = x - mean;
            squares += deviation * deviation;
            cubes += deviation * deviation * deviation;
        }
        var bins = HistogramBins.Compute(numbers, histogramBins);
        return profile with
        {
            Mean = mean,
            Std = summary.Std,
            Min = summary.Min,
            LowerQuartile = lower,
            Median = summary.Median,
            UpperQuartile = upper,
            Max = summary.Max,
            Skewness = Skewness(present, squares, cubes),
            OutliersByIqr = byIqr,
            OutliersByZScore = byZScore,
            Histogram = new Histogram(bins.Edges, bins.Counts),
        };
    }

    /// <summary>pandas' skew: the adjusted Fisher–Pearson coefficient, undefined below three values or with no spread.</summary>
    static double? Skewness(int n, double squares, double cubes)
    {
        if (n < 3 || squares == 0) return null;
        double m2 = squares / n, m3 = cubes / n;
        return Math.Sqrt((double)n * (n - 1)) / (n - 2) * m3 / Math.Pow(m2, 1.5);
    }

    /// <summary>A two-class text target joins the correlations as 0/1 for its minority class (Churn=Yes), so its links to features show.</summary>
    static (Frame Frame, string? EncodedName) WithEncodedTarget(Frame frame, string? target)
    {
        if (target is null || frame[target] is not StringColumn text) return (frame, null);
        var counts = frame.ValueCounts(target);
        if (counts.RowCount != 2) return (frame, null);
        var positive = counts[0].Format(1);
        var encoded = new double[text.Length];
        for (var i = 0; i < encoded.Length; i++)
            encoded[i] = text.IsMissing(i) ? double.NaN : text[i] == positive ? 1 : 0;
        var name = $"{target}={positive}";
        return (frame.WithColumn(new Float64Column(name, encoded)), name);
    }

    static TargetProfile ProfileTarget(Frame frame, string target, ColumnProfile column, CorrelationTable correlations, string? encodedName)
    {
        var numeric = column.Mean is not null;
        var isClassification = !numeric || column.Unique <= MaxClasses && frame[target].Type != DataType.Float64 || column.Unique <= 2;
        var correlationName = encodedName ?? (correlations.Names.Contains(target) ? target : null);
        var featureCorrelations = correlationName is null
            ? []
            : correlations.Names.Where(n => n != correlationName && n != target)
                .Select(n => new FeatureCorrelation(n, correlations[n, correlationName]))
                .Where(f => !double.IsNaN(f.Correlation))
                .OrderByDescending(f => Math.Abs(f.Correlation)).ToList();
        if (!isClassification)
            return new TargetProfile(target, "regression") { Correlations = featureCorrelations };

        var classes = frame.ValueCounts(target);
        var counts = (Int64Column)classes[1];
        var present = frame.RowCount - frame[target].MissingCount;
        var list = Enumerable.Range(0, classes.RowCount)
            .Select(i => new ValueCount(classes[0].Format(i), (int)counts[i], Share(counts[i], present))).ToList();
        return new TargetProfile(target, "classification")
        {
            Classes = list,
            ImbalanceRatio = list.Count > 0 ? (double)list[0].Count / list[^1].Count : null,
            Correlations = featureCorrelations,
        };
    }

    static List<string> Warnings(int rows, IReadOnlyList<ColumnProfile> columns, int duplicates, CorrelationTable correlations, TargetProfile? target)
    {
        var warnings = new List<string>();
        foreach (var c in columns)
        {
            if (c.Missing > 0)
                warnings.Add(c.MissingShare >= MostlyMissing
                    ? $"'{c.Name}' is mostly missing: {c.Missing} of {rows} values ({c.MissingShare * 100:F1}%); consider dropping it or flagging missingness"
                    : $"'{c.Name}' has {c.Missing} missing values ({c.MissingShare * 100:F1}%); impute or drop them before training");
            if (rows > 1 && c.Unique == 1)
                warnings.Add($"'{c.Name}' holds a single value: it carries no information");
            else if (c.IdentifierReason is { } reason)
                warnings.Add($"'{c.Name}' has {reason}");
            else if (c.Type == "string" && c.Unique > 50 && c.Unique > (rows - c.Missing) / 2)
                warnings.Add($"'{c.Name}' is text with {c.Unique} distinct values in {rows - c.Missing} rows: too many to one-hot encode");
            if (c.OutliersByIqr is > 0 && c.OutliersByIqr > rows / 20)
                warnings.Add($"'{c.Name}' has {c.OutliersByIqr} outliers beyond 1.5 IQR ({100.0 * c.OutliersByIqr / rows:F1}%); skewness {c.Skewness:F2}");
        }
        if (duplicates > 0) warnings.Add($"{duplicates} rows repeat an earlier row exactly");
        for (var i = 0; i < correlations.Names.Count; i++)
            for (var j = i + 1; j < correlations.Names.Count; j++)
                if (Math.Abs(correlations.Values[i][j]) >= StrongCorrelation)
                    warnings.Add($"'{correlations.Names[i]}' and '{correlations.Names[j]}' are strongly correlated (r = {correlations.Values[i][j]:F2})");
        if (target is { ImbalanceRatio: > 3 } t)
            warnings.Add($"the target '{t.Column}' is imbalanced: '{t.Classes[0].Value}' is {t.ImbalanceRatio:F1}× as common as '{t.Classes[^1].Value}'; stratify splits and weigh classes");
        return warnings;
    }

    static double Share(long part, long whole) => whole == 0 ? 0 : (double)part / whole;
}

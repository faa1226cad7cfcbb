using Kiln.Data;

namespace Kiln.Learn.ModelSelection;

/// <summary>
/// Train/test and train/validation/test splits of a frame (scikit-learn's train_test_split, extended to three
/// parts and to grouped and time-ordered splits). Sizes follow <see cref="SplitFractions.Rows"/>; every random
/// choice is seeded, so the same frame, fractions and seed give the same split.
/// </summary>
public static class DataSplit
{
    /// <summary>Splits by <paramref name="mode"/>; <paramref name="column"/> is the target, group or time column the mode needs.</summary>
    public static SplitResult Apply(Frame frame, SplitFractions fractions, SplitMode mode, string? column = null, long seed = 0) => mode switch
    {
        SplitMode.Random => Random(frame, fractions, seed),
        SplitMode.Stratified => Stratified(frame, Required(column, mode), fractions, seed),
        SplitMode.Grouped => Grouped(frame, Required(column, mode), fractions, seed),
        SplitMode.ByTime => ByTime(frame, Required(column, mode), fractions),
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, $"mode must be one of {string.Join(", ", Enum.GetNames<SplitMode>())}"),
    };

    /// <summary>Shuffled rows: the first go to test, the next to validation, the rest to training; each part in shuffled order.</summary>
    public static SplitResult Random(Frame frame, SplitFractions fractions, long seed = 0)
    {
        var (train, validation, test) = Sizes(frame, fractions);
        var order = SplitChecks.Range(frame.RowCount);
        new RandomArrays(seed).Shuffle<int>(order);
        return SplitResult.Of(frame, order[(test + validation)..], order[test..(test + validation)], order[..test]);
    }

    /// <summary>
    /// Shuffled rows, every part holding each class of <paramref name="target"/> in proportion: a class's rows in
    /// a part are the floor or ceiling of its exact share. Each class needs a row for every non-empty part.
    /// </summary>
    public static SplitResult Stratified(Frame frame, string target, SplitFractions fractions, long seed = 0)
    {
        var sizes = Sizes(frame, fractions);
        var labels = ClassLabels.Of(Column(frame, target, nameof(target)), nameof(target)).Sorted();
        var parts = fractions.Validation > 0 ? 3 : 2;
        for (var c = 0; c < labels.Count; c++)
            if (labels.Counts[c] < parts)
                throw new ArgumentException(
                    $"class '{labels.Name(c)}' of '{target}' has {labels.Counts[c]} row{(labels.Counts[c] == 1 ? "" : "s")}; a stratified split into {parts} parts needs at least {parts} rows of every class",
                    nameof(target));
        var cells = StratifiedCounts.Apportion(labels.Counts, [sizes.Train, sizes.Validation, sizes.Test]);
        var random = new RandomArrays(seed);
        var rowsByClass = labels.RowsByClass();
        List<int> train = new(sizes.Train), validation = new(sizes.Validation), test = new(sizes.Test);
        for (var c = 0; c < labels.Count; c++)
        {
            var rows = rowsByClass[c];
            random.Shuffle<int>(rows);
            train.AddRange(rows.AsSpan(0, cells[c][0]));
            validation.AddRange(rows.AsSpan(cells[c][0], cells[c][1]));
            test.AddRange(rows.AsSpan(cells[c][0] + cells[c][1], cells[c][2]));
        }
        int[] trainRows = [.. train], validationRows = [.. validation], testRows = [.. test];
        random.Shuffle<int>(trainRows);
        random.Shuffle<int>(validationRows);
        random.Shuffle<int>(testRows);
        return SplitResult.Of(frame, trainRows, validationRows, testRows);
    }

    /// <summary>
    /// Whole groups of <paramref name="groups"/> in shuffled order, each going to the part its middle row falls in,
    /// so no group is in two parts and sizes come as close to the fractions as whole groups allow. Rows keep their order.
    /// </summary>
    public static SplitResult Grouped(Frame frame, string groups, SplitFractions fractions, long seed = 0)
    {
        var (trainSize, validationSize, _) = Sizes(frame, fractions);
        var labels = ClassLabels.Of(Column(frame, groups, nameof(groups)), nameof(groups)).Sorted();
        var parts = fractions.Validation > 0 ? 3 : 2;
        if (labels.Count < parts)
            throw new ArgumentException($"'{groups}' has {labels.Count} group{(labels.Count == 1 ? "" : "s")}; a grouped split into {parts} parts needs at least {parts}", nameof(groups));
        var order = SplitChecks.Range(labels.Count);
        new RandomArrays(seed).Shuffle<int>(order);
        var partOfGroup = new int[labels.Count];
        var rowsInPart = new int[3];
        long before = 0;
        foreach (var group in order)
        {
            // doubled to compare the group's middle row with the boundaries in whole numbers
            var middle = 2 * before + labels.Counts[group];
            var part = middle < 2L * trainSize ? 0 : middle < 2L * (trainSize + validationSize) ? 1 : 2;
            partOfGroup[group] = part;
            rowsInPart[part] += labels.Counts[group];
            before += labels.Counts[group];
        }
        string[] names = ["training", "validation", "test"];
        for (var part = 0; part < 3; part++)
            if (rowsInPart[part] == 0 && (part != 1 || parts == 3))
                throw new ArgumentException(
                    $"grouping by '{groups}' leaves the {names[part]} part empty: its {labels.Count} groups are too few or too large for these fractions", nameof(groups));
        var rows = new List<int>[3];
        for (var part = 0; part < 3; part++) rows[part] = new List<int>(rowsInPart[part]);
        for (var i = 0; i < labels.RowCount; i++) rows[partOfGroup[labels.CodeOfRow[i]]].Add(i);
        return SplitResult.Of(frame, [.. rows[0]], [.. rows[1]], [.. rows[2]]);
    }

    /// <summary>
    /// Rows ordered by <paramref name="time"/> (a date, integer or float column; ties keep their order): the earliest
    /// go to training, then validation, the latest to test. Nothing is shuffled, so no part sees the future of a later one.
    /// </summary>
    public static SplitResult ByTime(Frame frame, string time, SplitFractions fractions)
    {
        var (train, validation, _) = Sizes(frame, fractions);
        var order = TimeOrder(Column(frame, time, nameof(time)));
        return SplitResult.Of(frame, order[..train], order[train..(train + validation)], order[(train + validation)..]);
    }

    static int[] TimeOrder(Column column)
    {
        if (column.MissingCount > 0)
        {
            var row = 0;
            while (!column.IsMissing(row)) row++;
            throw new ArgumentException($"time column '{column.Name}' is missing a value at row {row}; drop or fill it first", "time");
        }
        var keys = new double[column.Length];
        switch (column)
        {
            case DateTimeColumn dates:
                for (var i = 0; i < keys.Length; i++) keys[i] = dates[i].Ticks;
                break;
            case Int64Column or Float64Column:
                column.AsFloat64().Values.CopyTo(keys);
                break;
            default:
                throw new ArgumentException(
                    $"time column '{column.Name}' is {column.Type.Name()}; it must hold dates or numbers (cast text to datetime first)", "time");
        }
        var order = SplitChecks.Range(keys.Length);
        // index breaks ties, which makes the sort stable
        Array.Sort(order, (a, b) => keys[a] != keys[b] ? keys[a].CompareTo(keys[b]) : a.CompareTo(b));
        return order;
    }

    static (int Train, int Validation, int Test) Sizes(Frame frame, SplitFractions fractions)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(fractions);
        if (frame.RowCount < 2)
            throw new ArgumentException($"a frame of {frame.RowCount} row{(frame.RowCount == 1 ? "" : "s")} cannot be split", nameof(frame));
        return fractions.Rows(frame.RowCount);
    }

    static Column Column(Frame frame, string name, string parameter)
    {
        ArgumentException.ThrowIfNullOrEmpty(name, parameter);
        if (!frame.HasColumn(name))
            throw new ArgumentException($"{parameter} column '{name}' is not in the frame (columns: {string.Join(", ", frame.ColumnNames)})", parameter);
        return frame[name];
    }

    static string Required(string? column, SplitMode mode) =>
        column ?? throw new ArgumentNullException(nameof(column), $"a {Kebab.Of(mode.ToString())} split needs a column");
}

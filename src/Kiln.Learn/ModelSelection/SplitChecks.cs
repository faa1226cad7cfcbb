using Kiln.Data;

namespace Kiln.Learn.ModelSelection;

/// <summary>The argument checks every splitter shares, each failing with the parameter's name and allowed range.</summary>
internal static class SplitChecks
{
    public static void SplitCount(int splits, int minimum = 2)
    {
        if (splits < minimum)
            throw new ArgumentOutOfRangeException("splits", splits, $"splits must be at least {minimum}, not {splits}");
    }

    public static void RowCount(int rowCount)
    {
        if (rowCount < 1)
            throw new ArgumentOutOfRangeException(nameof(rowCount), rowCount, $"rowCount must be at least 1, not {rowCount}");
    }

    /// <summary>The labels of a column that must be given and must have one value per row.</summary>
    public static ClassLabels Labels(Column? column, int rowCount, string parameter, string splitter)
    {
        if (column is null)
            throw new ArgumentNullException(parameter, $"{splitter} needs the {parameter} column");
        if (column.Length != rowCount)
            throw new ArgumentException($"{parameter} column '{column.Name}' has {column.Length} rows, not {rowCount}", parameter);
        return ClassLabels.Of(column, parameter);
    }

    /// <summary>The rows not in a fold's test rows, ascending, as scikit-learn's boolean masks give them.</summary>
    public static Fold FromTestMask(bool[] isTest)
    {
        var testCount = 0;
        foreach (var t in isTest) if (t) testCount++;
        var train = new int[isTest.Length - testCount];
        var test = new int[testCount];
        int a = 0, b = 0;
        for (var i = 0; i < isTest.Length; i++)
        {
            if (isTest[i]) test[b++] = i;
            else train[a++] = i;
        }
        return new Fold(train, test);
    }

    public static int[] Range(int count)
    {
        var rows = new int[count];
        for (var i = 0; i < count; i++) rows[i] = i;
        return rows;
    }
}

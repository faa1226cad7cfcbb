namespace Kiln.Learn.ModelSelection;

/// <summary>
/// Training and test set sizes from fractions or row counts, by scikit-learn's rules: a value in (0, 1) is a
/// fraction, a whole number of 1 or more is a row count; the test fraction rounds up, the training fraction down.
/// </summary>
internal static class ShuffleSizes
{
    public static (int Train, int Test) Resolve(int rowCount, double? testSize, double? trainSize, double defaultTestSize)
    {
        if (testSize is null && trainSize is null) testSize = defaultTestSize;
        var test = Rows(rowCount, testSize, "testSize");
        var train = Rows(rowCount, trainSize, "trainSize", roundUp: false);
        if (testSize is < 1 && trainSize is < 1 && testSize + trainSize > 1)
            throw new ArgumentOutOfRangeException(nameof(testSize), testSize,
                $"testSize + trainSize is {testSize + trainSize}; together they must not exceed 1");
        train ??= rowCount - test!.Value;
        test ??= rowCount - train.Value;
        if (train + test > rowCount)
            throw new ArgumentOutOfRangeException(nameof(trainSize), trainSize,
                $"{train} training rows and {test} test rows exceed the {rowCount} rows there are");
        if (train == 0)
            throw new ArgumentOutOfRangeException(nameof(testSize), testSize,
                $"with {rowCount} rows, testSize {testSize} and trainSize {trainSize?.ToString() ?? "none"} leave no training rows");
        return (train.Value, test.Value);
    }

    static int? Rows(int rowCount, double? size, string parameter, bool roundUp = true)
    {
        if (size is not { } value) return null;
        if (value > 0 && value < 1)
            return (int)(roundUp ? Math.Ceiling(value * rowCount) : Math.Floor(value * rowCount));
        if (value >= 1 && value < rowCount && value == Math.Floor(value)) return (int)value;
        throw new ArgumentOutOfRangeException(parameter, value,
            $"{parameter} must be a fraction in (0, 1) or a whole number of rows from 1 to {rowCount - 1}, not {value}");
    }
}

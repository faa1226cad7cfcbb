using Kiln.Data;

namespace Kiln.Learn.ModelSelection;

/// <summary>
/// Expanding-window folds over rows in time order (scikit-learn's TimeSeriesSplit): every test block comes after
/// its training rows, <see cref="Gap"/> rows apart. <see cref="TestSize"/> defaults to <c>rows / (splits + 1)</c>;
/// <see cref="MaxTrainSize"/> turns the expanding window into a sliding one. Indices equal scikit-learn's.
/// </summary>
public sealed record TimeSeriesSplit(int Splits = 5, int Gap = 0, int? TestSize = null, int? MaxTrainSize = null) : ICrossValidator
{
    public IEnumerable<Fold> Split(int rowCount, Column? target = null, Column? groups = null)
    {
        var testSize = Check(rowCount);
        return Folds(rowCount, testSize);
    }

    public int FoldCount(int rowCount, Column? target = null, Column? groups = null) => Splits;

    IEnumerable<Fold> Folds(int rowCount, int testSize)
    {
        for (var testStart = rowCount - Splits * testSize; testStart < rowCount; testStart += testSize)
        {
            var trainEnd = testStart - Gap;
            var trainStart = MaxTrainSize is { } max && max < trainEnd ? trainEnd - max : 0;
            var train = new int[trainEnd - trainStart];
            for (var i = 0; i < train.Length; i++) train[i] = trainStart + i;
            var test = new int[Math.Min(testSize, rowCount - testStart)];
            for (var i = 0; i < test.Length; i++) test[i] = testStart + i;
            yield return new Fold(train, test);
        }
    }

    int Check(int rowCount)
    {
        SplitChecks.SplitCount(Splits);
        SplitChecks.RowCount(rowCount);
        if (Gap < 0) throw new ArgumentOutOfRangeException(nameof(Gap), Gap, $"gap must be 0 or more, not {Gap}");
        if (TestSize is < 1) throw new ArgumentOutOfRangeException(nameof(TestSize), TestSize, $"test size must be at least 1, not {TestSize}");
        if (MaxTrainSize is < 1) throw new ArgumentOutOfRangeException(nameof(MaxTrainSize), MaxTrainSize, $"max train size must be at least 1, not {MaxTrainSize}");
        if (Splits + 1 > rowCount)
            throw new ArgumentOutOfRangeException(nameof(Splits), Splits, $"splits + 1 ({Splits + 1}) cannot exceed the number of rows ({rowCount})");
        var testSize = TestSize ?? rowCount / (Splits + 1);
        if (rowCount - Gap - (long)testSize * Splits <= 0)
            throw new ArgumentOutOfRangeException(nameof(Splits), Splits,
                $"{Splits} splits with test size {testSize} and gap {Gap} leave no training rows among {rowCount}");
        return testSize;
    }
}

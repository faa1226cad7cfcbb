using Kiln.Data;

namespace Kiln.Learn.ModelSelection;

/// <summary>
/// Random train/test splits that keep each class's share (scikit-learn's StratifiedShuffleSplit): per-class counts
/// follow scikit-learn's approximate mode, so they equal its counts except where remainders tie (ties are broken
/// by <see cref="Seed"/>). Sizes are fractions in (0, 1) or whole row counts; the default test set is a tenth.
/// </summary>
public sealed record StratifiedShuffleSplit(int Splits = 10, double? TestSize = null, double? TrainSize = null, long Seed = 0) : ICrossValidator
{
    public IEnumerable<Fold> Split(int rowCount, Column? target = null, Column? groups = null)
    {
        SplitChecks.SplitCount(Splits, minimum: 1);
        SplitChecks.RowCount(rowCount);
        var labels = SplitChecks.Labels(target, rowCount, nameof(target), "stratified-shuffle-split").Sorted();
        var (train, test) = ShuffleSizes.Resolve(rowCount, TestSize, TrainSize, 0.1);
        var smallest = Array.IndexOf(labels.Counts, labels.Counts.Min());
        if (labels.Counts[smallest] < 2)
            throw new ArgumentException(
                $"class '{labels.Name(smallest)}' of '{target!.Name}' has only {labels.Counts[smallest]} row; stratifying needs at least 2 rows of every class",
                nameof(target));
        if (train < labels.Count)
            throw new ArgumentOutOfRangeException(nameof(TrainSize), TrainSize, $"the training set ({train} rows) must hold at least one row of each of the {labels.Count} classes");
        if (test < labels.Count)
            throw new ArgumentOutOfRangeException(nameof(TestSize), TestSize, $"the test set ({test} rows) must hold at least one row of each of the {labels.Count} classes");
        return Folds(labels, train, test);
    }

    public int FoldCount(int rowCount, Column? target = null, Column? groups = null) => Splits;

    IEnumerable<Fold> Folds(ClassLabels labels, int trainCount, int testCount)
    {
        var random = new RandomArrays(Seed);
        var rowsByClass = labels.RowsByClass();
        for (var fold = 0; fold < Splits; fold++)
        {
            var trainOfClass = StratifiedCounts.ApproximateMode(labels.Counts, trainCount, random);
            var remaining = new int[labels.Count];
            for (var c = 0; c < remaining.Length; c++) remaining[c] = labels.Counts[c] - trainOfClass[c];
            var testOfClass = StratifiedCounts.ApproximateMode(remaining, testCount, random);
            var train = new List<int>(trainCount);
            var test = new List<int>(testCount);
            for (var c = 0; c < labels.Count; c++)
            {
                var rows = (int[])rowsByClass[c].Clone();
                random.Shuffle<int>(rows);
                train.AddRange(rows.AsSpan(0, trainOfClass[c]));
                test.AddRange(rows.AsSpan(trainOfClass[c], testOfClass[c]));
            }
            int[] trainRows = [.. train], testRows = [.. test];
            random.Shuffle<int>(trainRows);
            random.Shuffle<int>(testRows);
            yield return new Fold(trainRows, testRows);
        }
    }
}

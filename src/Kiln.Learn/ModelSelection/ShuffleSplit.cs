using Kiln.Data;

namespace Kiln.Learn.ModelSelection;

/// <summary>
/// Independent random train/test splits (scikit-learn's ShuffleSplit): each fold permutes the rows and takes the
/// first <c>ceil(testSize · rows)</c> as test. Sizes are fractions in (0, 1) or whole row counts; when neither is
/// given the test set is a tenth. Rows come in shuffled order; folds are reproducible by <see cref="Seed"/>.
/// </summary>
public sealed record ShuffleSplit(int Splits = 10, double? TestSize = null, double? TrainSize = null, long Seed = 0) : ICrossValidator
{
    public IEnumerable<Fold> Split(int rowCount, Column? target = null, Column? groups = null)
    {
        SplitChecks.SplitCount(Splits, minimum: 1);
        SplitChecks.RowCount(rowCount);
        var (train, test) = ShuffleSizes.Resolve(rowCount, TestSize, TrainSize, 0.1);
        return Folds(rowCount, train, test);
    }

    public int FoldCount(int rowCount, Column? target = null, Column? groups = null) => Splits;

    IEnumerable<Fold> Folds(int rowCount, int trainCount, int testCount)
    {
        var random = new RandomArrays(Seed);
        for (var fold = 0; fold < Splits; fold++)
        {
            var order = SplitChecks.Range(rowCount);
            random.Shuffle<int>(order);
            yield return new Fold(order[testCount..(testCount + trainCount)], order[..testCount]);
        }
    }
}

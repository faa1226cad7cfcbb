using Kiln.Data;

namespace Kiln.Learn.ModelSelection;

/// <summary>
/// K consecutive folds, each the test set once (scikit-learn's KFold). The first <c>rows % splits</c> folds hold
/// one row more; unshuffled folds equal scikit-learn's, shuffled ones are reproducible by <see cref="Seed"/>.
/// </summary>
public sealed record KFold(int Splits = 5, bool Shuffle = false, long Seed = 0) : ICrossValidator
{
    public IEnumerable<Fold> Split(int rowCount, Column? target = null, Column? groups = null)
    {
        Check(rowCount);
        return Folds(rowCount);
    }

    public int FoldCount(int rowCount, Column? target = null, Column? groups = null) => Splits;

    IEnumerable<Fold> Folds(int rowCount)
    {
        var order = SplitChecks.Range(rowCount);
        if (Shuffle) new RandomArrays(Seed).Shuffle<int>(order);
        var start = 0;
        for (var fold = 0; fold < Splits; fold++)
        {
            var size = rowCount / Splits + (fold < rowCount % Splits ? 1 : 0);
            var isTest = new bool[rowCount];
            for (var i = start; i < start + size; i++) isTest[order[i]] = true;
            start += size;
            yield return SplitChecks.FromTestMask(isTest);
        }
    }

    void Check(int rowCount)
    {
        SplitChecks.SplitCount(Splits);
        SplitChecks.RowCount(rowCount);
        if (Splits > rowCount)
            throw new ArgumentOutOfRangeException(nameof(Splits), Splits, $"splits ({Splits}) cannot exceed the number of rows ({rowCount})");
    }
}

using Kiln.Data;

namespace Kiln.Learn.ModelSelection;

/// <summary>
/// K folds that keep each class's share of the rows (scikit-learn's StratifiedKFold). Classes are dealt to folds
/// round-robin over the sorted labels, so fold sizes and per-class counts equal scikit-learn's; unshuffled folds
/// equal its indices too, shuffled ones are reproducible by <see cref="Seed"/>.
/// </summary>
public sealed record StratifiedKFold(int Splits = 5, bool Shuffle = false, long Seed = 0) : ICrossValidator
{
    public IEnumerable<Fold> Split(int rowCount, Column? target = null, Column? groups = null)
    {
        SplitChecks.SplitCount(Splits);
        SplitChecks.RowCount(rowCount);
        var labels = SplitChecks.Labels(target, rowCount, nameof(target), "stratified-k-fold");
        if (labels.Counts.All(count => count < Splits))
            throw new ArgumentOutOfRangeException(nameof(Splits), Splits,
                $"splits ({Splits}) exceeds the rows of every class in '{target!.Name}' (the largest has {labels.Counts.Max()})");
        return Folds(FoldOfRow(labels));
    }

    public int FoldCount(int rowCount, Column? target = null, Column? groups = null) => Splits;

    IEnumerable<Fold> Folds(int[] foldOfRow)
    {
        for (var fold = 0; fold < Splits; fold++)
        {
            var isTest = new bool[foldOfRow.Length];
            for (var i = 0; i < isTest.Length; i++) isTest[i] = foldOfRow[i] == fold;
            yield return SplitChecks.FromTestMask(isTest);
        }
    }

    int[] FoldOfRow(ClassLabels labels)
    {
        // allocation[k][f]: rows of class k in fold f, dealing the class-sorted labels round-robin as scikit-learn does
        var allocation = new int[labels.Count][];
        var position = 0;
        for (var k = 0; k < labels.Count; k++)
        {
            allocation[k] = new int[Splits];
            for (var n = 0; n < labels.Counts[k]; n++) allocation[k][position++ % Splits]++;
        }
        var random = Shuffle ? new RandomArrays(Seed) : null;
        var rowsByClass = labels.RowsByClass();
        var foldOfRow = new int[labels.RowCount];
        for (var k = 0; k < labels.Count; k++)
        {
            var foldsForClass = new int[labels.Counts[k]];
            var at = 0;
            for (var fold = 0; fold < Splits; fold++)
                for (var n = 0; n < allocation[k][fold]; n++) foldsForClass[at++] = fold;
            random?.Shuffle<int>(foldsForClass);
            var rows = rowsByClass[k];
            for (var n = 0; n < rows.Length; n++) foldOfRow[rows[n]] = foldsForClass[n];
        }
        return foldOfRow;
    }
}

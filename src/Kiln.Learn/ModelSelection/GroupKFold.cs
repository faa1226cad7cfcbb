using Kiln.Data;

namespace Kiln.Learn.ModelSelection;

/// <summary>
/// K folds in which no group is on both sides (scikit-learn's GroupKFold): groups, largest first, each go to the
/// fold with the fewest rows so far. Deterministic; indices equal scikit-learn's (groups of equal size are
/// taken in descending value order, as NumPy's sort does for up to 16 groups).
/// </summary>
public sealed record GroupKFold(int Splits = 5) : ICrossValidator
{
    public IEnumerable<Fold> Split(int rowCount, Column? target = null, Column? groups = null)
    {
        SplitChecks.SplitCount(Splits);
        SplitChecks.RowCount(rowCount);
        var labels = SplitChecks.Labels(groups, rowCount, nameof(groups), "group-k-fold").Sorted();
        if (Splits > labels.Count)
            throw new ArgumentOutOfRangeException(nameof(Splits), Splits,
                $"splits ({Splits}) cannot exceed the number of groups in '{groups!.Name}' ({labels.Count})");
        return Folds(FoldOfGroup(labels), labels.CodeOfRow);
    }

    public int FoldCount(int rowCount, Column? target = null, Column? groups = null) => Splits;

    IEnumerable<Fold> Folds(int[] foldOfGroup, int[] groupOfRow)
    {
        for (var fold = 0; fold < Splits; fold++)
        {
            var isTest = new bool[groupOfRow.Length];
            for (var i = 0; i < isTest.Length; i++) isTest[i] = foldOfGroup[groupOfRow[i]] == fold;
            yield return SplitChecks.FromTestMask(isTest);
        }
    }

    int[] FoldOfGroup(ClassLabels labels)
    {
        // a stable ascending sort read backwards, as scikit-learn's argsort(...)[::-1]
        var bySize = SplitChecks.Range(labels.Count);
        var sizes = labels.Counts;
        var ascending = bySize.OrderBy(g => sizes[g]).ToArray();
        Array.Reverse(ascending);
        var rowsInFold = new long[Splits];
        var foldOfGroup = new int[labels.Count];
        foreach (var group in ascending)
        {
            var lightest = 0;
            for (var f = 1; f < Splits; f++) if (rowsInFold[f] < rowsInFold[lightest]) lightest = f;
            rowsInFold[lightest] += sizes[group];
            foldOfGroup[group] = lightest;
        }
        return foldOfGroup;
    }
}

using Kiln.Data;

namespace Kiln.Learn.ModelSelection;

/// <summary>
/// Splits rows into training and test folds by index, as scikit-learn's split generators do. Every random
/// choice is seeded: the same rows, labels and seed give the same folds. Use <see cref="Fold.Take(Frame)"/>
/// to materialise a fold.
/// </summary>
public interface ICrossValidator
{
    /// <summary>
    /// The folds over <paramref name="rowCount"/> rows. Stratified splitters need <paramref name="target"/>,
    /// group splitters need <paramref name="groups"/>; the others ignore them.
    /// </summary>
    IEnumerable<Fold> Split(int rowCount, Column? target = null, Column? groups = null);

    /// <summary>How many folds <see cref="Split"/> yields for the same arguments.</summary>
    int FoldCount(int rowCount, Column? target = null, Column? groups = null);
}

namespace Kiln.Learn.Linear;

/// <summary>How a classifier weighs the classes of its target.</summary>
public enum ClassWeighting
{
    /// <summary>Every row counts the same.</summary>
    None,

    /// <summary>Rows are weighted inversely to their class's frequency, rows / (classes · rows of the class), as scikit-learn's "balanced".</summary>
    Balanced,
}

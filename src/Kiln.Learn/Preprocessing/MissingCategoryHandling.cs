namespace Kiln.Learn.Preprocessing;

/// <summary>What an encoder does with missing values in a categorical column.</summary>
public enum MissingCategoryHandling
{
    /// <summary>Missing is a category of its own (labelled <c>&lt;NA&gt;</c>, sorted last), as scikit-learn treats NaN and None.</summary>
    Category,

    /// <summary>Throw, naming the column and row.</summary>
    Error,
}

namespace Kiln.Learn.Preprocessing;

/// <summary>Which output column, if any, <see cref="OneHotEncoder"/> leaves out of each input column's outputs.</summary>
public enum DropCategory
{
    /// <summary>Keep a column for every category.</summary>
    None,

    /// <summary>Leave out the first output (the smallest frequent category), which linear models need to avoid collinearity.</summary>
    First,

    /// <summary>Leave out the first output only of columns with exactly two outputs, which then become a single 0/1 column.</summary>
    IfBinary,
}

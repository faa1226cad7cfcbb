namespace Kiln.Learn.Preprocessing;

/// <summary>What <see cref="OrdinalEncoder"/> does with a category it did not see when fitting.</summary>
public enum OrdinalUnknownHandling
{
    /// <summary>Throw, naming the column, row and value.</summary>
    Error,

    /// <summary>Encode it as the unknown-value parameter (missing when that is not set).</summary>
    UseEncodedValue,
}

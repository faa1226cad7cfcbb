namespace Kiln.Learn.Preprocessing;

/// <summary>What <see cref="OneHotEncoder"/> does with a category it did not see when fitting.</summary>
public enum UnknownCategoryHandling
{
    /// <summary>Throw, naming the column, row and value.</summary>
    Error,

    /// <summary>Encode the row as all zeros in that column's outputs.</summary>
    Ignore,

    /// <summary>Encode it as the column's infrequent category when there is one, otherwise as all zeros.</summary>
    InfrequentIfExist,
}

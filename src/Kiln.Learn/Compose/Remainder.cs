namespace Kiln.Learn.Compose;

/// <summary>What a <see cref="ColumnTransformer"/> does with the columns no part selects.</summary>
public enum Remainder
{
    /// <summary>Leave them out of the output.</summary>
    Drop,

    /// <summary>Append them, unchanged, after the parts' outputs.</summary>
    Passthrough,
}

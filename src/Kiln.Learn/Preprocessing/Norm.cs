namespace Kiln.Learn.Preprocessing;

/// <summary>The row norm <see cref="Normalizer"/> scales each row to one in.</summary>
public enum Norm
{
    /// <summary>The sum of absolute values.</summary>
    L1,

    /// <summary>The Euclidean length.</summary>
    L2,

    /// <summary>The largest absolute value.</summary>
    Max,
}

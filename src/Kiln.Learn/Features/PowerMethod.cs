namespace Kiln.Learn.Features;

/// <summary>The family of power transforms a <see cref="PowerTransformer"/> fits.</summary>
public enum PowerMethod
{
    /// <summary>Takes any real values.</summary>
    YeoJohnson,

    /// <summary>Takes strictly positive values only.</summary>
    BoxCox,
}

namespace Kiln.Learn;

/// <summary>The capability tags an estimator can declare in <see cref="EstimatorAttribute.Capabilities"/>.</summary>
public static class Capability
{
    /// <summary>Fitting needs a target column.</summary>
    public const string RequiresTarget = "requires-target";

    /// <summary>Accepts missing values (NaN) in its numeric inputs instead of rejecting them.</summary>
    public const string AllowsMissing = "allows-missing";

    /// <summary>Takes text (string) columns as input.</summary>
    public const string TextInput = "text-input";

    /// <summary>Only takes text (string) columns as input.</summary>
    public const string TextOnly = "text-only";

    /// <summary>Uses <see cref="FitContext.SampleWeights"/>.</summary>
    public const string SampleWeights = "sample-weights";

    /// <summary>Fitting draws random numbers, so it takes a seed.</summary>
    public const string Randomized = "randomized";

    /// <summary>Changes the number of rows (samplers, outlier removal): used in preparation, never at prediction time.</summary>
    public const string ChangesRows = "changes-rows";

    /// <summary>Unaffected by rescaling a feature (trees, naive Bayes on counts), so default preprocessing leaves numbers unscaled.</summary>
    public const string ScaleInvariant = "scale-invariant";

    /// <summary>Needs non-negative inputs (chi², multinomial naive Bayes, Box–Cox).</summary>
    public const string NonNegativeInput = "non-negative-input";
}

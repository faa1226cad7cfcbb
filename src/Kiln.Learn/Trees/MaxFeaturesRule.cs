using System.Globalization;

namespace Kiln.Learn.Trees;

/// <summary>Reads the max-features parameter as scikit-learn does: all, sqrt, log2, a count or a fraction of the features.</summary>
internal static class MaxFeaturesRule
{
    public const string Help = "Features each split looks at: none (all), sqrt, log2, a count (e.g. 8) or a fraction (e.g. 0.5)";

    public static int Resolve(string? text, int featureCount, string estimator)
    {
        var value = text?.Trim().ToLowerInvariant();
        switch (value)
        {
            case null or "" or "none" or "all":
                return featureCount;
            case "sqrt":
                return Math.Max(1, (int)Math.Sqrt(featureCount));
            case "log2":
                return Math.Max(1, (int)Math.Log2(featureCount));
        }
        var isCount = value.All(char.IsAsciiDigit);
        if (isCount && int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) && count >= 1)
        {
            if (count > featureCount)
                throw new ArgumentException($"{estimator}: parameter 'max-features' is {count} but the data has only {featureCount} features", "max-features");
            return count;
        }
        if (!isCount && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var fraction) && fraction > 0 && fraction <= 1)
            return Math.Max(1, (int)(fraction * featureCount));
        throw new ArgumentException($"{estimator}: parameter 'max-features' must be none, sqrt, log2, a count of at least 1 or a fraction in (0, 1], not '{text}'", "max-features");
    }
}

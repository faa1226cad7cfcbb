namespace Kiln.Server.Web.Shared;

/// <summary>Whether a metric is better high (accuracy, R², AUC) or low (losses, errors, seconds), read from its name.</summary>
public static class MetricGoal
{
    static readonly string[] LowerIsBetterWords = ["loss", "error", "mse", "mae", "rmse", "mape", "seconds", "latency", "time", "brier", "deviance"];

    public static bool LowerIsBetter(string metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        var name = metric.ToLowerInvariant();
        return LowerIsBetterWords.Any(word => name.Contains(word, StringComparison.Ordinal));
    }

    /// <summary>The index of the best finite value, or -1 when there is none (or only one run to compare).</summary>
    public static int Best(string metric, IReadOnlyList<double?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var lower = LowerIsBetter(metric);
        var best = -1;
        var finite = 0;
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is not { } value || !double.IsFinite(value)) continue;
            finite++;
            if (best < 0 || (lower ? value < values[best]!.Value : value > values[best]!.Value)) best = i;
        }
        return finite < 2 ? -1 : best;
    }
}

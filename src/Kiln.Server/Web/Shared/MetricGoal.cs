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

    /// <summary>The same score on held-out rows as a score on the training rows (<c>training_accuracy</c> → <c>held_out_accuracy</c>), or <c>null</c> for any other metric.</summary>
    public static string? HeldOutCounterpart(string metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return metric.StartsWith("training_", StringComparison.Ordinal) ? "held_out_" + metric["training_".Length..] : null;
    }

    /// <summary>
    /// Whether a metric is judged for a best among runs that recorded <paramref name="recorded"/>: a score on the training
    /// rows is not where its held-out counterpart is recorded, since it favours overfit models.
    /// </summary>
    public static bool IsJudged(string metric, IReadOnlySet<string> recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        return HeldOutCounterpart(metric) is not { } heldOut || !recorded.Contains(heldOut);
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

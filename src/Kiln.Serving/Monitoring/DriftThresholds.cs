namespace Kiln.Serving.Monitoring;

/// <summary>When monitoring raises an alert. A test only counts once enough live rows have been seen.</summary>
public sealed record DriftThresholds
{
    /// <summary>A population stability index at or above this is drift (0.1 is a slight shift, 0.2 the usual alarm).</summary>
    public double Psi { get; init; } = 0.2;

    /// <summary>A Kolmogorov–Smirnov or chi-square p-value below this is drift.</summary>
    public double PValue { get; init; } = 0.01;

    /// <summary>Fewer live rows than this give statistics but no alert: small samples drift by chance.</summary>
    public int MinimumRows { get; init; } = 100;

    /// <summary>Live accuracy below this raises an alert (classifiers); none when null.</summary>
    public double? MinimumAccuracy { get; init; }

    /// <summary>Live mean absolute error above this raises an alert (regressors); none when null.</summary>
    public double? MaximumMeanAbsoluteError { get; init; }

    /// <summary>Fewer labelled rows than this give live quality but no alert.</summary>
    public int MinimumLabelled { get; init; } = 30;

    public void Validate()
    {
        if (!(Psi > 0)) throw new ArgumentOutOfRangeException(nameof(Psi), Psi, "the PSI threshold must be above 0");
        if (!(PValue is > 0 and < 1)) throw new ArgumentOutOfRangeException(nameof(PValue), PValue, "the p-value threshold must lie strictly between 0 and 1");
        if (MinimumRows < 1) throw new ArgumentOutOfRangeException(nameof(MinimumRows), MinimumRows, "at least one live row is needed");
        if (MinimumLabelled < 1) throw new ArgumentOutOfRangeException(nameof(MinimumLabelled), MinimumLabelled, "at least one labelled row is needed");
        if (MinimumAccuracy is { } accuracy && !(accuracy is >= 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(MinimumAccuracy), accuracy, "an accuracy lies in 0–1");
        if (MaximumMeanAbsoluteError is { } error && !(error >= 0))
            throw new ArgumentOutOfRangeException(nameof(MaximumMeanAbsoluteError), error, "an error cannot be negative");
    }
}

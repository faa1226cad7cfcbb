namespace Kiln.Learn;

/// <summary>What a fit needs besides data and hyperparameters: sample weights, progress reporting and cancellation.</summary>
public sealed record FitContext
{
    public static FitContext Default { get; } = new();

    /// <summary>One non-negative weight per row, used where the algorithm can; <c>null</c> weighs rows equally.</summary>
    public double[]? SampleWeights { get; init; }

    public IProgress<FitProgress>? Progress { get; init; }

    public CancellationToken Cancellation { get; init; }
}

/// <summary>How far a fit has come: <paramref name="Done"/> of <paramref name="Total"/> units of <paramref name="Stage"/>.</summary>
public readonly record struct FitProgress(string Stage, long Done, long Total);

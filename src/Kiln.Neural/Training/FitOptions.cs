using Kiln.Neural.Callbacks;

namespace Kiln.Neural.Training;

/// <summary>How <see cref="Sequential.Fit"/> trains (Keras' fit arguments).</summary>
public sealed record FitOptions
{
    public int Epochs { get; init; } = 1;

    public int BatchSize { get; init; } = 32;

    /// <summary>The fraction of rows, taken from the end before shuffling as Keras does, held out to validate each epoch.</summary>
    public double ValidationSplit { get; init; }

    /// <summary>Shuffle the training rows before each epoch.</summary>
    public bool Shuffle { get; init; } = true;

    /// <summary>Seed of the row order and of dropout.</summary>
    public long Seed { get; init; }

    public IReadOnlyList<ICallback> Callbacks { get; init; } = [];

    internal void Check()
    {
        if (Epochs < 1) throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, "fit: epochs must be at least 1");
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "fit: batch size must be at least 1");
        if (ValidationSplit is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(ValidationSplit), ValidationSplit, "fit: validation split must be in [0, 1)");
    }
}

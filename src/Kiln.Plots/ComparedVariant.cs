namespace Kiln.Plots;

/// <summary>One trained variant of an experiment, for <see cref="ExperimentReport"/>; accuracies are NaN where not measured.</summary>
public sealed record ComparedVariant
{
    public required string Name { get; init; }

    /// <summary>The varied keys this variant sets, with their values.</summary>
    public required IReadOnlyDictionary<string, string> Settings { get; init; }

    /// <summary>One dictionary per epoch run: loss, metrics and their val_ twins.</summary>
    public required IReadOnlyList<IReadOnlyDictionary<string, double>> Epochs { get; init; }

    /// <summary>The final network's accuracy on the training rows, evaluated with dropout off.</summary>
    public required double TrainAccuracy { get; init; }

    public required double ValidationAccuracy { get; init; }

    public required double TestAccuracy { get; init; }

    /// <summary>The final network's loss on the training rows, dropout off.</summary>
    public required double TrainLoss { get; init; }

    /// <summary>The final network's loss on the validation rows; NaN where not measured.</summary>
    public required double ValidationLoss { get; init; }

    public required double Seconds { get; init; }

    public required long Parameters { get; init; }

    /// <summary>The epoch whose weights early stopping put back, when it stopped training.</summary>
    public int? RestoredEpoch { get; init; }

    /// <summary>Train minus validation accuracy.</summary>
    public double Gap => TrainAccuracy - ValidationAccuracy;

    /// <summary>Validation minus train loss.</summary>
    public double LossGap => ValidationLoss - TrainLoss;
}

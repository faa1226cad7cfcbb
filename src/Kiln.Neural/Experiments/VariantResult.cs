namespace Kiln.Neural.Experiments;

/// <summary>
/// What one trained variant measured: the per-epoch history (training and validation curves), and the final
/// network's loss and metrics — evaluated with dropout off — on the training rows, the validation rows and the test
/// rows, so train and validation accuracy compare like with like.
/// </summary>
public sealed record VariantResult
{
    public required ExperimentVariant Variant { get; init; }

    /// <summary>Fit's measurements after each epoch run.</summary>
    public required IReadOnlyList<IReadOnlyDictionary<string, double>> Epochs { get; init; }

    public required IReadOnlyDictionary<string, double> Train { get; init; }

    /// <summary>Null when no rows were held out.</summary>
    public IReadOnlyDictionary<string, double>? Validation { get; init; }

    /// <summary>Null when the experiment has no test rows.</summary>
    public IReadOnlyDictionary<string, double>? Test { get; init; }

    /// <summary>Training time, evaluation left out.</summary>
    public required double Seconds { get; init; }

    public required long Parameters { get; init; }

    /// <summary>The epoch (from 1) whose weights early stopping put back, or null when training ran every epoch.</summary>
    public int? RestoredEpoch { get; init; }

    public double TrainAccuracy => Train.GetValueOrDefault("accuracy", double.NaN);

    public double ValidationAccuracy => Validation?.GetValueOrDefault("accuracy", double.NaN) ?? double.NaN;

    public double TrainLoss => Train.GetValueOrDefault("loss", double.NaN);

    /// <summary>The final network's loss on the validation rows (with any kernel penalty, as Keras reports it): where overfitting shows first, climbing while accuracy holds.</summary>
    public double ValidationLoss => Validation?.GetValueOrDefault("loss", double.NaN) ?? double.NaN;

    public double TestAccuracy => Test?.GetValueOrDefault("accuracy", double.NaN) ?? double.NaN;

    /// <summary>Train minus validation accuracy: how much the network learnt rows rather than the task.</summary>
    public double Gap => TrainAccuracy - ValidationAccuracy;

    /// <summary>Validation minus train loss: the same gap in loss, which grows long after accuracy has stopped moving. A kernel penalty, in both, cancels out.</summary>
    public double LossGap => ValidationLoss - TrainLoss;
}

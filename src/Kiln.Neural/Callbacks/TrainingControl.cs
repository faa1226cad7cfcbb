namespace Kiln.Neural.Callbacks;

/// <summary>What a callback may do to the training it observes: stop it, change the learning rate, read or replace the weights.</summary>
public sealed class TrainingControl
{
    readonly Sequential _model;

    internal TrainingControl(Sequential model) => _model = model;

    /// <summary>Set to end training after the current epoch.</summary>
    public bool StopTraining { get; set; }

    /// <summary>The optimizer's current learning rate; setting it takes effect from the next batch.</summary>
    public double LearningRate
    {
        get => _model.LearningRate;
        set => _model.LearningRate = value >= 0 && double.IsFinite(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "the learning rate must be a number of at least 0");
    }

    public IReadOnlyList<float[]> GetWeights() => _model.GetWeights();

    public void SetWeights(IReadOnlyList<float[]> weights) => _model.SetWeights(weights);
}

namespace Kiln.Neural.Callbacks;

/// <summary>What a callback may do to the training it observes: stop it, and read or replace the model's weights.</summary>
public sealed class TrainingControl
{
    readonly Sequential _model;

    internal TrainingControl(Sequential model) => _model = model;

    /// <summary>Set to end training after the current epoch.</summary>
    public bool StopTraining { get; set; }

    public IReadOnlyList<float[]> GetWeights() => _model.GetWeights();

    public void SetWeights(IReadOnlyList<float[]> weights) => _model.SetWeights(weights);
}

namespace Kiln.Neural.Training;

/// <summary>What moves a model's weights from the gradients left by backward(): libtorch's optimizers, or Kiln's Adam.</summary>
internal abstract class WeightUpdate : IDisposable
{
    public abstract double LearningRate { get; set; }

    public abstract void ZeroGrad();

    /// <summary>One update; called with gradients off.</summary>
    public abstract void Step();

    public abstract void Dispose();
}

using TorchSharp;
using TorchSharp.Modules;

namespace Kiln.Neural.Training;

/// <summary>An optimizer's settings bound to one model's weights: clips the gradients, decays the weights, then steps.</summary>
internal sealed class BoundOptimizer(Optimizer settings, WeightUpdate update, IReadOnlyList<Parameter> parameters) : IDisposable
{
    public Optimizer Settings { get; } = settings;

    public double LearningRate
    {
        get => update.LearningRate;
        set => update.LearningRate = value;
    }

    public void ZeroGrad() => update.ZeroGrad();

    /// <summary>One update from the gradients left by backward().</summary>
    public void Step()
    {
        using var _ = torch.no_grad();
        Clip();
        if (Settings.WeightDecay > 0)
        {
            var keep = 1 - LearningRate * Settings.WeightDecay;
            foreach (var parameter in parameters) parameter.mul_(keep);
        }
        update.Step();
    }

    void Clip()
    {
        if (Settings.ClipValue is { } value)
            foreach (var parameter in parameters) parameter.grad?.clamp_(-value, value);
        if (Settings.ClipNorm is { } norm)
            foreach (var parameter in parameters)
                if (parameter.grad is { } gradient) ScaleDown(gradient, gradient.square().sum().item<float>(), norm);
        if (Settings.GlobalClipNorm is { } globalNorm)
        {
            double squares = 0;
            foreach (var parameter in parameters)
                if (parameter.grad is { } gradient) squares += gradient.square().sum().item<float>();
            foreach (var parameter in parameters)
                if (parameter.grad is { } gradient) ScaleDown(gradient, squares, globalNorm);
        }
    }

    /// <summary>Multiplies a gradient by limit / norm when its norm (the square root of <paramref name="squares"/>) exceeds the limit.</summary>
    static void ScaleDown(torch.Tensor gradient, double squares, double limit)
    {
        var norm = Math.Sqrt(squares);
        if (norm > limit) gradient.mul_(limit / norm);
    }

    public void Dispose() => update.Dispose();
}

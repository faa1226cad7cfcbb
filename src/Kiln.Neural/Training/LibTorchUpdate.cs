using TorchSharp;

namespace Kiln.Neural.Training;

/// <summary>A libtorch (TorchSharp) optimizer taking the steps.</summary>
internal sealed class LibTorchUpdate(torch.optim.Optimizer optimizer) : WeightUpdate
{
    public override double LearningRate
    {
        get => optimizer.ParamGroups.First().LearningRate;
        set
        {
            foreach (var group in optimizer.ParamGroups) group.LearningRate = value;
        }
    }

    public override void ZeroGrad() => optimizer.zero_grad();

    public override void Step() => optimizer.step();

    public override void Dispose() => optimizer.Dispose();
}

using System.Numerics;
using System.Runtime.InteropServices;
using TorchSharp;
using TorchSharp.Modules;

namespace Kiln.Neural.Training;

/// <summary>
/// Adam's update (PyTorch's formula: m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g², w ← w − lr/(1 − β₁ᵗ) · m / (√v / √(1 − β₂ᵗ) + ε))
/// in one pass over each weight array's memory. libtorch's Adam makes eight passes with two temporary arrays per
/// weight array, which on the CPU costs a small network as much as its forward and backward passes together.
/// Weights, gradients or moments that are not contiguous float32 arrays take the same update through libtorch.
/// </summary>
internal sealed class AdamUpdate : WeightUpdate
{
    // a weight array at least this long is updated in slices on several threads
    const int ParallelLength = 1 << 20;
    const int SliceLength = 1 << 18;

    readonly Parameter[] _parameters;
    readonly torch.Tensor[] _means, _squares;
    readonly long[] _steps;
    readonly double _beta1, _beta2, _epsilon;

    public AdamUpdate(IEnumerable<Parameter> parameters, double learningRate, double beta1, double beta2, double epsilon)
    {
        _parameters = [.. parameters];
        (LearningRate, _beta1, _beta2, _epsilon) = (learningRate, beta1, beta2, epsilon);
        _means = [.. _parameters.Select(p => torch.zeros_like(p).DetachFromDisposeScope())];
        _squares = [.. _parameters.Select(p => torch.zeros_like(p).DetachFromDisposeScope())];
        _steps = new long[_parameters.Length];
    }

    public override double LearningRate { get; set; }

    public override void ZeroGrad()
    {
        foreach (var parameter in _parameters)
        {
            using var gradient = parameter.grad;
            gradient?.zero_();
        }
    }

    public override void Step()
    {
        for (var i = 0; i < _parameters.Length; i++)
        {
            using var gradient = _parameters[i].grad;
            if (gradient is null) continue;
            var step = ++_steps[i];
            var stepSize = LearningRate / (1 - Math.Pow(_beta1, step));
            var correction = Math.Sqrt(1 - Math.Pow(_beta2, step));
            torch.Tensor[] arrays = [_parameters[i], gradient, _means[i], _squares[i]];
            if (arrays.All(a => a.dtype == torch.ScalarType.Float32 && a.device_type == DeviceType.CPU && a.is_contiguous()))
                Fused(arrays, stepSize, correction);
            else
                Separate(arrays, stepSize, correction);
        }
    }

    void Fused(torch.Tensor[] arrays, double stepSize, double correction)
    {
        var length = arrays[0].numel();
        var factors = new Factors((float)_beta1, (float)_beta2, (float)stepSize, (float)(1 / correction), (float)_epsilon);
        if (length < ParallelLength)
        {
            Update(arrays, 0, (int)length, factors);
            return;
        }
        var slices = (int)((length + SliceLength - 1) / SliceLength);
        Parallel.For(0, slices, s => Update(arrays, s * SliceLength, (int)Math.Min(SliceLength, length - (long)s * SliceLength), factors));
    }

    static void Update(torch.Tensor[] arrays, int start, int count, Factors f)
    {
        var weights = Floats(arrays[0], start, count);
        var gradients = Floats(arrays[1], start, count);
        var means = Floats(arrays[2], start, count);
        var squares = Floats(arrays[3], start, count);
        var w = MemoryMarshal.Cast<float, Vector<float>>(weights);
        var g = MemoryMarshal.Cast<float, Vector<float>>(gradients);
        var m = MemoryMarshal.Cast<float, Vector<float>>(means);
        var v = MemoryMarshal.Cast<float, Vector<float>>(squares);
        var (beta1, keep1) = (new Vector<float>(f.Beta1), new Vector<float>(1 - f.Beta1));
        var (beta2, keep2) = (new Vector<float>(f.Beta2), new Vector<float>(1 - f.Beta2));
        var (stepSize, scale, epsilon) = (new Vector<float>(f.StepSize), new Vector<float>(f.Scale), new Vector<float>(f.Epsilon));
        for (var i = 0; i < w.Length; i++)
        {
            var gradient = g[i];
            var mean = m[i] = m[i] * beta1 + gradient * keep1;
            var square = v[i] = v[i] * beta2 + gradient * gradient * keep2;
            w[i] -= stepSize * mean / (Vector.SquareRoot(square) * scale + epsilon);
        }
        for (var i = w.Length * Vector<float>.Count; i < weights.Length; i++)
        {
            var gradient = gradients[i];
            var mean = means[i] = means[i] * f.Beta1 + gradient * (1 - f.Beta1);
            var square = squares[i] = squares[i] * f.Beta2 + gradient * gradient * (1 - f.Beta2);
            weights[i] -= f.StepSize * mean / (MathF.Sqrt(square) * f.Scale + f.Epsilon);
        }
    }

    static Span<float> Floats(torch.Tensor array, int start, int count) => MemoryMarshal.Cast<byte, float>(array.bytes).Slice(start, count);

    void Separate(torch.Tensor[] arrays, double stepSize, double correction)
    {
        var (weights, gradient, mean, square) = (arrays[0], arrays[1], arrays[2], arrays[3]);
        mean.mul_(_beta1).add_(gradient, alpha: 1 - _beta1);
        square.mul_(_beta2).addcmul_(gradient, gradient, value: 1 - _beta2);
        using var denominator = square.sqrt().div_(correction).add_(_epsilon);
        weights.addcdiv_(mean, denominator, value: -stepSize);
    }

    public override void Dispose()
    {
        foreach (var moment in _means.Concat(_squares)) moment.Dispose();
    }

    readonly record struct Factors(float Beta1, float Beta2, float StepSize, float Scale, float Epsilon);
}

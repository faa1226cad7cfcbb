using System.Numerics;
using System.Numerics.Tensors;

namespace Kiln.Data;

/// <summary>
/// Seeded random arrays, as NumPy's <c>np.random.default_rng(seed)</c>: the same seed and the same sequence of calls
/// give the same values on every machine. Not thread-safe; give each thread its own generator.
/// </summary>
public sealed class RandomArrays(long seed)
{
    Xoshiro256StarStar _generator = new(seed);

    public long Seed { get; } = seed;

    /// <summary>Values drawn uniformly from [0, 1), as <c>rng.random(shape)</c>.</summary>
    public Tensor<double> Uniform(params ReadOnlySpan<nint> shape) => Uniform(shape, 0.0, 1.0);

    /// <summary>Values drawn uniformly from [low, high), as <c>rng.uniform(low, high, shape)</c>.</summary>
    public Tensor<T> Uniform<T>(ReadOnlySpan<nint> shape, T low, T high) where T : IFloatingPointIeee754<T>
    {
        if (!T.IsFinite(low) || !T.IsFinite(high) || high < low)
            throw new ArgumentOutOfRangeException(nameof(high), high, $"high must be finite and at least low ({low})");
        var values = new T[Count(shape)];
        var width = double.CreateChecked(high - low);
        var start = double.CreateChecked(low);
        for (var i = 0; i < values.Length; i++)
            values[i] = T.CreateTruncating(start + width * _generator.NextDouble());
        return Tensor.Create(values, shape);
    }

    /// <summary>Values from the standard normal distribution (mean 0, standard deviation 1), as <c>rng.standard_normal(shape)</c>.</summary>
    public Tensor<double> Normal(params ReadOnlySpan<nint> shape) => Normal(shape, 0.0, 1.0);

    /// <summary>Values from a normal distribution, as <c>rng.normal(mean, standardDeviation, shape)</c>, by the Box–Muller transform.</summary>
    public Tensor<T> Normal<T>(ReadOnlySpan<nint> shape, T mean, T standardDeviation) where T : IFloatingPointIeee754<T>
    {
        if (!T.IsFinite(standardDeviation) || standardDeviation < T.Zero)
            throw new ArgumentOutOfRangeException(nameof(standardDeviation), standardDeviation, "standardDeviation must be finite and 0 or more");
        var values = new T[Count(shape)];
        var center = double.CreateChecked(mean);
        var scale = double.CreateChecked(standardDeviation);
        for (var i = 0; i < values.Length; i += 2)
        {
            // 1 - u lies in (0, 1], so the logarithm stays finite.
            var radius = Math.Sqrt(-2.0 * Math.Log(1.0 - _generator.NextDouble()));
            var (sin, cos) = Math.SinCos(2.0 * Math.PI * _generator.NextDouble());
            values[i] = T.CreateTruncating(center + scale * radius * cos);
            if (i + 1 < values.Length)
                values[i + 1] = T.CreateTruncating(center + scale * radius * sin);
        }
        return Tensor.Create(values, shape);
    }

    /// <summary>Integers drawn uniformly from [low, high), as <c>rng.integers(low, high, shape)</c>.</summary>
    public Tensor<long> Integers(long low, long high, params ReadOnlySpan<nint> shape)
    {
        if (high <= low)
            throw new ArgumentOutOfRangeException(nameof(high), high, $"high is exclusive and must be greater than low ({low})");
        var values = new long[Count(shape)];
        var range = (ulong)(high - low);
        for (var i = 0; i < values.Length; i++)
            values[i] = low + (long)_generator.NextBelow(range);
        return Tensor.Create(values, shape);
    }

    /// <summary>0, 1, …, count - 1 in random order, as <c>rng.permutation(count)</c>.</summary>
    public Tensor<long> Permutation(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var values = new long[count];
        for (var i = 0; i < count; i++)
            values[i] = i;
        Shuffle<long>(values);
        return Tensor.Create(values, [count]);
    }

    /// <summary>A copy of <paramref name="x"/> with its first-axis slices (the rows of a matrix) in random order, as <c>rng.permutation(x)</c>.</summary>
    public Tensor<T> Permutation<T>(Tensor<T> x)
    {
        var order = TensorLayout.RowMajor(Permutation((int)x.Lengths[0]));
        return x.Take(order, axis: 0);
    }

    /// <summary>Puts the values in random order in place (Fisher–Yates), as <c>rng.shuffle</c>.</summary>
    public void Shuffle<T>(Span<T> values)
    {
        for (var i = values.Length - 1; i > 0; i--)
        {
            var j = (int)_generator.NextBelow((ulong)i + 1);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }

    static int Count(ReadOnlySpan<nint> shape)
    {
        if (shape.Length == 0)
            throw new ArgumentException("shape needs at least one dimension", nameof(shape));
        foreach (var length in shape)
            if (length < 0)
                throw new ArgumentOutOfRangeException(nameof(shape), length, "every dimension of shape must be 0 or more");
        return TensorLayout.Product(shape, 0, shape.Length);
    }
}

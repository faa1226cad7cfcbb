using System.Numerics.Tensors;

namespace Kiln.Neural.Tests;

/// <summary>A small seeded problem no linear model solves: points inside a circle are class 1, outside class 0.</summary>
static class TwoRings
{
    public static (Tensor<float> X, Tensor<float> Y) Make(int rows, int seed)
    {
        var random = new Random(seed);
        var x = new float[rows * 2];
        var y = new float[rows];
        for (var i = 0; i < rows; i++)
        {
            var (a, b) = (random.NextSingle() * 4 - 2, random.NextSingle() * 4 - 2);
            (x[2 * i], x[2 * i + 1]) = (a, b);
            y[i] = a * a + b * b < 1.5f ? 1 : 0;
        }
        return (Tensor.Create(x, [rows, 2]), Tensor.Create(y, [rows]));
    }
}

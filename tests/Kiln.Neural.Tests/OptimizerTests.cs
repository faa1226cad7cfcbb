using Kiln.Neural.Layers;
using Kiln.Neural.Training;

namespace Kiln.Neural.Tests;

public class OptimizerTests
{
    public static TheoryData<Optimizer> Optimizers() => new()
    {
        new Sgd { LearningRate = 0.05 },
        new Sgd { LearningRate = 0.02, Momentum = 0.9 },
        new Sgd { LearningRate = 0.02, Momentum = 0.9, Nesterov = true },
        new Adam { LearningRate = 0.05 },
        new AdamW { LearningRate = 0.05 },
        new RmsProp { LearningRate = 0.01 },
        new RmsProp { LearningRate = 0.005, Momentum = 0.5, Centered = true },
        new Adam { LearningRate = 0.05, ClipNorm = 1 },
        new Sgd { LearningRate = 0.05, GlobalClipNorm = 1 },
        new RmsProp { LearningRate = 0.01, ClipValue = 0.5 },
    };

    [Theory]
    [MemberData(nameof(Optimizers))]
    public void Every_optimizer_reduces_a_convex_loss(Optimizer optimizer)
    {
        var (x, y) = Data.Linear(256, seed: 4);
        using var model = new Sequential([3], [new Dense(1)]);
        model.Compile(optimizer, Loss.MeanSquaredError);
        var history = model.Fit(x, y, new FitOptions { Epochs = 15, BatchSize = 16, Seed = 1 });
        Assert.True(history["loss"][^1] < history["loss"][0] / 10, $"{optimizer}: loss went from {history["loss"][0]} to {history["loss"][^1]}");
    }

    /// <summary>The weights after one plain gradient step of size 1 on targets far from the predictions, so the raw gradient is huge.</summary>
    static (float[] Before, float[] After) OneStep(Optimizer optimizer)
    {
        var (x, _) = Data.Linear(8, seed: 5);
        var y = Data.Rows(Enumerable.Repeat(1000f, 8).ToArray(), 8, 1);
        using var model = new Sequential([3], [new Dense(1)]);
        var before = model.GetWeights().SelectMany(w => w).ToArray();
        model.Compile(optimizer, Loss.MeanSquaredError);
        model.Fit(x, y, new FitOptions { Epochs = 1, BatchSize = 8, Shuffle = false });
        return (before, model.GetWeights().SelectMany(w => w).ToArray());
    }

    [Fact]
    public void Clipping_by_value_bounds_each_weights_move()
    {
        var (before, after) = OneStep(new Sgd { LearningRate = 1, ClipValue = 0.25 });
        var moves = before.Zip(after, (b, a) => Math.Abs(a - b)).ToArray();
        Assert.All(moves, m => Assert.True(m <= 0.25 + 1e-6, $"a weight moved {m}"));
        Assert.Contains(moves, m => Math.Abs(m - 0.25) < 1e-6);
        var (unclippedBefore, unclippedAfter) = OneStep(new Sgd { LearningRate = 1 });
        Assert.True(unclippedBefore.Zip(unclippedAfter, (b, a) => Math.Abs(a - b)).Max() > 100);
    }

    [Fact]
    public void Clipping_by_norm_bounds_each_arrays_move_and_global_clipping_bounds_them_all()
    {
        var (before, after) = OneStep(new Sgd { LearningRate = 1, ClipNorm = 0.5 });
        // Dense(1) on 3 features: kernel = first 3 values, bias = the last
        Assert.Equal(0.5, Norm(before[..3], after[..3]), 4);
        Assert.Equal(0.5, Norm(before[3..], after[3..]), 4);
        var (globalBefore, globalAfter) = OneStep(new Sgd { LearningRate = 1, GlobalClipNorm = 0.5 });
        Assert.Equal(0.5, Norm(globalBefore, globalAfter), 4);
        static double Norm(float[] a, float[] b) => Math.Sqrt(a.Zip(b, (x, y) => (double)(x - y) * (x - y)).Sum());
    }

    [Fact]
    public void AdamW_shrinks_weights_whose_gradient_is_zero_by_its_decoupled_decay()
    {
        // all-zero inputs give the kernel a zero gradient: only the decay moves it, by 1 − lr · decay per step
        using var model = new Sequential([3], [new Dense(1, useBias: false)]);
        var before = model.GetWeights()[0];
        model.Compile(new AdamW { LearningRate = 0.1, WeightDecay = 0.5 }, Loss.MeanSquaredError);
        model.Fit(Data.Rows(new float[12], 4, 3), Data.Rows([1, 2, 3, 4], 4, 1), new FitOptions { Epochs = 3, BatchSize = 2 });
        var after = model.GetWeights()[0];
        var factor = Math.Pow(1 - 0.1 * 0.5, 6); // 3 epochs of 2 batches
        for (var i = 0; i < 3; i++) Assert.Equal(before[i] * factor, after[i], 5);
        using var plain = new Sequential([3], [new Dense(1, useBias: false)]);
        plain.Compile(new Adam { LearningRate = 0.1 }, Loss.MeanSquaredError);
        var plainBefore = plain.GetWeights()[0];
        plain.Fit(Data.Rows(new float[12], 4, 3), Data.Rows([1, 2, 3, 4], 4, 1), new FitOptions { Epochs = 3, BatchSize = 2 });
        Assert.Equal(plainBefore, plain.GetWeights()[0]);
    }

    [Fact]
    public void Adam_moves_the_weights_as_its_formula_says_step_by_step()
    {
        double[][] x = [[1, 2], [3, -1], [0.5, 0.5], [2, 1]];
        double[] y = [1, 0, 2, -1];
        using var model = new Sequential([2], [new Dense(1, useBias: false)]);
        var w = model.GetWeights()[0].Select(v => (double)v).ToArray();
        model.Compile(new Adam { LearningRate = 0.1 }, Loss.MeanSquaredError);
        model.Fit(Data.Rows([.. x.SelectMany(r => r.Select(v => (float)v))], 4, 2), Data.Rows([.. y.Select(v => (float)v)], 4, 1),
            new FitOptions { Epochs = 3, BatchSize = 4, Shuffle = false });

        // m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g², w ← w − lr/(1 − β₁ᵗ) · m / (√v / √(1 − β₂ᵗ) + ε), on the full batch's MSE gradient
        var (m, v) = (new double[2], new double[2]);
        for (var t = 1; t <= 3; t++)
        {
            var g = new double[2];
            for (var r = 0; r < 4; r++)
            {
                var error = x[r][0] * w[0] + x[r][1] * w[1] - y[r];
                for (var j = 0; j < 2; j++) g[j] += 2 * error * x[r][j] / 4;
            }
            for (var j = 0; j < 2; j++)
            {
                m[j] = 0.9 * m[j] + 0.1 * g[j];
                v[j] = 0.999 * v[j] + 0.001 * g[j] * g[j];
                w[j] -= 0.1 / (1 - Math.Pow(0.9, t)) * m[j] / (Math.Sqrt(v[j]) / Math.Sqrt(1 - Math.Pow(0.999, t)) + 1e-7);
            }
        }
        var after = model.GetWeights()[0];
        for (var j = 0; j < 2; j++) Assert.Equal(w[j], after[j], 5);
    }

    [Fact]
    public void Bad_optimizer_settings_are_refused_at_compile_time_naming_the_setting()
    {
        using var model = new Sequential([3], [new Dense(1)]);
        Assert.Contains("only one", Assert.Throws<ArgumentException>(() => model.Compile(new Adam { ClipNorm = 1, ClipValue = 1 }, Loss.MeanSquaredError)).Message);
        Assert.Equal("ClipNorm", Assert.Throws<ArgumentOutOfRangeException>(() => model.Compile(new Sgd { ClipNorm = 0 }, Loss.MeanSquaredError)).ParamName);
        Assert.Equal("Rho", Assert.Throws<ArgumentOutOfRangeException>(() => model.Compile(new RmsProp { Rho = 1 }, Loss.MeanSquaredError)).ParamName);
        Assert.Equal(0.004, new AdamW().WeightDecay);
    }
}

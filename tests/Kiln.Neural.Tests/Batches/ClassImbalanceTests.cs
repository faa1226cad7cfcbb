using Kiln.Neural.Batches;
using Kiln.Neural.Layers;
using Kiln.Neural.Training;

namespace Kiln.Neural.Tests.Batches;

public class ClassImbalanceTests
{
    /// <summary>Rows whose single value is the row number, with the given classes as targets.</summary>
    static TensorDataset Rows(params int[] classes) =>
        new(Data.Rows([.. Enumerable.Range(0, classes.Length).Select(i => (float)i)], classes.Length, 1), Data.Rows([.. classes.Select(c => (float)c)], classes.Length));

    static int[] Drawn(IBatchSource source, int epoch) =>
        [.. Enumerable.Range(0, source.BatchCount).SelectMany(b => Data.Flat(source.Read(epoch, b).InputArray()).Select(v => (int)v))];

    [Fact]
    public void Balanced_class_weights_are_rows_over_classes_times_the_rows_of_each_class_as_in_scikit_learn()
    {
        // compute_class_weight("balanced", classes=[0, 1, 2], y=[0, 0, 0, 1, 2, 2]) = [6/9, 6/3, 6/6]
        var weights = BalancedClassWeights.Of([0, 0, 0, 1, 2, 2]);
        Assert.Equal(3, weights.Count);
        Assert.Equal(2.0 / 3, weights[0], 12);
        Assert.Equal(2.0, weights[1], 12);
        Assert.Equal(1.0, weights[2], 12);
        using var data = Rows(4, 4, 7);
        Assert.Equal(new Dictionary<int, double> { [4] = 0.75, [7] = 1.5 }, BalancedClassWeights.Of(data));
    }

    [Fact]
    public void Balanced_sampling_draws_rare_classes_as_often_as_common_ones_by_repeating_their_rows()
    {
        using var data = Rows([.. Enumerable.Repeat(0, 180), .. Enumerable.Repeat(1, 20)]);
        var sampler = WeightedRandomSampler.Balanced(data, batchSize: 50, rowsPerEpoch: 2000, seed: 1);
        Assert.Equal(40, sampler.BatchCount);
        var rows = Drawn(sampler, 0);
        Assert.Equal(2000, rows.Length);
        var rare = rows.Count(r => r >= 180);
        Assert.InRange(rare, 900, 1100);
        Assert.True(rows.Where(r => r >= 180).Distinct().Count() == 20, "every rare row is drawn");
        Assert.Equal(rows, sampler.Rows(0));
        Assert.Equal(rows, Drawn(WeightedRandomSampler.Balanced(data, batchSize: 50, rowsPerEpoch: 2000, seed: 1), 0));
        Assert.NotEqual(rows, Drawn(sampler, 1));
    }

    [Fact]
    public void Rows_are_drawn_in_proportion_to_their_weights_and_a_weight_of_zero_is_never_drawn()
    {
        using var data = Rows(0, 0, 1, 1);
        var sampler = new WeightedRandomSampler(data, [0, 1, 3, 0], batchSize: 100, rowsPerEpoch: 4000, seed: 2);
        var rows = Drawn(sampler, 0);
        Assert.DoesNotContain(0, rows);
        Assert.DoesNotContain(3, rows);
        Assert.InRange(rows.Count(r => r == 2) / 4000.0, 0.72, 0.78);
    }

    [Fact]
    public void Sampler_weights_are_checked_by_row()
    {
        using var data = Rows(0, 1);
        Assert.Contains("3 weights for 2 rows", Assert.Throws<ArgumentException>(() => new WeightedRandomSampler(data, [1, 1, 1])).Message);
        Assert.Contains("row 1", Assert.Throws<ArgumentOutOfRangeException>(() => new WeightedRandomSampler(data, [1, -1])).Message);
        Assert.Contains("above 0", Assert.Throws<ArgumentException>(() => new WeightedRandomSampler(data, [0, 0])).Message);
        using var real = new TensorDataset(Data.Noise(1, 2, 1), Data.Rows([0.5f, 0.25f], 2));
        Assert.Contains("targets are classes", Assert.Throws<ArgumentException>(() => WeightedRandomSampler.Balanced(real)).Message);
    }

    [Fact]
    public void A_classifier_trained_on_balanced_batches_finds_more_of_the_rare_class()
    {
        // the rare class is the inner ring, 1 row in 10
        var (x, y) = TwoRings.Make(1000, seed: 4);
        var labels = Data.Flat(y);
        var keep = Enumerable.Range(0, 1000).Where(i => labels[i] == 0 || i % 9 == 0).ToArray();
        var xs = Data.Flat(x);
        using var data = new TensorDataset(Data.Rows([.. keep.SelectMany(i => new[] { xs[2 * i], xs[2 * i + 1] })], keep.Length, 2),
            Data.Rows([.. keep.Select(i => labels[i])], keep.Length));
        double RareRecall(IBatchSource source)
        {
            using var model = new Sequential([2], [new Dense(16, ActivationFunction.Relu), new Dense(2, ActivationFunction.Softmax)], seed: 1);
            model.Compile(new Adam { LearningRate = 0.02 }, Loss.SparseCategoricalCrossentropy);
            model.Fit(source, options: new FitOptions { Epochs = 8, Seed = 1 });
            var predicted = Data.Flat(model.Predict(new BatchLoader(data, 256, shuffle: false)));
            var rare = Enumerable.Range(0, keep.Length).Where(i => labels[keep[i]] == 1).ToArray();
            return rare.Count(i => predicted[2 * i + 1] > predicted[2 * i]) / (double)rare.Length;
        }
        var plain = RareRecall(new BatchLoader(data, 32, seed: 1));
        var balanced = RareRecall(WeightedRandomSampler.Balanced(data, 32, seed: 1));
        Assert.True(balanced > plain + 0.1, $"rare-class recall {balanced} with balanced sampling, {plain} without");
    }
}

using System.Numerics.Tensors;
using Kiln.Neural.Batches;
using Kiln.Neural.Layers;
using Kiln.Neural.Training;

namespace Kiln.Neural.Tests.Batches;

public class FitOnSourcesTests
{
    static Sequential Regressor() => new([3], [new Dense(8, ActivationFunction.Tanh), new Dense(1)], seed: 5);

    /// <summary>
    /// Rows made up as they are asked for (a generator, as Keras' PyDataset allows): y = 2·x₀ − 3·x₁ + 0.5·x₂ + 1,
    /// each batch's values drawn from its epoch and index, so nothing is held in memory.
    /// </summary>
    sealed class GeneratedLinearRows(int batches, int batchSize) : IBatchSource
    {
        public IReadOnlyList<IReadOnlyList<long>> InputShapes { get; } = [[3]];

        public int BatchCount => batches;

        public int RowCount => batches * batchSize;

        public int Reads { get; private set; }

        public Batch Read(int epoch, int index)
        {
            Reads++;
            var (x, y) = Data.Linear(batchSize, seed: epoch * 1000 + index);
            return new Batch(x, y);
        }
    }

    [Fact]
    public void Fitting_arrays_and_fitting_the_same_rows_through_loaders_is_the_same_training()
    {
        var (x, y) = Data.Linear(120, seed: 2);
        var options = new FitOptions { Epochs = 4, BatchSize = 16, Seed = 9 };
        using var onArrays = Regressor();
        onArrays.Compile(new Adam { LearningRate = 0.01 }, Loss.MeanSquaredError);
        var fromArrays = onArrays.Fit(x, y, options with { ValidationSplit = 0.25 });

        using var onSources = Regressor();
        onSources.Compile(new Adam { LearningRate = 0.01 }, Loss.MeanSquaredError);
        using var data = new TensorDataset(x, y);
        var train = new BatchLoader(new Subset(data, [.. Enumerable.Range(0, 90)]), batchSize: 16, seed: 9);
        var validation = new BatchLoader(new Subset(data, [.. Enumerable.Range(90, 30)]), batchSize: 16, shuffle: false);
        var fromSources = onSources.Fit(train, validation, options);

        Assert.Equal(fromArrays["loss"], fromSources["loss"]);
        Assert.Equal(fromArrays["val_loss"], fromSources["val_loss"]);
        Assert.Equal(onArrays.GetWeights(), onSources.GetWeights());
    }

    [Fact]
    public void A_model_learns_from_a_source_that_makes_its_rows_batch_by_batch()
    {
        var source = new GeneratedLinearRows(batches: 20, batchSize: 32);
        using var model = Regressor();
        model.Compile(new Adam { LearningRate = 0.02 }, Loss.MeanSquaredError);
        var history = model.Fit(source, options: new FitOptions { Epochs = 15 });
        Assert.Equal(20 * 15, source.Reads);
        Assert.True(history["loss"][^1] < history["loss"][0] / 10, $"loss went from {history["loss"][0]} to {history["loss"][^1]}");
        var (xTest, yTest) = Data.Linear(200, seed: -1);
        Assert.True(model.Evaluate(xTest, yTest)["loss"] < 0.2);
    }

    [Fact]
    public void Evaluate_and_predict_on_a_source_give_what_they_give_on_the_arrays()
    {
        var (x, y) = Data.Linear(50, seed: 4);
        using var model = Regressor();
        model.Compile(new Sgd(), Loss.MeanSquaredError, Metric.MeanAbsoluteError);
        using var data = new TensorDataset(x, y);
        var loader = new BatchLoader(data, batchSize: 7, shuffle: false);
        Assert.Equal(model.Evaluate(x, y, batchSize: 7), model.Evaluate(loader));
        var fromSource = model.Predict(loader);
        Assert.Equal([50, 1], fromSource.Lengths.ToArray());
        Assert.Equal(Data.Flat(model.Predict(x, batchSize: 7)), Data.Flat(fromSource));
        using var unlabelled = new TensorDataset(x);
        var withoutTargets = Data.Flat(model.Predict(new BatchLoader(unlabelled, 7, shuffle: false)));
        Assert.Equal(Data.Flat(fromSource), withoutTargets);
    }

    [Fact]
    public void Row_weights_given_with_the_batches_weigh_the_loss()
    {
        var x = Data.Noise(1, 4, 2);
        var y = Data.Rows([0, 1, 1, 0], 4);
        using var model = new Sequential([2], [new Dense(1, ActivationFunction.Sigmoid, useBias: false) { KernelInitializer = Initializer.Zeros }]);
        model.Compile(new Sgd { LearningRate = 1e-9 }, Loss.BinaryCrossentropy);
        using var data = new TensorDataset(x, y, [0.5f, 1, 2, 0]);
        var loss = model.Fit(new BatchLoader(data, 4), options: new FitOptions { ClassWeights = new Dictionary<int, double> { [1] = 3 } })["loss"][0];
        Assert.Equal((0.5 * 1 + 1 * 3 + 2 * 3 + 0) / 4 * Math.Log(2), loss, 5);
        // evaluation weighs rows by their weights but not by class
        Assert.Equal((0.5 + 1 + 2 + 0) / 4 * Math.Log(2), model.Evaluate(new BatchLoader(data, 4))["loss"], 5);
    }

    [Fact]
    public void Settings_that_only_apply_to_arrays_are_refused_with_a_source()
    {
        using var model = Regressor();
        model.Compile(new Sgd(), Loss.MeanSquaredError);
        var source = new GeneratedLinearRows(2, 4);
        Assert.Contains("second source", Assert.Throws<ArgumentException>(() => model.Fit(source, options: new FitOptions { ValidationSplit = 0.2 })).Message);
        Assert.Contains("with each batch", Assert.Throws<ArgumentException>(() => model.Fit(source, options: new FitOptions { SampleWeights = [1, 1] })).Message);
    }

    [Fact]
    public void A_source_whose_rows_do_not_fit_the_model_is_refused_before_and_during_training()
    {
        using var model = new Sequential([4], [new Dense(1)]);
        model.Compile(new Sgd(), Loss.MeanSquaredError);
        var error = Assert.Throws<ArgumentException>(() => model.Fit(new GeneratedLinearRows(2, 4)));
        Assert.Contains("the source's rows have shape [3] but the model takes rows of shape [4]", error.Message);

        var lying = new ShapeChangingSource();
        var during = Assert.Throws<InvalidDataException>(() => model.Fit(lying));
        Assert.Contains("batch 1 of epoch 0 has rows of shape [5]", during.Message);
    }

    /// <summary>Promises rows of four values, then gives five in its second batch.</summary>
    sealed class ShapeChangingSource : IBatchSource
    {
        public IReadOnlyList<IReadOnlyList<long>> InputShapes { get; } = [[4]];

        public int BatchCount => 2;

        public int RowCount => 4;

        public Batch Read(int epoch, int index)
        {
            var width = index == 0 ? 4 : 5;
            return new Batch(Data.Noise(index, 2, width), Tensor.Create(new float[2], [2, 1]));
        }
    }
}

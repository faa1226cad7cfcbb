using System.Numerics.Tensors;
using Kiln.Learn;
using Kiln.Neural.Callbacks;
using Kiln.Neural.Layers;
using Kiln.Neural.Training;

namespace Kiln.Neural.Tests;

public class SequentialTests
{
    static Sequential RingClassifier(long seed = 0) => new([2], [
        new Dense(16, ActivationFunction.Relu),
        new Dense(16, ActivationFunction.Relu),
        new Dense(2, ActivationFunction.Softmax),
    ], seed);

    [Fact]
    public void A_small_network_learns_a_boundary_no_line_separates()
    {
        var (x, y) = TwoRings.Make(600, seed: 1);
        using var model = RingClassifier();
        model.Compile(new Adam { LearningRate = 0.02 }, Loss.SparseCategoricalCrossentropy, Metric.Accuracy);
        var history = model.Fit(x, y, new FitOptions { Epochs = 60, BatchSize = 64, ValidationSplit = 0.2, Seed = 3 });
        Assert.Equal(60, history.Epochs.Count);
        Assert.True(history["loss"][^1] < history["loss"][0] / 3, $"loss went from {history["loss"][0]} to {history["loss"][^1]}");
        Assert.True(history["val_accuracy"][^1] > 0.93, $"validation accuracy {history["val_accuracy"][^1]}");
    }

    [Fact]
    public void A_dense_network_learns_fashion_mnist_from_a_few_thousand_images()
    {
        var (x, y) = FashionMnist.Load("train", 4000);
        var (xTest, yTest) = FashionMnist.Load("t10k", 2000);
        using var model = new Sequential([28, 28], [new Flatten(), new Dense(128, ActivationFunction.Relu), new Dropout(0.2), new Dense(10, ActivationFunction.Softmax)]);
        model.Compile(new Adam(), Loss.SparseCategoricalCrossentropy, Metric.Accuracy);
        model.Fit(x, y, new FitOptions { Epochs = 3, BatchSize = 64, Seed = 1 });
        var scores = model.Evaluate(xTest, yTest);
        Assert.True(scores["accuracy"] > 0.78, $"held-out accuracy {scores["accuracy"]}");
    }

    [Fact]
    public void Summary_lists_each_layer_with_its_output_shape_and_parameter_count()
    {
        using var model = new Sequential([28, 28], [new Flatten(), new Dense(256, ActivationFunction.Relu), new Dense(10, ActivationFunction.Softmax)]);
        var summary = model.Summary();
        Assert.Contains("(None, 784)", summary);
        Assert.Contains("200,960", summary); // 784 × 256 weights + 256 biases
        Assert.Contains("2,570", summary);
        Assert.EndsWith("Total params: 203,530", summary);
        Assert.Equal(203_530, model.ParameterCount);
    }

    [Fact]
    public void Predict_gives_one_probability_row_per_input_that_sums_to_one()
    {
        var (x, _) = TwoRings.Make(50, seed: 2);
        using var model = RingClassifier();
        var probabilities = model.Predict(x);
        Assert.Equal([50, 2], probabilities.Lengths.ToArray());
        for (var i = 0; i < 50; i++) Assert.Equal(1f, probabilities[i, 0] + probabilities[i, 1], 5);
    }

    [Fact]
    public void The_same_seed_gives_the_same_weights_and_the_same_training()
    {
        var (x, y) = TwoRings.Make(200, seed: 4);
        IReadOnlyList<double> Train(long seed)
        {
            using var model = RingClassifier(seed);
            model.Compile(new Sgd { LearningRate = 0.1, Momentum = 0.9 }, Loss.SparseCategoricalCrossentropy);
            return model.Fit(x, y, new FitOptions { Epochs = 3, Seed = 5 })["loss"];
        }
        Assert.Equal(Train(7), Train(7));
        Assert.NotEqual(Train(7), Train(8));
    }

    [Fact]
    public void Early_stopping_ends_training_when_validation_loss_stops_falling_and_restores_the_best_weights()
    {
        // labels unrelated to the inputs: the validation loss can only get worse as the network memorises
        var (x, _) = TwoRings.Make(300, seed: 5);
        var random = new Random(6);
        var y = Tensor.Create(Enumerable.Range(0, 300).Select(_ => (float)random.Next(2)).ToArray(), [300]);
        using var model = new Sequential([2], [new Dense(64, ActivationFunction.Relu), new Dense(64, ActivationFunction.Relu), new Dense(2, ActivationFunction.Softmax)]);
        model.Compile(new Adam { LearningRate = 0.01 }, Loss.SparseCategoricalCrossentropy);
        var stopping = new EarlyStopping { Monitor = "val_loss", Patience = 2, RestoreBestWeights = true };
        var history = model.Fit(x, y, new FitOptions { Epochs = 200, ValidationSplit = 0.3, Seed = 1, Callbacks = [stopping] });
        Assert.NotNull(stopping.StoppedEpoch);
        Assert.Equal(stopping.StoppedEpoch + 1, history.Epochs.Count);
        Assert.Equal(stopping.BestEpoch + 3, history.Epochs.Count);
        var validation = (Tensor.Create(Slice(x, 210, 90), [90, 2]), Tensor.Create(Slice(y, 210, 90), [90]));
        Assert.Equal(history["val_loss"][stopping.BestEpoch], model.Evaluate(validation.Item1, validation.Item2)["loss"], 4);
    }

    [Fact]
    public void Fit_reports_progress_per_batch_and_stops_when_cancelled()
    {
        var (x, y) = TwoRings.Make(320, seed: 7);
        using var model = RingClassifier();
        model.Compile(new Adam(), Loss.SparseCategoricalCrossentropy);
        using var cancellation = new CancellationTokenSource();
        var reports = new List<FitProgress>();
        var progress = new SynchronousProgress(p => { reports.Add(p); if (reports.Count == 15) cancellation.Cancel(); });
        Assert.ThrowsAny<OperationCanceledException>(() => model.Fit(x, y, new FitOptions { Epochs = 5 }, progress, cancellation.Token));
        Assert.Equal(new FitProgress("epoch 1/5", 1, 10), reports[0]);
        Assert.Equal(new FitProgress("epoch 2/5", 5, 10), reports[14]);
    }

    [Fact]
    public void Fitting_before_compiling_or_with_the_wrong_input_shape_is_refused_clearly()
    {
        var (x, y) = TwoRings.Make(10, seed: 8);
        using var model = new Sequential([3], [new Dense(2, ActivationFunction.Softmax)]);
        Assert.Contains("compile", Assert.Throws<InvalidOperationException>(() => model.Fit(x, y)).Message);
        model.Compile(new Adam(), Loss.SparseCategoricalCrossentropy);
        var error = Assert.Throws<ArgumentException>(() => model.Fit(x, y));
        Assert.Contains("[10, 2]", error.Message);
        Assert.Contains("[3]", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Dropout(1.5));
        Assert.Contains("learning rate", Assert.Throws<ArgumentOutOfRangeException>(() => model.Compile(new Adam { LearningRate = 0 }, Loss.MeanSquaredError)).Message);
    }

    static float[] Slice(Tensor<float> values, int first, int rows)
    {
        var all = new float[values.FlattenedLength];
        values.FlattenTo(all);
        var width = all.Length / (int)values.Lengths[0];
        return all[(first * width)..((first + rows) * width)];
    }

    sealed class SynchronousProgress(Action<FitProgress> report) : IProgress<FitProgress>
    {
        public void Report(FitProgress value) => report(value);
    }
}

using System.Globalization;
using Kiln.Neural.Callbacks;
using Kiln.Neural.Layers;
using Kiln.Neural.Training;
using Kiln.Testing;

namespace Kiln.Neural.Tests;

public class CallbackTests
{
    static bool Close(double a, double b) => Math.Abs(a - b) <= 1e-12;

    static IReadOnlyList<double> LearningRates(int epochs, double learningRate, params ICallback[] callbacks)
    {
        var (x, y) = TwoRings.Make(64, seed: 3);
        using var model = new Sequential([2], [new Dense(8, ActivationFunction.Tanh), new Dense(2, ActivationFunction.Softmax)]);
        // full-batch gradient descent with a small step: the training loss falls every epoch
        model.Compile(new Sgd { LearningRate = learningRate }, Loss.SparseCategoricalCrossentropy);
        return model.Fit(x, y, new FitOptions { Epochs = epochs, BatchSize = 64, Callbacks = callbacks })["learning_rate"];
    }

    [Fact]
    public void A_step_schedule_halves_the_learning_rate_every_second_epoch()
    {
        Assert.Equal([0.1, 0.1, 0.05, 0.05, 0.025], LearningRates(5, 0.1, LearningRateScheduler.Step(2, 0.5)), Close);
    }

    [Fact]
    public void Cosine_and_one_cycle_schedules_follow_their_curves()
    {
        var cosine = LearningRates(5, 0.1, LearningRateScheduler.Cosine(4));
        Assert.Equal([0.1, 0.1 * (1 + Math.Sqrt(0.5)) / 2, 0.05, 0.1 * (1 - Math.Sqrt(0.5)) / 2, 0], cosine, Close);
        var cycle = LearningRates(10, 0.1, LearningRateScheduler.OneCycle(10));
        Assert.Equal(0.1 / 25, cycle[0], 12);
        Assert.Equal(0.1, cycle.Max(), 12);
        Assert.Equal(3, cycle.ToList().IndexOf(cycle.Max()));
        Assert.Equal(0.1 / 1e4, cycle[^1], 12);
    }

    [Fact]
    public void A_schedule_that_gives_a_negative_rate_stops_training_with_a_clear_error()
    {
        var error = Assert.Throws<InvalidOperationException>(() => LearningRates(3, 0.1, new LearningRateScheduler((epoch, rate) => rate - epoch * 0.2)));
        Assert.Contains("epoch 1", error.Message);
    }

    [Fact]
    public void Reducing_on_a_plateau_cuts_the_rate_after_patience_epochs_without_improvement()
    {
        // watching the falling loss as if higher were better, so no epoch after the first improves
        var reduce = new ReduceLearningRateOnPlateau { Monitor = "loss", Maximize = true, Patience = 2, Factor = 0.5 };
        Assert.Equal([0.05, 0.05, 0.05, 0.025, 0.025, 0.0125], LearningRates(6, 0.05, reduce), Close);
    }

    [Fact]
    public void The_csv_logger_writes_one_row_per_epoch_with_every_measurement()
    {
        using var folder = new TemporaryFolder();
        var path = Path.Combine(folder.Path, "training.csv");
        var (x, y) = TwoRings.Make(100, seed: 4);
        using var model = new Sequential([2], [new Dense(4, ActivationFunction.Relu), new Dense(2, ActivationFunction.Softmax)]);
        model.Compile(new Adam(), Loss.SparseCategoricalCrossentropy, Metric.Accuracy);
        var history = model.Fit(x, y, new FitOptions { Epochs = 3, ValidationSplit = 0.2, Callbacks = [new CsvLogger(path)] });
        var lines = File.ReadAllLines(path);
        Assert.Equal("epoch,accuracy,learning_rate,loss,val_accuracy,val_loss", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.Equal(history["val_loss"][2], double.Parse(lines[3].Split(',')[5], CultureInfo.InvariantCulture));
    }
}

using System.Text.RegularExpressions;
using Kiln.Neural.Callbacks;
using Kiln.Neural.Layers;
using Kiln.Neural.Tracking;
using Kiln.Neural.Training;
using Kiln.Testing;

namespace Kiln.Neural.Tests;

public class ReportingCallbackTests
{
    static Sequential Classifier(long seed = 0) => new([2], [new Dense(8, ActivationFunction.Relu), new Dense(2, ActivationFunction.Softmax)], seed);

    [Fact]
    public void Saved_weights_load_into_a_fresh_model_and_give_exactly_the_same_predictions()
    {
        using var folder = new TemporaryFolder();
        var (x, y) = TwoRings.Make(100, seed: 1);
        using var trained = Classifier(seed: 1);
        trained.Compile(new Adam(), Loss.SparseCategoricalCrossentropy);
        trained.Fit(x, y, new FitOptions { Epochs = 2 });
        trained.SaveWeights(folder.File("model.safetensors"));
        using var fresh = Classifier(seed: 2);
        Assert.NotEqual(Data.Flat(trained.Predict(x)), Data.Flat(fresh.Predict(x)));
        fresh.LoadWeights(folder.File("model.safetensors"));
        Assert.Equal(Data.Flat(trained.Predict(x)), Data.Flat(fresh.Predict(x)));
        using var other = new Sequential([2], [new Dense(4, ActivationFunction.Relu), new Dense(2, ActivationFunction.Softmax)]);
        Assert.Contains("shape", Assert.Throws<InvalidDataException>(() => other.LoadWeights(folder.File("model.safetensors"))).Message);
    }

    [Fact]
    public void A_checkpoint_saves_only_epochs_that_improve_the_monitored_value_named_by_epoch()
    {
        using var folder = new TemporaryFolder();
        var (x, _) = TwoRings.Make(200, seed: 2);
        var random = new Random(3);
        var y = Data.Rows([.. Enumerable.Range(0, 200).Select(_ => (float)random.Next(2))], 200);
        using var model = new Sequential([2], [new Dense(32, ActivationFunction.Relu), new Dense(2, ActivationFunction.Softmax)]);
        model.Compile(new Adam { LearningRate = 0.02 }, Loss.SparseCategoricalCrossentropy, Metric.Accuracy);
        var lowest = new ModelCheckpoint(Path.Combine(folder.Path, "min-{epoch:D2}.safetensors")) { SaveBestOnly = true };
        var highest = new ModelCheckpoint(Path.Combine(folder.Path, "max-{epoch:D2}.safetensors")) { SaveBestOnly = true, Maximize = true };
        var every = new ModelCheckpoint(Path.Combine(folder.Path, "every-{epoch}-{loss:F3}.safetensors"));
        var history = model.Fit(x, y, new FitOptions { Epochs = 12, ValidationSplit = 0.3, Seed = 1, Callbacks = [lowest, highest, every] });

        static List<string> Improving(IReadOnlyList<double> values, bool maximize, string prefix)
        {
            var names = new List<string>();
            var best = maximize ? double.NegativeInfinity : double.PositiveInfinity;
            for (var e = 0; e < values.Count; e++)
                if (maximize ? values[e] > best : values[e] < best) (best, names) = (values[e], [.. names, $"{prefix}-{e + 1:D2}.safetensors"]);
            return names;
        }
        var validationLoss = history["val_loss"];
        Assert.Equal(Improving(validationLoss, false, "min"), lowest.Saved.Select(Path.GetFileName));
        Assert.Equal(Improving(validationLoss, true, "max"), highest.Saved.Select(Path.GetFileName));
        Assert.NotEqual(12, lowest.Saved.Count);
        Assert.Equal(12, every.Saved.Count);
        Assert.Equal($"every-12-{history["loss"][^1]:F3}.safetensors", Path.GetFileName(every.Saved[^1]));
        using var restored = new Sequential([2], [new Dense(32, ActivationFunction.Relu), new Dense(2, ActivationFunction.Softmax)], seed: 9);
        restored.LoadWeights(every.Saved[^1]);
        Assert.Equal(Data.Flat(model.Predict(x)), Data.Flat(restored.Predict(x)));
    }

    [Fact]
    public void TensorBoard_writes_event_files_with_each_epochs_scalars()
    {
        using var folder = new TemporaryFolder();
        var (x, y) = TwoRings.Make(100, seed: 4);
        using var model = Classifier();
        model.Compile(new Adam(), Loss.SparseCategoricalCrossentropy, Metric.Accuracy);
        var history = model.Fit(x, y, new FitOptions { Epochs = 3, ValidationSplit = 0.2, Callbacks = [new TensorBoard(folder.Path)] });
        var train = TensorBoardEvents.Scalars(Assert.Single(Directory.GetFiles(Path.Combine(folder.Path, "train"), "events.out.tfevents.*")));
        var validation = TensorBoardEvents.Scalars(Assert.Single(Directory.GetFiles(Path.Combine(folder.Path, "validation"), "events.out.tfevents.*")));
        Assert.Equal(["epoch_accuracy", "epoch_learning_rate", "epoch_loss"], train.Select(s => s.Tag).Distinct().Order());
        Assert.Equal(["epoch_accuracy", "epoch_loss"], validation.Select(s => s.Tag).Distinct().Order());
        for (var epoch = 0; epoch < 3; epoch++)
        {
            Assert.Equal((float)history["loss"][epoch], Assert.Single(train, s => s.Tag == "epoch_loss" && s.Step == epoch).Value);
            Assert.Equal((float)history["val_accuracy"][epoch], Assert.Single(validation, s => s.Tag == "epoch_accuracy" && s.Step == epoch).Value);
        }
    }

    static string Progress(bool live, TimeSpan? redrawInterval = null)
    {
        var (x, y) = TwoRings.Make(64, seed: 5);
        using var model = Classifier();
        model.Compile(new Adam(), Loss.SparseCategoricalCrossentropy, Metric.Accuracy);
        using var output = new StringWriter();
        var bar = new ProgressBar(output, live) { RedrawInterval = redrawInterval ?? TimeSpan.Zero };
        model.Fit(x, y, new FitOptions { Epochs = 2, BatchSize = 16, ValidationSplit = 0.25, Callbacks = [bar] });
        return output.ToString();
    }

    [Fact]
    public void The_progress_bar_writes_one_plain_line_per_epoch_when_output_is_redirected()
    {
        var lines = Progress(live: false).Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Equal("Epoch 1/2", lines[0]);
        Assert.Equal("Epoch 2/2", lines[2]);
        Assert.Matches(@"^3/3 - \d+s - \d+ms/step - accuracy: \d\.\d{4} - loss: \d\.\d{4} - val_accuracy: \d\.\d{4} - val_loss: \d\.\d{4}$", lines[1]);
        Assert.DoesNotContain('\r', lines[1]);
    }

    [Fact]
    public void On_a_terminal_the_progress_bar_is_redrawn_after_every_batch()
    {
        var text = Progress(live: true);
        var firstEpoch = text.Split(Environment.NewLine)[1];
        var redraws = firstEpoch.Split('\r', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, redraws.Length); // three batches, then the epoch's line
        Assert.Matches(@"^1/3 ━{6} {14} \d+s - accuracy: \d\.\d{4} - loss: \d\.\d{4}$", redraws[0]);
        Assert.Matches(@"^3/3 ━{20} \d+s \d+ms/step - accuracy: .* - val_loss: \d\.\d{4}$", redraws[3]);
    }

    [Fact]
    public void A_live_bar_skips_redraws_within_its_interval_but_always_draws_the_first_batch_and_the_epoch_line()
    {
        var text = Progress(live: true, redrawInterval: TimeSpan.FromHours(1));
        var firstEpoch = text.Split(Environment.NewLine)[1];
        var redraws = firstEpoch.Split('\r', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, redraws.Length);
        Assert.StartsWith("1/3 ", redraws[0]);
        Assert.StartsWith("3/3 ", redraws[1]);
    }

    [Fact]
    public void A_tracker_receives_the_run_parameters_each_epochs_metrics_and_the_artifacts()
    {
        using var folder = new TemporaryFolder();
        var (x, y) = TwoRings.Make(100, seed: 6);
        using var model = Classifier();
        model.Compile(new Adam { LearningRate = 0.01 }, Loss.SparseCategoricalCrossentropy, Metric.Accuracy);
        var tracker = new InMemoryTracker();
        var checkpoint = new ModelCheckpoint(Path.Combine(folder.Path, "checkpoint-{epoch}.safetensors"));
        var history = model.Fit(x, y, new FitOptions
        {
            Epochs = 3, BatchSize = 25, ValidationSplit = 0.2, Seed = 4,
            Callbacks = [new TrackingCallback(tracker, Path.Combine(folder.Path, "run")), checkpoint],
        });
        Assert.Equal("Adam", tracker.Parameters["optimizer"]);
        Assert.Equal("0.01", tracker.Parameters["optimizer.LearningRate"]);
        Assert.Equal("3", tracker.Parameters["epochs"]);
        Assert.Equal("25", tracker.Parameters["batch_size"]);
        Assert.Equal("sparse-categorical-crossentropy", tracker.Parameters["loss"]);
        Assert.Equal(model.ParameterCount.ToString(), tracker.Parameters["parameters"]);
        Assert.Equal(history["val_accuracy"], tracker.History("val_accuracy"));
        Assert.Equal([0, 1, 2], tracker.Metrics.Where(m => m.Name == "loss").Select(m => m.Step));
        Assert.Equal(3, tracker.Artifacts.Count(a => Path.GetFileName(a).StartsWith("checkpoint-", StringComparison.Ordinal)));
        var weights = Assert.Single(tracker.Artifacts, a => a.EndsWith("weights.safetensors", StringComparison.Ordinal));
        Assert.Contains("Total params", File.ReadAllText(Assert.Single(tracker.Artifacts, a => a.EndsWith("summary.txt", StringComparison.Ordinal))));
        using var restored = Classifier(seed: 5);
        restored.LoadWeights(weights);
        Assert.Equal(Data.Flat(model.Predict(x)), Data.Flat(restored.Predict(x)));
    }

    [Fact]
    public void A_checkpoint_path_naming_an_unreported_measurement_is_refused_clearly()
    {
        using var folder = new TemporaryFolder();
        var (x, y) = TwoRings.Make(20, seed: 7);
        using var model = Classifier();
        model.Compile(new Adam(), Loss.SparseCategoricalCrossentropy);
        var checkpoint = new ModelCheckpoint(Path.Combine(folder.Path, "w-{val_auc}.safetensors"));
        var error = Assert.Throws<ArgumentException>(() => model.Fit(x, y, new FitOptions { Callbacks = [checkpoint] }));
        Assert.Contains("val_auc", error.Message);
        Assert.Empty(Directory.GetFiles(folder.Path));
    }
}

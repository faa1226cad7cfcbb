using System.Text.Json.Nodes;
using Kiln.Neural.Experiments;

namespace Kiln.Neural.Tests.Experiments;

public class ExperimentTests
{
    static JsonObject Rings() => JsonNode.Parse("""
        {"input_shape": [2], "layers": [
          {"type": "dense", "units": 16, "activation": "relu"},
          {"type": "dense", "units": 2, "activation": "softmax"}],
         "compile": {"optimizer": {"type": "adam", "learning_rate": 0.01}, "loss": "sparse_categorical_crossentropy", "metrics": ["accuracy"]}}
        """)!.AsObject();

    static ExperimentData Data(double validationSplit = 0.25)
    {
        var (x, y) = TwoRings.Make(400, seed: 3);
        var (testX, testY) = TwoRings.Make(200, seed: 4);
        return new ExperimentData(x, y, validationSplit, testX, testY);
    }

    static IReadOnlyList<ExperimentVariant> Variants(string vary, int epochs = 8, ExperimentMode mode = ExperimentMode.OneAtATime) =>
        VariantGenerator.Generate(Rings(), new ExperimentTraining { Epochs = epochs, BatchSize = 32 }, Variation.Parse(vary), mode);

    [Fact]
    public void Each_variant_is_measured_with_its_final_network_on_train_validation_and_test_rows_and_ranked_by_validation()
    {
        var data = Data();
        var result = Experiment.Run(Variants("units=1,64"), data, seed: 1);
        Assert.False(result.Cancelled);
        Assert.Equal(3, result.Variants.Count);
        var wide = result.Variants.Single(v => v.Variant.Name == "units=64");
        Assert.Equal(8, wide.Epochs.Count);
        Assert.Equal(2 * 64 + 64 + 64 * 2 + 2, wide.Parameters);
        Assert.InRange(wide.ValidationAccuracy, 0.85, 1); // a circle is easy for 64 units
        Assert.InRange(result.Variants.Single(v => v.Variant.Name == "units=1").ValidationAccuracy, 0, 0.8); // and impossible for one

        // the measures are the final network's: on the validation rows, what the last epoch measured
        Assert.Equal(wide.Epochs[^1]["val_accuracy"], wide.ValidationAccuracy, 12);
        Assert.Equal(wide.Epochs[^1]["val_loss"], wide.Validation!["loss"], 4);
        Assert.Equal(wide.TrainAccuracy - wide.ValidationAccuracy, wide.Gap, 12);
        Assert.Equal(result.Ranked.Select(v => v.ValidationAccuracy).OrderDescending(), result.Ranked.Select(v => v.ValidationAccuracy));
        Assert.Equal("val_accuracy", result.RankedBy);
        Assert.Equal(wide.Test!["accuracy"], wide.TestAccuracy);
    }

    [Fact]
    public void Every_variant_starts_from_the_same_seed_so_an_unchanged_network_trains_to_the_same_numbers()
    {
        // the generator folds identical variants into one, so the base is given twice by hand
        var variants = Variants("lr=0.05");
        var result = Experiment.Run([variants[0], variants[0] with { Name = "again" }, variants[1]], Data(), seed: 7);
        Assert.Equal(result.Variants[0].Epochs.Select(e => e["loss"]), result.Variants[1].Epochs.Select(e => e["loss"]));
        Assert.Equal(result.Variants[0].TestAccuracy, result.Variants[1].TestAccuracy);
        Assert.NotEqual(result.Variants[0].Epochs[0]["loss"], result.Variants[2].Epochs[0]["loss"]);
    }

    [Fact]
    public void Early_stopping_ends_a_variant_early_and_puts_back_its_best_epoch()
    {
        // a learning rate this large makes the validation loss jump about, so patience 1 runs out well before 40 epochs
        var result = Experiment.Run(Variants("lr=0.5;early-stopping=1", epochs: 40, mode: ExperimentMode.Grid), Data(), seed: 2);
        var stopped = result.Variants.Single();
        Assert.InRange(stopped.Epochs.Count, 2, 39);
        var best = stopped.RestoredEpoch!.Value;
        Assert.Equal(stopped.Epochs.Select(e => e["val_loss"]).Min(), stopped.Epochs[best - 1]["val_loss"]);
        Assert.Equal(stopped.Epochs[best - 1]["val_loss"], stopped.Validation!["loss"], 4);
    }

    [Fact]
    public void Cancelling_keeps_the_variants_that_finished()
    {
        using var cancellation = new CancellationTokenSource();
        var seen = new List<ExperimentProgress>();
        var progress = new Inline(p =>
        {
            seen.Add(p);
            if (p.Finished is not null) cancellation.Cancel();
        });
        var result = Experiment.Run(Variants("units=4,8"), Data(), seed: 1, progress, cancellation.Token);
        Assert.True(result.Cancelled);
        Assert.Equal(3, result.Planned);
        Assert.Equal(["base"], result.Variants.Select(v => v.Variant.Name));
        // a start, eight epochs and the measures of the first variant, then the start of the second
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7, 8, 8, 0], seen.Select(p => p.Epoch));
        Assert.Equal(1, seen[^1].Variant);
    }

    [Fact]
    public void Early_stopping_without_validation_rows_is_refused_before_any_training()
    {
        var error = Assert.Throws<ArgumentException>(() => Experiment.Run(Variants("early-stopping=3"), Data(validationSplit: 0)));
        Assert.StartsWith("early-stopping=3: early stopping watches the validation loss, but no rows are held out", error.Message);
    }

    [Fact]
    public void Without_held_out_rows_the_variants_are_ranked_by_training_accuracy()
    {
        var result = Experiment.Run(Variants("units=1", epochs: 2), Data(validationSplit: 0), seed: 1);
        Assert.Equal("accuracy", result.RankedBy);
        Assert.All(result.Variants, v => Assert.Null(v.Validation));
        Assert.All(result.Variants, v => Assert.True(double.IsNaN(v.Gap)));
    }

    sealed class Inline(Action<ExperimentProgress> report) : IProgress<ExperimentProgress>
    {
        public void Report(ExperimentProgress value) => report(value);
    }
}

using System.Text.Json.Nodes;

namespace Kiln.Neural.Experiments;

/// <summary>
/// The overfitting investigation as a preset experiment: a big dense network (three hidden layers of 512 units, about
/// 930,000 weights for 28×28 images) trained long on 1,000 images learns them by heart — training accuracy runs to
/// 100% while validation accuracy stalls — and dropout, an L2 penalty and early stopping are each tried against it.
/// </summary>
public static class OverfittingStudy
{
    /// <summary>How many rows the study reads unless told otherwise: half to train on, few enough for a big network to memorise.</summary>
    public const int Rows = 2000;

    /// <summary>
    /// The share of those rows held out to draw the validation curve and measure the gap: half, so that 1,000 rows
    /// train and 1,000 validate — enough that the gap is not lost in the noise of a small validation set.
    /// </summary>
    public const double ValidationSplit = 0.5;

    /// <summary>The three remedies, each varied alone against the base.</summary>
    public const string Remedies = "dropout=0.5;l2=0.01;early-stopping=5";

    public static ExperimentTraining Training { get; } = new() { Epochs = 50, BatchSize = 32 };

    /// <summary>The big network for rows of <paramref name="inputSize"/> values and <paramref name="classes"/> classes.</summary>
    public static JsonObject BaseConfig(int inputSize, int classes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        var layers = new JsonArray();
        for (var i = 0; i < 3; i++) layers.Add(new JsonObject { ["type"] = "dense", ["units"] = 512, ["activation"] = "relu" });
        layers.Add(new JsonObject { ["type"] = "dense", ["units"] = classes, ["activation"] = "softmax" });
        return new JsonObject
        {
            ["model"] = "sequential",
            ["input_shape"] = new JsonArray(inputSize),
            ["layers"] = layers,
            ["compile"] = new JsonObject
            {
                ["optimizer"] = new JsonObject { ["type"] = "adam", ["learning_rate"] = 0.001 },
                ["loss"] = "sparse_categorical_crossentropy",
                ["metrics"] = new JsonArray("accuracy"),
            },
        };
    }
}

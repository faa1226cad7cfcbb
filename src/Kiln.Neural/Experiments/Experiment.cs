using System.Diagnostics;
using System.Numerics.Tensors;
using Kiln.Neural.Callbacks;
using Kiln.Neural.Config;
using Kiln.Neural.Training;

namespace Kiln.Neural.Experiments;

/// <summary>
/// Trains each variant on the same rows from the same seed — the same first weights where the architecture allows,
/// the same row order and dropout draws — so that what differs between results is what the variation changed.
/// </summary>
public static class Experiment
{
    const int EvaluationBatch = 256;

    /// <summary>
    /// Trains the variants in order. Cancelling stops the variant in training and returns those finished before it,
    /// with <see cref="ExperimentResult.Cancelled"/> set.
    /// </summary>
    public static ExperimentResult Run(IReadOnlyList<ExperimentVariant> variants, ExperimentData data, long seed = 0,
        IProgress<ExperimentProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(variants);
        ArgumentNullException.ThrowIfNull(data);
        Check(variants, data);
        var (trainX, validationX) = data.Split(data.X);
        var (trainY, validationY) = data.Split(data.Y);
        var validation = data.ValidationRows > 0 ? (validationX, validationY) : default;
        var results = new List<VariantResult>();
        for (var i = 0; i < variants.Count; i++)
        {
            var variant = variants[i];
            progress?.Report(new ExperimentProgress(i, variants.Count, variant.Name, 0, variant.Training.Epochs));
            try
            {
                var result = Train(variant, data, seed, trainX, trainY, validation, progress is null ? null : new EpochReporter(progress, i, variants.Count, variant.Name), cancellation);
                results.Add(result);
                progress?.Report(new ExperimentProgress(i, variants.Count, variant.Name, result.Epochs.Count, variant.Training.Epochs, result.Epochs[^1], result));
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                return new ExperimentResult(results, variants.Count, Cancelled: true);
            }
        }
        return new ExperimentResult(results, variants.Count, Cancelled: false);
    }

    static VariantResult Train(ExperimentVariant variant, ExperimentData data, long seed, Tensor<float> trainX, Tensor<float> trainY,
        (Tensor<float> X, Tensor<float> Y) validation, EpochReporter? reporter, CancellationToken cancellation)
    {
        using var model = ModelConfig.FromJson(variant.Config, seed, variant.Name);
        var earlyStopping = variant.Training.EarlyStoppingPatience is { } patience
            ? new EarlyStopping { Monitor = "val_loss", Patience = patience, RestoreBestWeights = true }
            : null;
        var callbacks = new List<ICallback>();
        if (reporter is not null) callbacks.Add(reporter);
        if (earlyStopping is not null) callbacks.Add(earlyStopping);
        var clock = Stopwatch.StartNew();
        var history = model.Fit(data.X, data.Y, new FitOptions
        {
            Epochs = variant.Training.Epochs,
            BatchSize = variant.Training.BatchSize,
            ValidationSplit = data.ValidationSplit,
            Seed = seed,
            Callbacks = callbacks,
        }, null, cancellation);
        var seconds = clock.Elapsed.TotalSeconds;
        cancellation.ThrowIfCancellationRequested();
        var train = model.Evaluate(trainX, trainY, EvaluationBatch);
        cancellation.ThrowIfCancellationRequested();
        return new VariantResult
        {
            Variant = variant,
            Epochs = history.Epochs,
            Train = train,
            Validation = validation.X is null ? null : model.Evaluate(validation.X, validation.Y, EvaluationBatch),
            Test = data.TestX is { } testX ? model.Evaluate(testX, data.TestY!, EvaluationBatch) : null,
            Seconds = seconds,
            Parameters = model.ParameterCount,
            RestoredEpoch = earlyStopping?.StoppedEpoch is not null ? earlyStopping.BestEpoch + 1 : null,
        };
    }

    /// <summary>Refuses, before any training, data the variants cannot take.</summary>
    static void Check(IReadOnlyList<ExperimentVariant> variants, ExperimentData data)
    {
        if (variants.Count == 0) throw new ArgumentException("an experiment needs at least one variant", nameof(variants));
        if (data.ValidationSplit is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(data), data.ValidationSplit, "the validation split must be in [0, 1)");
        if (data.X.Lengths[0] != data.Y.Lengths[0]) throw new ArgumentException($"the data has {data.X.Lengths[0]} rows of inputs but {data.Y.Lengths[0]} targets", nameof(data));
        if ((data.TestX is null) != (data.TestY is null)) throw new ArgumentException("give both test inputs and test targets, or neither", nameof(data));
        if (data.TrainRows < 1 || (data.ValidationSplit > 0 && data.ValidationRows < 1))
            throw new ArgumentException($"a validation split of {data.ValidationSplit} leaves no rows on one side of {data.X.Lengths[0]}", nameof(data));
        foreach (var variant in variants)
            if (variant.Training.EarlyStoppingPatience is not null && data.ValidationRows == 0)
                throw new ArgumentException($"{variant.Name}: early stopping watches the validation loss, but no rows are held out; give a validation split above 0", nameof(data));
    }
}

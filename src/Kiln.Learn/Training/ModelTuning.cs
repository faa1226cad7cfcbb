using Kiln.Data;
using Kiln.Learn.Metrics;
using Kiln.Learn.ModelSelection;

namespace Kiln.Learn.Training;

/// <summary>
/// Tunes a prepared model (<see cref="ModelTraining.Prepare"/>) as <c>kiln tune</c> does: holds rows out, searches its
/// hyperparameters by cross-validation on the rest (preprocessing refitted in every fold), cross-validates the defaults
/// on the same folds, and scores both the default and the tuned model, each fitted on the training rows, on the
/// held-out rows.
/// </summary>
public static class ModelTuning
{
    public static TuningResult Tune(TrainingSetup setup, ParameterSearch search, TuningOptions? options = null,
        IProgress<FitProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(search);
        options ??= new TuningOptions();
        setup.RequireSupervised("tuning");
        if (!(options.TestSize > 0 && options.TestSize < 1))
            throw new ArgumentOutOfRangeException(nameof(options), options.TestSize, "the held-out share (test size) must be above 0 and below 1");
        if (options.Folds < 2)
            throw new ArgumentOutOfRangeException(nameof(options), options.Folds, "cross-validation needs at least 2 folds");
        var classifier = setup.Entry.Role == EstimatorRole.Classifier;
        var target = setup.Target.Name;
        var fractions = new SplitFractions(1 - options.TestSize, 0, options.TestSize);
        var split = classifier
            ? DataSplit.Stratified(setup.Table, target, fractions, options.Seed)
            : DataSplit.Random(setup.Table, fractions, options.Seed);
        var (trainX, trainY) = (split.Train.Drop(target), split.Train[target]);
        var (testX, testY) = (split.Test.Drop(target), split.Test[target]);

        var validation = new CrossValidationOptions
        {
            Splitter = classifier ? new StratifiedKFold(options.Folds, Shuffle: true, Seed: options.Seed) : new KFold(options.Folds, Shuffle: true, Seed: options.Seed),
            Scoring = options.Scoring is null ? null : [options.Scoring],
            Parallelism = options.Parallelism,
        };
        var result = (search with { Refit = true }).Run(setup.Pipeline, trainX, trainY, validation, progress, cancellationToken);
        progress?.Report(new FitProgress("defaults", 0, 1));
        var baseline = CrossValidation.Run(setup.Pipeline, trainX, trainY, validation, cancellationToken: cancellationToken);
        var defaults = setup.Pipeline.Fit(trainX, trainY, new FitContext { Cancellation = cancellationToken });
        progress?.Report(new FitProgress("defaults", 1, 1));
        var scorer = Scorers.Get(result.Scoring[0]);
        HeldOutScore Score(IModel model) =>
            new(scorer.Name, scorer.Score((IPredictorModel)model, testX, testY), ModelTraining.Evaluate(model, split.Test, target));
        return new TuningResult(result, baseline, Score(defaults), Score(result.BestModel!), result.BestModel!, trainX.RowCount, testX);
    }
}

using System.Diagnostics;
using Kiln.Data;
using Kiln.Learn.Cleaning;
using Kiln.Learn.Compose;
using Kiln.Learn.Metrics;
using Kiln.Learn.Preparation;

namespace Kiln.Learn.Training;

/// <summary>
/// Fits a catalog model on a whole table behind the default preprocessing (so raw CSV columns go straight in), and
/// scores fitted models on labelled tables — what <c>kiln train</c> and <c>kiln evaluate</c> do.
/// </summary>
public static class ModelTraining
{
    /// <summary>
    /// Fits the model; <paramref name="progress"/> hears what the algorithm reports as it goes (trees built, boosting
    /// rounds, solver iterations, epochs — in the algorithm's own stage names).
    /// </summary>
    public static TrainingResult Train(Frame table, string source, string target, string model,
        IReadOnlyDictionary<string, object?>? parameters = null, long? seed = null, IProgress<FitProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var setup = Prepare(table, source, target, model, parameters, seed);
        var clock = Stopwatch.StartNew();
        var fitted = setup.Pipeline.Fit(setup.Features, setup.IsSupervised ? setup.Target : null, new FitContext { Progress = progress, Cancellation = cancellationToken });
        var seconds = clock.Elapsed.TotalSeconds;
        var scores = setup.IsSupervised ? Evaluate(fitted, setup.Table, target) : null;
        return new TrainingResult(setup.Entry, fitted, setup.Columns, setup.Table.RowCount, seconds, scores);
    }

    /// <summary>
    /// Everything <see cref="Train"/> does short of fitting: the labelled rows, the features and the target, and the
    /// model behind the default preprocessing as one unfitted pipeline, ready to fit, cross-validate or search.
    /// </summary>
    public static TrainingSetup Prepare(Frame table, string source, string target, string model,
        IReadOnlyDictionary<string, object?>? parameters = null, long? seed = null)
    {
        var entry = EstimatorCatalog.Find(model);
        if (entry.Role is not (EstimatorRole.Classifier or EstimatorRole.Regressor or EstimatorRole.Clusterer or EstimatorRole.OutlierDetector))
            throw new ArgumentException($"'{model}' is a {Kebab.Of(entry.Role.ToString())}, not a model to train; `kiln models list` shows the models");
        var values = new Dictionary<string, object?>(parameters ?? new Dictionary<string, object?>(), StringComparer.Ordinal);
        if (seed is { } s && entry.Parameters.Any(p => p.Name == "seed")) values["seed"] = s;
        var estimator = EstimatorCatalog.Create(model, values);

        var labels = table[target];
        if (labels.MissingCount > 0) table = table.Filter(labels.PresentFlags());
        var features = table.Drop(target);
        var y = table[target];
        if (entry.Role == EstimatorRole.Classifier)
        {
            var classes = new Frame(y).ValueCounts(target).RowCount;
            if (classes < 2)
                throw new DataFormatException(source, null, target, $"the target has a single class ('{y.Format(0)}'): a classifier needs two or more");
        }
        else if (entry.Role == EstimatorRole.Regressor && !y.Type.IsNumeric())
            throw new DataFormatException(source, null, target, $"is {y.Type.Name()}; {model} predicts numbers, so the target must be numeric");

        var columns = FeatureColumns.Of(new TypeConverter().Fit(features).Transform(features));
        if (columns.IsEmpty) throw new DataFormatException(source, null, null, "no feature columns are left to train on");
        var pipeline = new Pipeline([.. DefaultPreprocessing.Steps(columns, scale: !entry.Has(Capability.ScaleInvariant)), new PipelineStep(model, estimator)]);
        return new TrainingSetup(entry, pipeline, table, features, y, columns);
    }

    /// <summary>Scores a fitted model on a labelled table; the target is found by the name it was fitted with.</summary>
    public static Evaluation Evaluate(IModel model, Frame table, string? target = null)
    {
        target ??= TargetOf(model) ?? throw new ArgumentException("the model does not record its target; name it");
        var actual = table[target];
        var features = table.Drop(target);
        return model switch
        {
            PipelineModel { Role: EstimatorRole.Classifier } or IClassifierModel and not PipelineModel =>
                new Evaluation(target, ClassificationScores.Of(actual, ((IClassifierModel)model).Predict(features),
                    ((IClassifierModel)model).PredictProbabilities(features)), null),
            PipelineModel { Role: EstimatorRole.Regressor } or IRegressorModel and not PipelineModel =>
                new Evaluation(target, null, RegressionScores.Of(actual, ((IRegressorModel)model).Predict(features))),
            _ => throw new ArgumentException("only classifiers and regressors can be scored against a target"),
        };
    }

    /// <summary>The name of the target a model was fitted on: its classes' name, or a regressor's target name.</summary>
    public static string? TargetOf(IModel model) => model switch
    {
        PipelineModel pipeline => TargetOf(pipeline.Final),
        IClassifierModel classifier => classifier.Classes.Name,
        RegressorModel regressor => regressor.TargetName,
        _ => null,
    };
}

/// <summary>What <see cref="ModelTraining.Train"/> fitted: the model behind its preprocessing, how long it took and its training scores.</summary>
public sealed record TrainingResult(CatalogEntry Entry, PipelineModel Model, FeatureColumns Columns, int Rows, double Seconds, Evaluation? TrainingScores);

/// <summary>Scores of a model on a labelled table: classification or regression scores.</summary>
public sealed record Evaluation(string Target, ClassificationScores? Classification, RegressionScores? Regression)
{
    /// <summary>The headline numbers by name, as a model package's manifest records them.</summary>
    public IReadOnlyDictionary<string, double> Summary() => Classification is { } c
        ? new Dictionary<string, double> { ["accuracy"] = c.Accuracy, ["f1-macro"] = c.F1Macro }
        : new Dictionary<string, double> { ["r2"] = Regression!.R2, ["rmse"] = Regression.RootMeanSquaredError };
}

using System.Diagnostics;
using System.Globalization;
using Kiln.Data;
using Kiln.Learn.Metrics;
using Kiln.Learn.ModelSelection;

namespace Kiln.Learn.Training;

/// <summary>
/// Compares catalog models on one table as <c>kiln compare</c> does: every model behind the same default
/// preprocessing, cross-validated on the same folds of the training rows, fitted on all of them and scored on the
/// same held-out rows; ranked by the mean cross-validated score, with a verdict that says which is best and whether
/// the lead is larger than the noise between folds.
/// </summary>
public static class ModelComparison
{
    /// <summary>
    /// The rows held out to score models on: a seeded share of <paramref name="labelled"/>, stratified by the target's
    /// classes for a classifier so each class keeps its share on both sides.
    /// </summary>
    public static SplitResult HeldOutSplit(Frame labelled, string target, bool classifier, double testSize, long seed)
    {
        var fractions = new SplitFractions(1 - testSize, 0, testSize);
        return classifier ? DataSplit.Stratified(labelled, target, fractions, seed) : DataSplit.Random(labelled, fractions, seed);
    }

    /// <summary>Kernel SVMs fit in time that grows with the square of the rows; above this many they are left out unless named.</summary>
    public const int KernelSvmRowLimit = 10_000;

    static readonly string[] ShortClassifiers =
        ["logistic-regression", "knn-classifier", "gaussian-nb", "decision-tree-classifier", "random-forest-classifier", "gradient-boosting-classifier", "svm-classifier"];

    static readonly string[] ShortRegressors =
        ["linear-regression", "ridge", "lasso", "knn-regressor", "decision-tree-regressor", "random-forest-regressor", "gradient-boosting-regressor", "svm-regressor"];

    /// <summary>
    /// The model every comparison also scores, on the same folds and held-out rows, but never ranks: it ignores the
    /// features, so a model that does not beat it has learnt nothing from them.
    /// </summary>
    public static string BaselineModel(EstimatorRole task) => task == EstimatorRole.Classifier ? "dummy-classifier" : "dummy-regressor";

    /// <summary>How the baseline's row is named: by what it predicts.</summary>
    public static string BaselineLabel(EstimatorRole task) => task == EstimatorRole.Classifier ? "baseline (most frequent class)" : "baseline (mean)";

    /// <summary>Classification when the target is text, true/false, or whole numbers with few distinct values (at most 20); regression otherwise.</summary>
    public static EstimatorRole DetectTask(Column target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!target.Type.IsNumeric()) return EstimatorRole.Classifier;
        var values = target.AsFloat64().Values;
        var distinct = new HashSet<double>();
        for (var i = 0; i < values.Length; i++)
        {
            if (double.IsNaN(values[i])) continue;
            if (values[i] != Math.Floor(values[i])) return EstimatorRole.Regressor;
            if (distinct.Add(values[i]) && distinct.Count > 20) return EstimatorRole.Regressor;
        }
        return EstimatorRole.Classifier;
    }

    /// <summary>
    /// The models compared when none are named: a short list of the usual ones, or with <paramref name="all"/> every
    /// catalog model of the task except the meta-ensembles (voting and stacking combine models you choose) and the
    /// naive Bayes models for counts (they need non-negative inputs). Kernel SVMs are left out above
    /// <see cref="KernelSvmRowLimit"/> rows. The second list says what was left out and why.
    /// </summary>
    public static (IReadOnlyList<string> Models, IReadOnlyList<string> LeftOut) DefaultModels(EstimatorRole task, int rows, bool all)
    {
        if (task is not (EstimatorRole.Classifier or EstimatorRole.Regressor))
            throw new ArgumentException($"models are compared for classification or regression, not {task}", nameof(task));
        var leftOut = new List<string>();
        IEnumerable<string> candidates = all
            ? EstimatorCatalog.All.Where(e => e.Role == task).Select(e => e.Name)
            : task == EstimatorRole.Classifier ? ShortClassifiers : ShortRegressors;
        var chosen = new List<string>();
        foreach (var name in candidates)
        {
            var entry = EstimatorCatalog.Find(name);
            if (name == BaselineModel(task))
                leftOut.Add($"{name} (scored as the baseline row, never ranked)");
            else if (name.StartsWith("voting-", StringComparison.Ordinal) || name.StartsWith("stacking-", StringComparison.Ordinal))
                leftOut.Add($"{name} (combines models you choose: name it with its estimators)");
            else if (entry.Has(Capability.NonNegativeInput))
                leftOut.Add($"{name} (for counts: needs non-negative inputs)");
            else if (name.StartsWith("svm-", StringComparison.Ordinal) && rows > KernelSvmRowLimit)
                leftOut.Add($"{name} (kernel SVMs fit in time growing with the square of the rows; {rows:N0} rows is above {KernelSvmRowLimit:N0} — name it with --models to include it)");
            else chosen.Add(name);
        }
        return (chosen, leftOut);
    }

    public static ComparisonResult Compare(Frame table, string source, string target, IReadOnlyList<string> models, ComparisonOptions? options = null,
        IProgress<FitProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(models);
        options ??= new ComparisonOptions();
        if (models.Count == 0) throw new ArgumentException("name at least one model to compare", nameof(models));
        if (!(options.TestSize > 0 && options.TestSize < 1))
            throw new ArgumentOutOfRangeException(nameof(options), options.TestSize, "the held-out share (test size) must be above 0 and below 1");
        if (options.Folds < 2) throw new ArgumentOutOfRangeException(nameof(options), options.Folds, "cross-validation needs at least 2 folds");
        var setups = models.Select(m => ModelTraining.Prepare(table, source, target, m, null, options.Seed)).ToList();
        var task = setups[0].Entry.Role;
        if (setups.FirstOrDefault(s => s.Entry.Role != task) is { } other)
            throw new ArgumentException($"'{other.Entry.Name}' is a {Kebab.Of(other.Entry.Role.ToString())} and '{setups[0].Entry.Name}' a {Kebab.Of(task.ToString())}: compare models of one task");
        if (task is not (EstimatorRole.Classifier or EstimatorRole.Regressor))
            throw new ArgumentException($"'{setups[0].Entry.Name}' is a {Kebab.Of(task.ToString())}; models are compared for classification or regression");

        var classifier = task == EstimatorRole.Classifier;
        var labelled = setups[0].Table;
        var split = HeldOutSplit(labelled, target, classifier, options.TestSize, options.Seed);
        var (trainX, trainY) = (split.Train.Drop(target), split.Train[target]);
        var testX = split.Test.Drop(target);
        var scoring = options.Scoring ?? (classifier ? "accuracy" : "r2");
        var scorer = Scorers.Get(scoring);
        var validation = new CrossValidationOptions
        {
            Splitter = classifier ? new StratifiedKFold(options.Folds, Shuffle: true, Seed: options.Seed) : new KFold(options.Folds, Shuffle: true, Seed: options.Seed),
            Scoring = [scoring],
            Parallelism = options.Parallelism,
        };

        var compared = new List<ComparedModel>();
        for (var i = 0; i < setups.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(new FitProgress(setups[i].Entry.Name, i, setups.Count));
            var folds = progress is null ? null : new StageProgress(progress, $"{setups[i].Entry.Name} (model {i + 1} of {setups.Count}): folds");
            compared.Add(Evaluate(setups[i], trainX, trainY, testX, split.Test, target, scorer, validation, folds, cancellationToken));
        }
        // a baseline named among the models is ranked as they are, so it is not scored twice
        ComparedModel? baseline = null;
        if (!setups.Any(s => s.Entry.Name == BaselineModel(task)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var setup = ModelTraining.Prepare(table, source, target, BaselineModel(task), null, options.Seed);
            baseline = Evaluate(setup, trainX, trainY, testX, split.Test, target, scorer, validation, null, cancellationToken);
        }
        progress?.Report(new FitProgress("done", setups.Count, setups.Count));
        var ranked = compared.Where(c => c.Succeeded).OrderByDescending(c => c.MeanScore).Concat(compared.Where(c => !c.Succeeded)).ToList();
        if (!ranked[0].Succeeded) throw new InvalidOperationException($"no model could be fitted: {string.Join("; ", ranked.Select(c => $"{c.Entry.Name}: {c.Failure}"))}");
        var verdict = Verdict(ranked, scoring);
        if (baseline is { Succeeded: true }) verdict += " " + AgainstBaseline(ranked[0], baseline, BaselineLabel(task), scoring);
        return new ComparisonResult(task, scoring, options.Folds, ranked, trainX.RowCount, split.Test, target, verdict, baseline);
    }

    static ComparedModel Evaluate(TrainingSetup setup, Frame trainX, Column trainY, Frame testX, Frame test, string target, Scorer scorer,
        CrossValidationOptions validation, IProgress<FitProgress>? folds, CancellationToken cancellationToken)
    {
        try
        {
            var scores = CrossValidation.Run(setup.Pipeline, trainX, trainY, validation, folds, cancellationToken);
            var clock = Stopwatch.StartNew();
            var model = setup.Pipeline.Fit(trainX, trainY, new FitContext { Cancellation = cancellationToken });
            var seconds = clock.Elapsed.TotalSeconds;
            var heldOut = new HeldOutScore(scorer.Name, scorer.Score((IPredictorModel)model, testX, test[target]), ModelTraining.Evaluate(model, test, target));
            return new ComparedModel(setup.Entry, scores, model, seconds, heldOut);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new ComparedModel(setup.Entry, null, null, 0, null, e.Message);
        }
    }

    /// <summary>
    /// Which model is best and why, from the numbers: the leader by mean cross-validated score, which models trail it by
    /// less than the noise of that mean (twice its standard error over the folds), and a faster model among those.
    /// </summary>
    public static string Verdict(IReadOnlyList<ComparedModel> ranked, string scoring)
    {
        var fitted = ranked.Where(m => m.Succeeded).ToList();
        if (fitted.Count == 0) return "No model could be fitted.";
        var best = fitted[0];
        var noise = Noise(best);
        var text = $"{best.Entry.Name} scores best: mean {scoring} {F(best.MeanScore)} ± {F(best.StdScore)} over the folds" +
            (best.HeldOut is { } h ? $", {F(h.Score)} on the held-out rows" : "") + ".";
        if (fitted.Count == 1) return text;
        var tied = fitted.Skip(1).TakeWhile(m => best.MeanScore - m.MeanScore < noise).ToList();
        var runnerUp = fitted[1];
        if (tied.Count == 0)
            return text + $" Its lead over {runnerUp.Entry.Name} ({F(runnerUp.MeanScore)}) is {F(best.MeanScore - runnerUp.MeanScore)}, " +
                $"more than the noise of its mean (twice its standard error over the folds, {F(noise)}), so it is the best model for this data.";
        text += $" {string.Join(", ", tied.Select(m => $"{m.Entry.Name} ({F(m.MeanScore)})"))} {(tied.Count == 1 ? "trails" : "trail")} it by less than " +
            $"the noise of its mean (twice its standard error over the folds, {F(noise)}): on this data they are as good as tied.";
        var faster = tied.Where(m => m.FitSeconds > 0 && best.FitSeconds >= 1 && best.FitSeconds >= 3 * m.FitSeconds).OrderBy(m => m.FitSeconds).FirstOrDefault();
        if (faster is not null)
            text += $" {faster.Entry.Name} fits {best.FitSeconds / faster.FitSeconds:0}× faster ({faster.FitSeconds:0.##} s against {best.FitSeconds:0.##} s), so it is the better choice when speed matters.";
        return text;
    }

    /// <summary>
    /// Whether the best model beats the baseline that ignores the features: not at all, by less than the noise of the
    /// best model's mean (twice its standard error over the folds), or clearly.
    /// </summary>
    public static string AgainstBaseline(ComparedModel best, ComparedModel baseline, string label, string scoring)
    {
        var (lead, noise) = (best.MeanScore - baseline.MeanScore, Noise(best));
        var named = $"the {label}, which scores {F(baseline.MeanScore)},";
        if (!(lead > 0))
            return $"No model beats the {label} (mean {scoring} {F(baseline.MeanScore)}): on these features the models have learnt nothing a constant guess does not know.";
        if (lead < noise)
            return $"{best.Entry.Name} beats {named} by only {F(lead)}, less than the noise of its mean ({F(noise)}): it may have learnt nothing from the features.";
        return $"It beats {named} by {F(lead)}.";
    }

    /// <summary>Twice the standard error of a model's mean score over the folds: a lead smaller than this is within the noise.</summary>
    public static double Noise(ComparedModel model)
    {
        var folds = model.Scores?.Folds.Count ?? 0;
        return folds < 2 ? 0 : 2 * model.StdScore / Math.Sqrt(folds);
    }

    static string F(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>A model's cross-validation progress under the comparison's own stage name, so one line says which model and which fold.</summary>
    sealed class StageProgress(IProgress<FitProgress> outer, string stage) : IProgress<FitProgress>
    {
        public void Report(FitProgress value) => outer.Report(value with { Stage = stage });
    }
}

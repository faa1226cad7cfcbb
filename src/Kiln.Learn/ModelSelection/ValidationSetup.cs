using System.Diagnostics;
using Kiln.Data;
using Kiln.Learn.Compose;
using Kiln.Learn.Metrics;

namespace Kiln.Learn.ModelSelection;

/// <summary>
/// What every cross-validated fit shares: the checked data, the folds (their rows taken once and reused by every
/// candidate), the scorers, and one fit-and-score of an estimator on a fold. Each fold's model is fitted on that
/// fold's training rows only, preprocessing included, so nothing of the test rows reaches the fit.
/// </summary>
internal sealed class ValidationSetup
{
    readonly Frame _features;
    readonly Column _target;
    readonly bool _trainScores;
    readonly Lazy<(Frame TrainX, Column TrainY, Frame TestX, Column TestY)>[] _parts;

    ValidationSetup(Frame features, Column target, IReadOnlyList<Fold> folds, IReadOnlyList<Scorer> scorers, bool trainScores, int parallelism)
    {
        (_features, _target, Folds, Scorers, _trainScores, Parallelism) = (features, target, folds, scorers, trainScores, parallelism);
        _parts = [.. folds.Select(fold => new Lazy<(Frame, Column, Frame, Column)>(() =>
        {
            var (trainX, testX) = fold.Take(features);
            var (trainY, testY) = fold.Take(target);
            return (trainX, trainY, testX, testY);
        }))];
    }

    public IReadOnlyList<Fold> Folds { get; }

    public IReadOnlyList<Scorer> Scorers { get; }

    public IReadOnlyList<string> Scoring => [.. Scorers.Select(s => s.Name)];

    public int Parallelism { get; }

    public Frame Features => _features;

    public Column Target => _target;

    /// <summary>Checks the data and options against the estimator and splits the rows into folds.</summary>
    public static ValidationSetup Create(IEstimator estimator, Frame features, Column target, CrossValidationOptions? options)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(target);
        options ??= new CrossValidationOptions();
        if (target.Length != features.RowCount)
            throw new ArgumentException($"the target '{target.Name}' has {target.Length} rows but the features have {features.RowCount}", nameof(target));
        if (target.MissingCount > 0)
            throw new ArgumentException($"the target '{target.Name}' is missing {target.MissingCount} values; drop those rows first", nameof(target));
        if (options.Parallelism < 1)
            throw new ArgumentOutOfRangeException(nameof(options), options.Parallelism, "parallelism must be at least 1");
        var role = StepRoles.RoleOf(estimator);
        var names = options.Scoring is { Count: > 0 } given ? given : [DefaultScoring(estimator, role)];
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Count)
            throw new ArgumentException($"a scoring name is given twice: {string.Join(", ", names)}", nameof(options));
        var scorers = names.Select(Metrics.Scorers.Get).ToList();
        foreach (var scorer in scorers)
            if (role is { } r && !(scorer.Kind == r || (scorer.Kind == EstimatorRole.Clusterer && r == EstimatorRole.Classifier)))
                throw new ArgumentException(
                    $"scorer '{scorer.Name}' scores a {Kebab.Of(scorer.Kind.ToString())}, and {StepRoles.Describe(estimator)} is a {Kebab.Of(r.ToString())}", nameof(options));
        var splitter = options.Splitter ?? (role == EstimatorRole.Classifier ? new StratifiedKFold(5) : new KFold(5));
        var folds = splitter.Split(features.RowCount, target, options.Groups).ToList();
        if (folds.Count == 0) throw new ArgumentException("the splitter gave no folds", nameof(options));
        return new ValidationSetup(features, target, folds, scorers, options.TrainScores, options.Parallelism);
    }

    /// <summary>Fits a copy of the estimator on a fold's training rows and scores it on the fold's test rows.</summary>
    public FoldScore Evaluate(IEstimator estimator, int fold, CancellationToken cancellationToken)
    {
        var (trainX, trainY, testX, testY) = _parts[fold].Value;
        return Evaluate(estimator, fold, trainX, trainY, testX, testY, cancellationToken);
    }

    /// <summary>Fits on some of a fold's training rows (<paramref name="trainRows"/>, row numbers of the whole data) and scores on the fold's test rows.</summary>
    public FoldScore Evaluate(IEstimator estimator, int fold, int[] trainRows, CancellationToken cancellationToken)
    {
        var (_, _, testX, testY) = _parts[fold].Value;
        return Evaluate(estimator, fold, _features.Take(trainRows), _target.Take(trainRows), testX, testY, cancellationToken);
    }

    FoldScore Evaluate(IEstimator estimator, int fold, Frame trainX, Column trainY, Frame testX, Column testY, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var clock = Stopwatch.StartNew();
        var model = estimator.Fit(trainX, trainY, new FitContext { Cancellation = cancellationToken });
        var fitSeconds = clock.Elapsed.TotalSeconds;
        if (model is not IPredictorModel predictor)
            throw new ArgumentException($"{StepRoles.Describe(estimator)} fits a transformer, which cannot be scored against a target", nameof(estimator));
        cancellationToken.ThrowIfCancellationRequested();
        clock.Restart();
        var test = Score(predictor, testX, testY);
        var scoreSeconds = clock.Elapsed.TotalSeconds;
        var train = _trainScores ? Score(predictor, trainX, trainY) : null;
        return new FoldScore(fold, trainX.RowCount, testX.RowCount, test, train, fitSeconds, scoreSeconds);
    }

    Dictionary<string, double> Score(IPredictorModel model, Frame features, Column target)
    {
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var scorer in Scorers) scores[scorer.Name] = scorer.Score(model, features, target);
        return scores;
    }

    static string DefaultScoring(IEstimator estimator, EstimatorRole? role) => role switch
    {
        EstimatorRole.Classifier => "accuracy",
        EstimatorRole.Regressor => "r2",
        _ => throw new ArgumentException($"{StepRoles.Describe(estimator)} is no classifier or regressor; name a scoring to cross-validate it", nameof(estimator)),
    };
}

using System.Diagnostics;
using Kiln.Data;

namespace Kiln.Learn.ModelSelection;

/// <summary>
/// A hyperparameter search (scikit-learn's GridSearchCV and RandomizedSearchCV, and a Bayesian search): every
/// candidate is cross-validated in parallel over candidates × folds, the candidates are ranked by the first scoring,
/// and the best is refitted on all the rows. Seeded, so the same data, space and seed give the same result.
/// </summary>
public abstract record ParameterSearch(SearchSpace Space)
{
    /// <summary>Fit the best candidate on all the rows afterwards (scikit-learn's refit=True).</summary>
    public bool Refit { get; init; } = true;

    /// <summary>The search methods <see cref="Create"/> knows.</summary>
    public static IReadOnlyList<string> Methods { get; } = ["grid", "random", "bayes"];

    /// <summary>
    /// A search by its method's name (grid, random or bayes) over <paramref name="space"/>: a grid takes
    /// <paramref name="gridPoints"/> values from each range; a random or Bayesian search tries <paramref name="trials"/>
    /// candidates (20 random, 30 bayes when null).
    /// </summary>
    public static ParameterSearch Create(string method, SearchSpace space, int? trials = null, int gridPoints = 3, long seed = 0)
    {
        if (trials is < 1) throw new ArgumentException($"trials must be at least 1, not {trials}");
        if (gridPoints < 2) throw new ArgumentException($"grid points must be at least 2, not {gridPoints}");
        return method switch
        {
            "grid" => new GridSearch(space) { PointsPerRange = gridPoints },
            "random" => new RandomSearch(space, trials ?? 20) { Seed = seed },
            "bayes" => new BayesSearch(space, trials ?? 30) { Seed = seed },
            _ => throw new ArgumentException($"search must be grid, random or bayes, not '{method}'"),
        };
    }

    /// <summary>The search's name: grid, random or bayes.</summary>
    public abstract string Method { get; }

    /// <summary>How many candidates the search means to try, for progress.</summary>
    private protected abstract int PlannedCandidates { get; }

    /// <summary>Proposes candidates and has the runner cross-validate them.</summary>
    private protected abstract void Search(CandidateRunner runner);

    /// <summary>
    /// Searches the space for <paramref name="estimator"/> (a catalog estimator or a pipeline; names address its last
    /// step unless they say <c>step__name</c>). Progress counts fits, then the refit.
    /// </summary>
    public SearchResult Run(IEstimator estimator, Frame features, Column target, CrossValidationOptions? options = null,
        IProgress<FitProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(Space, nameof(Space));
        foreach (var dimension in Space.Dimensions) EstimatorParameters.Resolve(estimator, dimension.Parameter);
        var clock = Stopwatch.StartNew();
        var setup = ValidationSetup.Create(estimator, features, target, options);
        var runner = new CandidateRunner(estimator, setup, PlannedCandidates, progress, cancellationToken);
        Search(runner);
        var candidates = runner.Candidates();
        var best = candidates.Where(c => c.Rank == 1).MinBy(c => c.Index)
            ?? throw new InvalidOperationException("the search tried no candidate");
        var bestEstimator = EstimatorParameters.With(estimator, best.Parameters);
        IModel? model = null;
        var refitSeconds = 0.0;
        if (Refit)
        {
            progress?.Report(new FitProgress("refit", 0, 1));
            var refitClock = Stopwatch.StartNew();
            model = bestEstimator.Fit(features, target, new FitContext { Cancellation = cancellationToken });
            refitSeconds = refitClock.Elapsed.TotalSeconds;
            progress?.Report(new FitProgress("refit", 1, 1));
        }
        return new SearchResult(Method, setup.Scoring, setup.Folds.Count, candidates, best, bestEstimator, model, refitSeconds, clock.Elapsed.TotalSeconds);
    }
}

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

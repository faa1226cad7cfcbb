using Kiln.Learn.Compose;

namespace Kiln.Learn.ModelSelection;

/// <summary>
/// Cross-validates a search's candidates in parallel over candidates × folds, reports fits done, and keeps every
/// outcome in candidate order. With pruning, a batch's candidates run side by side, each fold after fold, and a
/// candidate stops when its running mean falls below the median of the complete candidates of earlier batches at
/// the same fold (Optuna's median pruner): earlier batches only, so the decision never depends on timing.
/// </summary>
internal sealed class CandidateRunner(IEstimator estimator, ValidationSetup setup, int plannedCandidates, IProgress<FitProgress>? progress,
    CancellationToken cancellationToken)
{
    readonly List<(IReadOnlyDictionary<string, object?> Parameters, FoldScore[] Folds, bool Pruned)> _outcomes = [];
    long _done;

    int FoldCount => setup.Folds.Count;

    long Total => (long)Math.Max(plannedCandidates, _outcomes.Count) * FoldCount;

    public int Count => _outcomes.Count;

    /// <summary>What the candidates so far scored, in order, for a sampler to learn from.</summary>
    public IReadOnlyList<SearchTrial> History =>
        [.. _outcomes.Select(o => new SearchTrial(o.Parameters, CrossValidationResult.Mean([.. o.Folds.Select(Primary)]), o.Pruned))];

    /// <summary>Every fold of every candidate, all in parallel.</summary>
    public void RunAll(IReadOnlyList<IReadOnlyDictionary<string, object?>> candidates)
    {
        var estimators = Prepare(candidates);
        var folds = candidates.Select(_ => new FoldScore[FoldCount]).ToArray();
        PartsInParallel.Run(candidates.Count * FoldCount, setup.Parallelism, cancellationToken, part =>
        {
            var (candidate, fold) = Math.DivRem(part, FoldCount);
            folds[candidate][fold] = setup.Evaluate(estimators[candidate], fold, cancellationToken);
            Report(1);
        });
        for (var c = 0; c < candidates.Count; c++) _outcomes.Add((candidates[c], folds[c], false));
    }

    /// <summary>A batch of candidates side by side, each stopping early when it falls behind (see the class summary).</summary>
    public void RunPruning(IReadOnlyList<IReadOnlyDictionary<string, object?>> batch, int startup)
    {
        var estimators = Prepare(batch);
        var reference = _outcomes.Where(o => !o.Pruned).Select(o => o.Folds).ToList();
        var results = new (FoldScore[] Folds, bool Pruned)[batch.Count];
        PartsInParallel.Run(batch.Count, setup.Parallelism, cancellationToken, candidate =>
        {
            var folds = new List<FoldScore>(FoldCount);
            var total = 0.0;
            for (var fold = 0; fold < FoldCount; fold++)
            {
                var score = setup.Evaluate(estimators[candidate], fold, cancellationToken);
                folds.Add(score);
                total += Primary(score);
                Report(1);
                if (fold < FoldCount - 1 && reference.Count >= startup && total / (fold + 1) < MedianRunningMean(reference, fold))
                {
                    Report(FoldCount - 1 - fold);
                    results[candidate] = ([.. folds], true);
                    return;
                }
            }
            results[candidate] = ([.. folds], false);
        });
        for (var c = 0; c < batch.Count; c++) _outcomes.Add((batch[c], results[c].Folds, results[c].Pruned));
    }

    /// <summary>The candidates with their scores and ranks, in the order they were tried.</summary>
    public IReadOnlyList<SearchCandidate> Candidates()
    {
        var means = _outcomes.Select(o => CrossValidationResult.Mean([.. o.Folds.Select(Primary)])).ToArray();
        var ranks = new int[_outcomes.Count];
        var complete = Enumerable.Range(0, ranks.Length).Where(i => !_outcomes[i].Pruned).ToArray();
        var pruned = Enumerable.Range(0, ranks.Length).Where(i => _outcomes[i].Pruned).ToArray();
        Rank(complete, means, ranks, 0);
        Rank(pruned, means, ranks, complete.Length);
        return [.. _outcomes.Select((o, i) => new SearchCandidate(i, o.Parameters, new CrossValidationResult(setup.Scoring, o.Folds), o.Pruned, ranks[i]))];
    }

    /// <summary>Ranks by descending mean, ties sharing the lowest rank and a NaN mean last (scipy's rankdata 'min' of the negated means).</summary>
    static void Rank(int[] members, double[] means, int[] ranks, int offset)
    {
        var order = members.OrderBy(i => double.IsNaN(means[i]) ? 1 : 0).ThenByDescending(i => double.IsNaN(means[i]) ? 0 : means[i]).ToArray();
        for (var position = 0; position < order.Length; position++)
        {
            var tied = position > 0 && means[order[position]].Equals(means[order[position - 1]]);
            ranks[order[position]] = tied ? ranks[order[position - 1]] : offset + position + 1;
        }
    }

    double Primary(FoldScore score) => score.Test[setup.Scoring[0]];

    double MedianRunningMean(List<FoldScore[]> reference, int fold)
    {
        var running = reference.Select(folds =>
        {
            var total = 0.0;
            for (var f = 0; f <= fold; f++) total += Primary(folds[f]);
            return total / (fold + 1);
        }).Order().ToArray();
        var middle = running.Length / 2;
        return running.Length % 2 == 1 ? running[middle] : (running[middle - 1] + running[middle]) / 2;
    }

    IEstimator[] Prepare(IReadOnlyList<IReadOnlyDictionary<string, object?>> candidates) =>
        [.. candidates.Select(parameters => EstimatorParameters.With(estimator, parameters))];

    void Report(long fits)
    {
        var done = Interlocked.Add(ref _done, fits);
        progress?.Report(new FitProgress("fits", done, Total));
    }
}

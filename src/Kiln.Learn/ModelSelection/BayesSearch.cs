namespace Kiln.Learn.ModelSelection;

/// <summary>
/// A Bayesian search by the tree-structured Parzen estimator (TPE, as Hyperopt and Optuna): after
/// <see cref="StartupTrials"/> random candidates, each new one is drawn where good candidates were dense and poor
/// ones sparse. Candidates are proposed in batches of <see cref="BatchSize"/> that run in parallel; with
/// <see cref="Pruning"/>, a candidate whose running mean over its first folds falls below the median of the complete
/// candidates of earlier batches is stopped there. The batch size is fixed rather than taken from the core count, so
/// the same seed gives the same candidates on any machine.
/// </summary>
public sealed record BayesSearch(SearchSpace Space, int Trials = 30) : ParameterSearch(Space)
{
    public long Seed { get; init; }

    /// <summary>Candidates drawn at random before the estimator starts guiding the draws.</summary>
    public int StartupTrials { get; init; } = 10;

    /// <summary>Candidates proposed together and cross-validated side by side.</summary>
    public int BatchSize { get; init; } = 4;

    /// <summary>Stop hopeless candidates after a fold (median pruning).</summary>
    public bool Pruning { get; init; } = true;

    /// <summary>How many complete candidates pruning needs to compare against before it stops any.</summary>
    public int PruningStartup { get; init; } = 5;

    public override string Method => "bayes";

    private protected override int PlannedCandidates => Trials;

    private protected override void Search(CandidateRunner runner)
    {
        if (Trials < 1) throw new ArgumentOutOfRangeException(nameof(Trials), Trials, "a Bayesian search needs at least 1 trial");
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "the batch size must be at least 1");
        if (StartupTrials < 1) throw new ArgumentOutOfRangeException(nameof(StartupTrials), StartupTrials, "at least 1 startup trial is needed");
        var random = new Random(unchecked((int)(Seed ^ (Seed >> 32))));
        var sampler = new TreeParzenSampler(Space);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (runner.Count < Trials)
        {
            var history = runner.History;
            var batch = new List<IReadOnlyDictionary<string, object?>>();
            var size = Math.Min(BatchSize, Trials - runner.Count);
            while (batch.Count < size)
            {
                var guided = runner.Count + batch.Count >= StartupTrials && history.Count > 0;
                // a guided draw that repeats a candidate gives way to random draws, which find what is left of a small space
                var fresh = Enumerable.Range(0, RandomSearch.DrawsPerCandidate)
                    .Select(attempt => guided && attempt < 3 ? sampler.Suggest(history, random) : Space.Sample(random))
                    .FirstOrDefault(c => seen.Add(SearchSpace.Describe(c)));
                if (fresh is null) break;
                batch.Add(fresh);
            }
            if (batch.Count == 0) return;
            runner.RunPruning(batch, Pruning ? PruningStartup : int.MaxValue);
        }
    }
}

namespace Kiln.Learn.ModelSelection;

/// <summary>
/// <see cref="Trials"/> candidates drawn independently from the space with <see cref="Seed"/> (scikit-learn's
/// RandomizedSearchCV). No candidate is drawn twice; when the space holds only lists with no more combinations than
/// trials, every combination is tried, as scikit-learn's ParameterSampler does.
/// </summary>
public sealed record RandomSearch(SearchSpace Space, int Trials = 10) : ParameterSearch(Space)
{
    /// <summary>Draws up to this many times for each new candidate before deciding the space is used up.</summary>
    internal const int DrawsPerCandidate = 100;

    public long Seed { get; init; }

    public override string Method => "random";

    private protected override int PlannedCandidates => Candidates().Count;

    private protected override void Search(CandidateRunner runner) => runner.RunAll(Candidates());

    IReadOnlyList<IReadOnlyDictionary<string, object?>> Candidates()
    {
        if (Trials < 1) throw new ArgumentOutOfRangeException(nameof(Trials), Trials, "a random search needs at least 1 trial");
        if (Space.Dimensions.All(d => !d.IsRange) && Space.Dimensions.Aggregate(1L, (n, d) => n * d.Values.Count) <= Trials)
            return Space.Grid();
        var random = new Random(unchecked((int)(Seed ^ (Seed >> 32))));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var candidates = new List<IReadOnlyDictionary<string, object?>>(Trials);
        while (candidates.Count < Trials)
        {
            var fresh = Enumerable.Range(0, DrawsPerCandidate).Select(_ => Space.Sample(random)).FirstOrDefault(c => seen.Add(SearchSpace.Describe(c)));
            if (fresh is null) break;
            candidates.Add(fresh);
        }
        return candidates;
    }
}

namespace Kiln.Conformance.Tests;

/// <summary>One check of the contract, the tags that select it, and what it does.</summary>
public sealed record ConformanceCheck(string Name, Func<EstimatorUnderTest, bool> AppliesTo, Action<EstimatorUnderTest> Run)
{
    static bool Always(EstimatorUnderTest _) => true;

    static bool InCatalog(EstimatorUnderTest e) => e.Entry is not null;

    /// <summary>Every check; capability tags and roles decide which ones an estimator gets, never its name.</summary>
    public static IReadOnlyList<ConformanceCheck> All { get; } =
    [
        new("parameters-round-trip", InCatalog, ConformanceChecks.ParametersRoundTrip),
        new("parameters-are-validated", InCatalog, ConformanceChecks.ParametersAreValidated),
        new("declares-what-it-fits", InCatalog, ConformanceChecks.DeclaresWhatItFits),
        new("fitted-model-describes-itself", Always, ConformanceChecks.FittedModelDescribesItself),
        new("fit-needs-a-target", e => e.NeedsTarget, ConformanceChecks.FitNeedsATarget),
        new("rejects-missing-values", e => e.TakesNumbers && !e.Has(Capability.AllowsMissing), ConformanceChecks.RejectsMissingValues),
        new("rejects-infinity", e => e.TakesNumbers, ConformanceChecks.RejectsInfinity),
        new("names-a-missing-column", e => !e.Has(Capability.ChangesRows), ConformanceChecks.NamesAMissingColumn),
        new("refit-is-idempotent", Always, ConformanceChecks.RefitIsIdempotent),
        new("same-seed-same-model", e => e.Has(Capability.Randomized), ConformanceChecks.SameSeedSameModel),
        new("save-load-identical", InCatalog, ConformanceChecks.SaveLoadIdentical),
        new("pipeline-behaves-as-bare", e => !e.Has(Capability.ChangesRows), ConformanceChecks.PipelineBehavesAsBare),
        new("pipeline-skips-row-changes", e => e.Has(Capability.ChangesRows), ConformanceChecks.PipelineSkipsRowChanges),
        new("resamples-consistently", e => e.Has(Capability.ChangesRows), ConformanceChecks.ResamplesConsistently),
        new("unit-weights-change-nothing", e => e.Has(Capability.SampleWeights), ConformanceChecks.UnitWeightsChangeNothing),
        new("zero-weight-drops-the-row", e => e.Has(Capability.SampleWeights) && !e.Has(Capability.Randomized) && !e.Has(Capability.ChangesRows),
            ConformanceChecks.ZeroWeightDropsTheRow),
    ];

    public static ConformanceCheck Find(string name) =>
        All.FirstOrDefault(c => c.Name == name) ?? throw new ArgumentException($"no conformance check named '{name}'", nameof(name));

    public override string ToString() => Name;
}

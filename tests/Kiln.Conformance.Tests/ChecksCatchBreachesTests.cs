namespace Kiln.Conformance.Tests;

/// <summary>
/// The checks fail when an estimator breaks the contract: each breach of a test-only, unregistered transformer is caught by
/// the check meant for it, while the same transformer without a flaw passes them all.
/// </summary>
public class ChecksCatchBreachesTests
{
    static EstimatorUnderTest Subject(Flaw flaw, bool requiresTarget = false) => new(
        "flawed-transformer",
        EstimatorRole.Transformer,
        requiresTarget ? [Capability.SampleWeights, Capability.RequiresTarget] : [Capability.SampleWeights],
        new FlawedTransformer(flaw) { RequiresTarget = requiresTarget },
        null);

    static readonly string[] DataChecks =
    [
        "fitted-model-describes-itself", "rejects-missing-values", "rejects-infinity", "names-a-missing-column",
        "refit-is-idempotent", "pipeline-behaves-as-bare", "unit-weights-change-nothing", "zero-weight-drops-the-row",
    ];

    public static TheoryData<string> Checks => new(DataChecks);

    [Theory]
    [MemberData(nameof(Checks))]
    public void A_transformer_without_a_flaw_passes(string check) => ConformanceCheck.Find(check).Run(Subject(Flaw.None));

    [Theory]
    [InlineData(Flaw.RandomWithoutSeed, "refit-is-idempotent", "two fits")]
    [InlineData(Flaw.RemembersCalls, "refit-is-idempotent", "the same model asked twice")]
    [InlineData(Flaw.AcceptsNaN, "rejects-missing-values", "gave no error")]
    [InlineData(Flaw.AcceptsInfinity, "rejects-infinity", "gave no error")]
    [InlineData(Flaw.ReadsColumnsByPosition, "names-a-missing-column", "gave no error")]
    [InlineData(Flaw.MisnamesOutputs, "fitted-model-describes-itself", "OutputNames")]
    [InlineData(Flaw.IgnoresWeights, "zero-weight-drops-the-row", "zero weights and dropped rows")]
    public void A_flaw_is_caught_by_its_check(Flaw flaw, string check, string detail)
    {
        var failure = Assert.Throws<ConformanceFailure>(() => ConformanceCheck.Find(check).Run(Subject(flaw)));
        Assert.StartsWith($"{check}: flawed-transformer: ", failure.Message);
        Assert.Contains(detail, failure.Message);
    }

    [Fact]
    public void An_estimator_that_fits_without_its_required_target_is_caught()
    {
        ConformanceCheck.Find("fit-needs-a-target").Run(Subject(Flaw.None, requiresTarget: true));
        var failure = Assert.Throws<ConformanceFailure>(() => ConformanceCheck.Find("fit-needs-a-target").Run(Subject(Flaw.SwallowsMissingTarget, requiresTarget: true)));
        Assert.Contains("gave no error", failure.Message);
    }

    [Fact]
    public void Checks_that_read_the_catalog_refuse_an_unregistered_estimator_instead_of_passing_it()
    {
        var failure = Assert.Throws<ConformanceFailure>(() => ConformanceChecks.ParametersRoundTrip(Subject(Flaw.None)));
        Assert.Contains("not registered", failure.Message);
    }
}

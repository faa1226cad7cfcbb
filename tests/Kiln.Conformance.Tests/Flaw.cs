namespace Kiln.Conformance.Tests;

/// <summary>The one contract breach a <see cref="FlawedTransformer"/> commits.</summary>
public enum Flaw
{
    None,
    RandomWithoutSeed,
    RemembersCalls,
    AcceptsNaN,
    AcceptsInfinity,
    ReadsColumnsByPosition,
    MisnamesOutputs,
    IgnoresWeights,
    SwallowsMissingTarget,
}

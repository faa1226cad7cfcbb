namespace Kiln.Conformance.Tests;

/// <summary>
/// What the checks need to know about an estimator: its name, role, capability tags and a fresh instance at its defaults.
/// <see cref="Entry"/> is the catalog entry; it is <c>null</c> only for the test-only estimators that prove the checks can fail.
/// </summary>
public sealed record EstimatorUnderTest(string Name, EstimatorRole Role, IReadOnlyList<string> Capabilities, IEstimator Defaults, CatalogEntry? Entry)
{
    public static EstimatorUnderTest From(CatalogEntry entry) => new(entry.Name, entry.Role, entry.Capabilities, entry.Create(), entry);

    public bool Has(string capability) => Capabilities.Contains(capability);

    /// <summary>Takes numeric columns (everything but text-only estimators).</summary>
    public bool TakesNumbers => !Has(Capability.TextOnly);

    /// <summary>Fitting needs a target: predictors except clusterers, and anything tagged requires-target.</summary>
    public bool NeedsTarget => Role is EstimatorRole.Classifier or EstimatorRole.Regressor || Has(Capability.RequiresTarget);

    /// <summary>The estimator with its seed set when it has one, so randomized estimators are repeatable.</summary>
    public IEstimator Seeded(long seed) =>
        Entry?.Parameters.Any(p => p.Name == "seed") == true
            ? EstimatorCatalog.With(Defaults, new Dictionary<string, object?> { ["seed"] = seed })
            : Defaults;

    public override string ToString() => Name;
}

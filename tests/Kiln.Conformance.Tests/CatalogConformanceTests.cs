namespace Kiln.Conformance.Tests;

/// <summary>
/// The one theory every registered estimator passes: one case per estimator and check that its role and capability tags
/// select. A new estimator is covered as soon as its <c>[Estimator]</c> attribute puts it in the catalog.
/// </summary>
public class CatalogConformanceTests
{
    public static TheoryData<string, string> Cases
    {
        get
        {
            var cases = new TheoryData<string, string>();
            foreach (var entry in EstimatorCatalog.All)
            {
                var estimator = EstimatorUnderTest.From(entry);
                foreach (var check in ConformanceCheck.All.Where(c => c.AppliesTo(estimator)))
                    cases.Add(entry.Name, check.Name);
            }
            return cases;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_catalog_estimator_meets_the_contract(string estimator, string check) =>
        ConformanceCheck.Find(check).Run(EstimatorUnderTest.From(EstimatorCatalog.Find(estimator)));

    [Fact]
    public void Every_catalog_estimator_gets_the_checks_every_estimator_needs()
    {
        var cases = Cases.Select(row => row.Data).ToHashSet();
        string[] universal = ["parameters-round-trip", "parameters-are-validated", "declares-what-it-fits", "refit-is-idempotent", "save-load-identical"];
        foreach (var entry in EstimatorCatalog.All)
            foreach (var check in universal)
                Assert.Contains((entry.Name, check), cases);
        Assert.Contains(("standard-scaler", "rejects-infinity"), cases);
    }
}

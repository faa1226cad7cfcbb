using Kiln.Data;

namespace Kiln.Learn.Tests.Features;

/// <summary>The feature and cleaning entries behave as the catalog's common checks expect, with default parameters.</summary>
public class CatalogEntriesTests
{
    public static TheoryData<string> Names => new()
    {
        "polynomial-features", "power-transformer", "log-transformer", "datetime-features", "variance-threshold", "select-k-best",
        "derived-features", "outlier-clipper", "outlier-remover", "duplicate-remover", "type-converter",
    };

    static readonly Frame Sample = new(
        new Float64Column("a", [0.5, 1.5, 2.25, 3.0, 4.75, 6.0, 7.5, 9.0]),
        new Int64Column("b", [3, 1, 4, 1, 5, 9, 2, 6]));

    static readonly Int64Column Target = new("y", [0, 1, 0, 1, 0, 1, 1, 0]);

    static ITransformerModel FitDefault(string name) =>
        (ITransformerModel)EstimatorCatalog.Create(name).Fit(Sample, EstimatorCatalog.Find(name).Has(Capability.RequiresTarget) ? Target : null);

    [Theory]
    [MemberData(nameof(Names))]
    public void A_saved_model_transforms_exactly_as_the_original(string name)
    {
        var model = FitDefault(name);
        var loaded = RoundTrip.Through(model);
        Assert.Equal(model.OutputNames, loaded.OutputNames);
        Assert.Equal(model.Transform(Sample).ToString(100), loaded.Transform(Sample).ToString(100));
        Assert.Equal(model.OutputNames, model.Transform(Sample).ColumnNames);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Refitting_gives_the_same_output(string name) =>
        Assert.Equal(FitDefault(name).Transform(Sample).ToString(100), FitDefault(name).Transform(Sample).ToString(100));

    [Theory]
    [MemberData(nameof(Names))]
    public void Missing_values_are_rejected_by_column_unless_the_entry_allows_them(string name)
    {
        var entry = EstimatorCatalog.Find(name);
        var withGap = Sample.WithColumn(new Float64Column("a", [0.5, double.NaN, 2.25, 3.0, 4.75, 6.0, 7.5, 9.0]));
        var target = entry.Has(Capability.RequiresTarget) ? Target : null;
        if (entry.Has(Capability.AllowsMissing))
            entry.Create().Fit(withGap, target);
        else
            Assert.Contains("'a'", Assert.Throws<SchemaMismatchException>(() => entry.Create().Fit(withGap, target)).Message);
    }
}

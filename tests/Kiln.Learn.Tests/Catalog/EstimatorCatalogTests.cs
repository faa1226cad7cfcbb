using System.Text.Json.Nodes;
using Kiln.Data;
using Kiln.Learn.Preprocessing;

namespace Kiln.Learn.Tests.Catalog;

public class EstimatorCatalogTests
{
    [Fact]
    public void Entries_carry_kebab_names_and_parameter_schemas()
    {
        var entry = EstimatorCatalog.Find("standard-scaler");
        Assert.Equal(EstimatorRole.Transformer, entry.Role);
        var withMean = entry.Parameter("with-mean");
        Assert.Equal("bool", withMean.Type);
        Assert.Equal(true, withMean.Default);
        Assert.False(string.IsNullOrWhiteSpace(withMean.Help));
    }

    [Fact]
    public void Parameters_are_set_by_name_from_text_into_a_copy()
    {
        var original = new StandardScaler();
        var changed = EstimatorCatalog.With(original, new Dictionary<string, object?> { ["with-mean"] = "false" });
        Assert.False(changed.WithMean);
        Assert.True(original.WithMean);
    }

    [Fact]
    public void An_unknown_parameter_lists_the_parameters()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            EstimatorCatalog.Create("standard-scaler", new Dictionary<string, object?> { ["with-meen"] = true }));
        Assert.Contains("with-mean, with-std", error.Message);
    }

    [Fact]
    public void An_unknown_estimator_lists_the_catalog()
    {
        var error = Assert.Throws<ArgumentException>(() => EstimatorCatalog.Find("standard-scalar"));
        Assert.Contains("standard-scaler", error.Message);
    }

    [Theory]
    [InlineData("WithMean", "with-mean")]
    [InlineData("MaxDepth", "max-depth")]
    [InlineData("L1Ratio", "l1-ratio")]
    [InlineData("KNeighbors", "k-neighbors")]
    public void Kebab_case_splits_words(string pascal, string kebab) => Assert.Equal(kebab, Kebab.Of(pascal));

    [Fact]
    public void A_fitted_model_writes_and_reads_back_with_identical_output()
    {
        var frame = new Frame(new Float64Column("a", [1, 2, 3.5]), new Int64Column("b", [4, 5, 9]));
        var model = new StandardScaler { WithMean = false }.Fit(frame);
        var writer = new ModelWriter();
        ModelFormat.Write(writer, model);
        var json = JsonNode.Parse(writer.State.ToJsonString())!.AsObject();
        var loaded = (ITransformerModel)ModelFormat.Read(new ModelReader(json, writer.Arrays));
        Assert.False(((StandardScaler)loaded.Estimator).WithMean);
        Assert.Equal(model.Transform(frame).ToString(), loaded.Transform(frame).ToString());
    }
}

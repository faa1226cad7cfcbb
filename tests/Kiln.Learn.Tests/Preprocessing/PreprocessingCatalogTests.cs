namespace Kiln.Learn.Tests.Preprocessing;

public class PreprocessingCatalogTests
{
    [Theory]
    [InlineData("simple-imputer", "allows-missing")]
    [InlineData("knn-imputer", "allows-missing")]
    [InlineData("min-max-scaler", "allows-missing")]
    [InlineData("robust-scaler", "allows-missing")]
    [InlineData("max-abs-scaler", "allows-missing")]
    [InlineData("normalizer", "")]
    [InlineData("one-hot-encoder", "allows-missing text-input")]
    [InlineData("ordinal-encoder", "allows-missing text-input")]
    [InlineData("target-encoder", "requires-target randomized allows-missing text-input")]
    [InlineData("kbins-discretizer", "")]
    public void Each_transformer_is_registered_with_its_capabilities(string name, string capabilities)
    {
        var entry = EstimatorCatalog.Find(name);
        Assert.Equal(EstimatorRole.Transformer, entry.Role);
        Assert.Equal(capabilities.Split(' ', StringSplitOptions.RemoveEmptyEntries), entry.Capabilities);
    }

    [Fact]
    public void Choice_parameters_are_typed_by_their_kebab_case_names()
    {
        var encoder = EstimatorCatalog.Create("one-hot-encoder", new Dictionary<string, object?>
        {
            ["handle-unknown"] = "infrequent-if-exist", ["drop"] = "if-binary", ["min-frequency"] = "0.1", ["max-categories"] = "none",
        });
        var parameters = EstimatorCatalog.ParametersOf(encoder);
        Assert.Equal("InfrequentIfExist", parameters["handle-unknown"]!.ToString());
        Assert.Equal(0.1, parameters["min-frequency"]);
        Assert.Null(parameters["max-categories"]);
    }

    [Fact]
    public void A_parameter_out_of_range_is_rejected_by_name()
    {
        var error = Assert.Throws<ArgumentException>(() => EstimatorCatalog.Create("kbins-discretizer", new Dictionary<string, object?> { ["n-bins"] = "1" }));
        Assert.Contains("n-bins", error.Message);
    }
}

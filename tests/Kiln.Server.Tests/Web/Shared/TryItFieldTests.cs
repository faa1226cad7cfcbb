using Kiln.Data;
using Kiln.Serving.Monitoring;
using Kiln.Server.Web.Shared;

namespace Kiln.Server.Tests.Web.Shared;

public class TryItFieldTests
{
    [Fact]
    public void A_text_feature_with_known_categories_offers_them_most_frequent_first_and_starts_at_the_commonest()
    {
        var reference = new FeatureReference("Embarked", FeatureKind.Categorical, 10, 0, Categories: new Dictionary<string, long> { ["C"] = 2, ["S"] = 7, ["Q"] = 1 });
        var field = TryItField.Of("Embarked", DataType.String, reference);
        Assert.Equal(["S", "C", "Q"], field.Categories);
        Assert.Equal("S", field.Example);
    }

    [Fact]
    public void A_numeric_feature_starts_at_the_median_of_its_training_sample_and_offers_no_list()
    {
        var reference = new FeatureReference("Age", FeatureKind.Numeric, 5, 0, Edges: [30], Counts: [2, 3], Sample: [40, 22, 35, 61, 18]);
        var field = TryItField.Of("Age", DataType.Float64, reference);
        Assert.Null(field.Categories);
        Assert.True(field.IsNumeric);
        Assert.Equal(35.0, field.Example);
    }

    [Fact]
    public void Without_a_training_reference_a_field_is_free_text_or_zero()
    {
        Assert.Equal("", TryItField.Of("Name", DataType.String, null).Example);
        Assert.Null(TryItField.Of("Name", DataType.String, null).Categories);
        Assert.Equal(0.0, TryItField.Of("Fare", DataType.Float64, null).Example);
    }
}

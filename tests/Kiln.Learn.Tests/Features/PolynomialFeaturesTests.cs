using Kiln.Data;
using Kiln.Learn.Features;

namespace Kiln.Learn.Tests.Features;

public class PolynomialFeaturesTests
{
    static readonly Frame Sample = new(new Float64Column("a", [1, 2, 3]), new Int64Column("b", [4, 5, 6]));

    [Fact]
    public void Degree_two_gives_scikit_learns_columns_in_its_order()
    {
        var model = new PolynomialFeatures().Fit(Sample);
        // scikit-learn: ['1' 'a' 'b' 'a^2' 'a b' 'b^2'] and [[1 2 3 4 6 9]] for the row (2, 3)
        Assert.Equal(["1", "a", "b", "a^2", "a*b", "b^2"], model.OutputNames);
        var row = model.Transform(new Frame(new Float64Column("a", [2]), new Int64Column("b", [3])));
        Assert.Equal([1, 2, 3, 4, 6, 9], row.Columns.Select(c => ((Float64Column)c)[0]));
    }

    [Fact]
    public void Interaction_only_multiplies_distinct_columns()
    {
        var frame = new Frame(new Float64Column("a", [1]), new Float64Column("b", [2]), new Float64Column("c", [3]));
        var model = new PolynomialFeatures { Degree = 3, InteractionOnly = true, IncludeBias = false }.Fit(frame);
        Assert.Equal(["a", "b", "c", "a*b", "a*c", "b*c", "a*b*c"], model.OutputNames);
        Assert.Equal(6, model.Transform(frame).Column<Float64Column>("a*b*c")[0]);
    }

    [Fact]
    public void Degree_three_names_powers_and_products()
    {
        var model = new PolynomialFeatures { Degree = 3, IncludeBias = false }.Fit(Sample);
        Assert.Equal(["a", "b", "a^2", "a*b", "b^2", "a^3", "a^2*b", "a*b^2", "b^3"], model.OutputNames);
    }

    [Fact]
    public void Missing_values_propagate_into_the_terms_that_use_them()
    {
        var frame = new Frame(new Float64Column("a", [double.NaN, 2]), new Float64Column("b", [3, 4]));
        var output = new PolynomialFeatures().Fit(frame).Transform(frame);
        Assert.True(double.IsNaN(output.Column<Float64Column>("a*b")[0]));
        Assert.Equal(9, output.Column<Float64Column>("b^2")[0]);
    }

    [Fact]
    public void Too_many_output_columns_name_the_degree()
    {
        var columns = Enumerable.Range(0, 60).Select(j => (Column)new Float64Column($"x{j}", [1])).ToArray();
        var error = Assert.Throws<ArgumentException>(() => new PolynomialFeatures { Degree = 5 }.Fit(new Frame(columns)));
        Assert.Contains("'degree'", error.Message);
    }

    [Fact]
    public void A_saved_model_loads_with_the_same_output()
    {
        var model = new PolynomialFeatures { Degree = 3 }.Fit(Sample);
        var loaded = RoundTrip.Through(model);
        Assert.Equal(model.OutputNames, loaded.OutputNames);
        Assert.Equal(model.Transform(Sample).ToString(), loaded.Transform(Sample).ToString());
    }
}

using Kiln.Data;
using Kiln.Learn.Features;

namespace Kiln.Learn.Tests.Features;

public class PowerTransformerTests
{
    static readonly Frame Sample = new(
        new Float64Column("a", [0.5, 1.3, 2.7, 4.1, 8.9, 15.2, 0.9, 3.3]),
        new Float64Column("b", [-2.0, 0.4, 1.1, -0.7, 3.5, 2.2, -1.4, 0.0]));

    [Fact]
    public void Yeo_johnson_finds_scikit_learns_lambdas_and_values()
    {
        var model = new PowerTransformer().Fit(Sample);
        // scikit-learn 1.2: PowerTransformer().fit(X).lambdas_
        Assert.Equal(-0.3279521873519845, model.Lambdas[0], 1e-7);
        Assert.Equal(0.7453689572223001, model.Lambdas[1], 1e-7);
        var output = model.Transform(Sample);
        Assert.Equal(-1.492134048522165, output.Column<Float64Column>("a")[0], 1e-7);
        Assert.Equal(1.1465557254927479, output.Column<Float64Column>("a")[4], 1e-7);
        Assert.Equal(-1.5687395533316157, output.Column<Float64Column>("b")[0], 1e-7);
        Assert.Equal(1.6230258365548287, output.Column<Float64Column>("b")[4], 1e-7);
    }

    [Fact]
    public void Without_standardizing_the_transformed_values_are_returned()
    {
        var output = new PowerTransformer { Standardize = false }.Fit(Sample).Transform(Sample);
        Assert.Equal(0.37966332551164356, output.Column<Float64Column>("a")[0], 1e-7);
        Assert.Equal(2.7747395105480988, output.Column<Float64Column>("b")[4], 1e-7);
    }

    [Fact]
    public void Box_cox_finds_scipys_maximum_likelihood_lambda()
    {
        var positive = Sample.Select("a");
        var model = new PowerTransformer { Method = PowerMethod.BoxCox }.Fit(positive);
        Assert.Equal(-0.01821897515062854, model.Lambdas[0], 1e-7);
        var standardized = model.Transform(positive).Column<Float64Column>("a");
        Assert.Equal(-1.5895334611380472, standardized[0], 1e-7);
        Assert.Equal(1.107071511654841, standardized[4], 1e-7);
        var raw = new PowerTransformer { Method = PowerMethod.BoxCox, Standardize = false }.Fit(positive).Transform(positive).Column<Float64Column>("a");
        Assert.Equal(-0.6975423431704415, raw[0], 1e-7);
    }

    [Fact]
    public void Box_cox_on_a_non_positive_value_names_the_column_and_row()
    {
        var error = Assert.Throws<ArgumentException>(() => new PowerTransformer { Method = PowerMethod.BoxCox }.Fit(Sample));
        Assert.Contains("'b'", error.Message);
        Assert.Contains("row 0", error.Message);
    }

    [Fact]
    public void Missing_values_are_ignored_when_fitting_and_kept()
    {
        var withGap = new Frame(new Float64Column("a", [0.5, 1.3, 2.7, 4.1, double.NaN, 8.9, 15.2, 0.9, 3.3]));
        var model = new PowerTransformer().Fit(withGap);
        Assert.Equal(-0.3279521873519845, model.Lambdas[0], 1e-7);
        Assert.True(double.IsNaN(model.Transform(withGap).Column<Float64Column>("a")[4]));
    }

    [Fact]
    public void Infinity_is_rejected_by_column()
    {
        var frame = new Frame(new Float64Column("a", [1, double.PositiveInfinity]));
        var error = Assert.Throws<SchemaMismatchException>(() => new PowerTransformer().Fit(frame));
        Assert.Contains("'a'", error.Message);
    }

    [Fact]
    public void A_saved_model_loads_with_identical_output()
    {
        var model = new PowerTransformer().Fit(Sample);
        var loaded = RoundTrip.Through(model);
        Assert.Equal(model.Lambdas, loaded.Lambdas);
        Assert.Equal(model.Transform(Sample).Column<Float64Column>("b").Values.ToArray(), loaded.Transform(Sample).Column<Float64Column>("b").Values.ToArray());
    }
}

using Kiln.Data;
using Kiln.Learn.Features;

namespace Kiln.Learn.Tests.Features;

public class DerivedFeaturesTests
{
    static readonly Frame Housing = new(
        new Float64Column("total_rooms", [880, 7099, 1467]),
        new Int64Column("households", [126, 1138, 0]),
        new Float64Column("median income", [8.3252, 8.3014, 7.2574]));

    [Fact]
    public void Ratios_and_functions_are_computed_per_row()
    {
        var estimator = new DerivedFeatures { Expressions = "rooms_per_household=total_rooms/households; log_income=log(`median income`)" };
        var output = estimator.Fit(Housing).Transform(Housing);
        Assert.Equal(["total_rooms", "households", "median income", "rooms_per_household", "log_income"], output.ColumnNames);
        Assert.Equal(880.0 / 126, output.Column<Float64Column>("rooms_per_household")[0], 1e-15);
        Assert.Equal(Math.Log(8.3014), output.Column<Float64Column>("log_income")[1], 1e-15);
    }

    [Fact]
    public void Division_by_zero_follows_ieee_arithmetic()
    {
        var output = new DerivedFeatures { Expressions = "r=total_rooms/households; z=(total_rooms-total_rooms)/households" }.Fit(Housing).Transform(Housing);
        Assert.Equal(double.PositiveInfinity, output.Column<Float64Column>("r")[2]);
        Assert.True(double.IsNaN(output.Column<Float64Column>("z")[2]));
    }

    [Fact]
    public void Precedence_parentheses_unary_minus_and_literals_work_as_in_arithmetic()
    {
        var frame = new Frame(new Float64Column("a", [2]), new Float64Column("b", [3]));
        double Value(string expression) =>
            new DerivedFeatures { Expressions = $"v={expression}" }.Fit(frame).Transform(frame).Column<Float64Column>("v")[0];
        Assert.Equal(14, Value("a + b * 4"));
        Assert.Equal(20, Value("(a + b) * 4"));
        Assert.Equal(-1, Value("-a + 1"));
        Assert.Equal(0.5, Value("a / 4"));
        Assert.Equal(8, Value("pow(a, b)"));
        Assert.Equal(2, Value("min(a, b, 7)"));
        Assert.Equal(3, Value("max(a, b)"));
        Assert.Equal(5, Value("abs(-a - b)"));
        Assert.Equal(1.5e3, Value("1.5e3"));
        Assert.Equal(Math.Sqrt(2) + Math.Exp(3), Value("sqrt(a) + exp(b)"), 1e-12);
        Assert.Equal(Math.Log(3), Value("log1p(a)"), 1e-15);
        Assert.Equal(-6, Value("a * -b"));
    }

    [Fact]
    public void A_later_definition_can_use_an_earlier_one()
    {
        var output = new DerivedFeatures { Expressions = "x=total_rooms*2\ny=x+1" }.Fit(Housing).Transform(Housing);
        Assert.Equal(1761, output.Column<Float64Column>("y")[0]);
    }

    [Fact]
    public void An_unknown_column_is_named_and_the_columns_listed()
    {
        var error = Assert.Throws<ArgumentException>(() => new DerivedFeatures { Expressions = "r=total_roomz/households" }.Fit(Housing));
        Assert.Contains("'total_roomz'", error.Message);
        Assert.Contains("total_rooms, households, median income", error.Message);
    }

    [Fact]
    public void A_syntax_error_shows_the_expression_with_a_caret_under_the_mistake()
    {
        var error = Assert.Throws<ExpressionSyntaxException>(() => DerivedFeature.Parse("r=(a+b*c"));
        Assert.Equal(2, error.Position);
        Assert.EndsWith("  r=(a+b*c\n    ^", error.Message);
        var stray = Assert.Throws<ExpressionSyntaxException>(() => DerivedFeature.Parse("r=a+*b"));
        Assert.Equal(4, stray.Position);
    }

    [Fact]
    public void An_unknown_function_or_wrong_argument_count_is_a_syntax_error()
    {
        var unknown = Assert.Throws<ExpressionSyntaxException>(() => DerivedFeature.Parse("r=log10(a)"));
        Assert.Contains("log1p", unknown.Message);
        Assert.Throws<ExpressionSyntaxException>(() => DerivedFeature.Parse("r=pow(a)"));
        Assert.Throws<ExpressionSyntaxException>(() => DerivedFeature.Parse("r=min(a)"));
    }

    [Fact]
    public void A_definition_may_not_reuse_a_column_name()
    {
        var error = Assert.Throws<ArgumentException>(() => new DerivedFeatures { Expressions = "households=total_rooms" }.Fit(Housing));
        Assert.Contains("'households'", error.Message);
    }

    [Fact]
    public void Semicolons_inside_backquotes_do_not_split_definitions()
    {
        var definitions = DerivedFeature.ParseList("a=`x;y` + 1; b=2");
        Assert.Equal(["a", "b"], definitions.Select(d => d.Name));
        Assert.Equal(["x;y"], definitions[0].Expression.Columns);
    }

    [Fact]
    public void A_saved_model_loads_with_the_same_output()
    {
        var model = new DerivedFeatures { Expressions = "r=total_rooms/households; l=log(`median income`)" }.Fit(Housing);
        var loaded = RoundTrip.Through(model);
        Assert.Equal(model.Transform(Housing).ToString(), loaded.Transform(Housing).ToString());
    }
}

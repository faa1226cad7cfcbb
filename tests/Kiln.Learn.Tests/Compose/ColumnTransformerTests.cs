using Kiln.Data;
using Kiln.Learn.Compose;
using Kiln.Learn.Preprocessing;

namespace Kiln.Learn.Tests.Compose;

public class ColumnTransformerTests
{
    static readonly Frame Sample = ComposeSamples.Frame;

    static ColumnTransformerPart Scale(string name, ColumnSelector columns) => new(name, new StandardScaler(), columns);

    [Fact]
    public void Parts_are_placed_side_by_side_in_order_then_the_passed_through_remainder()
    {
        var transformer = new ColumnTransformer(
            Scale("num", ColumnSelector.ByName("a", "b")),
            new ColumnTransformerPart("cities", new IndicatorColumns(), ColumnSelector.ByName("city")))
        { Remainder = Remainder.Passthrough };
        var model = transformer.Fit(Sample);
        var output = model.Transform(Sample);

        // scikit-learn 1.2: ColumnTransformer([("num", StandardScaler(), ["a", "b"]), ("cities", OneHotEncoder(), ["city"])],
        // remainder="passthrough", verbose_feature_names_out=False), whose names are a, b, city_Lyon, city_Nice, city_Paris, c
        Assert.Equal(["a", "b", "city=Lyon", "city=Nice", "city=Paris", "c"], output.ColumnNames);
        Assert.Equal(model.OutputNames, output.ColumnNames);
        double[][] expected =
        [
            [-0.9532062476387962, 0.1250000000000001, 0, 0, 1, 10],
            [-0.7698973538621047, -1.1249999999999998, 1, 0, 0, 20],
            [-0.4032795663087215, 0.7500000000000001, 0, 0, 1, 30],
            [0.3299560087980448, -1.1249999999999998, 0, 1, 0, 40],
            [1.7964271590115777, 1.375, 1, 0, 0, 50],
        ];
        for (var i = 0; i < expected.Length; i++)
            for (var j = 0; j < expected[i].Length; j++)
                Assert.Equal(expected[i][j], Convert.ToDouble(output[j].GetValue(i)), 1e-12);
        Assert.Equal(DataType.Int64, output["c"].Type);
    }

    [Fact]
    public void A_dropped_remainder_is_neither_output_nor_required_as_input()
    {
        var model = new ColumnTransformer(Scale("num", ColumnSelector.ByName("a"))).Fit(Sample);
        Assert.Equal(["a"], model.Schema.Names);
        Assert.Equal(["a"], model.Transform(Sample.Select("a")).ColumnNames);
    }

    [Fact]
    public void Type_and_predicate_selectors_resolve_to_names_the_model_keeps()
    {
        var model = new ColumnTransformer(
            Scale("integers", ColumnSelector.ByType(DataType.Int64)),
            Scale("big", ColumnSelector.Where("columns whose largest value exceeds 10", c => c is Float64Column f && f.Values.ToArray().Max() > 10)),
            new ColumnTransformerPart("text", new IndicatorColumns(), ColumnSelector.Text)).Fit(Sample);
        Assert.Equal([["b", "c"], ["a"], ["city"]], model.PartColumns);
        Assert.Equal(Sample.ColumnNames.Order(StringComparer.Ordinal), model.Schema.Names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_numeric_selector_takes_float_int_and_bool_columns()
    {
        var frame = Sample.WithColumn(new BoolColumn("flag", [true, false, true, true, false]));
        var model = new ColumnTransformer(Scale("num", ColumnSelector.Numeric)).Fit(frame);
        Assert.Equal(["a", "b", "c", "flag"], model.PartColumns[0]);
    }

    [Fact]
    public void A_column_selected_by_two_parts_is_named_with_both_parts()
    {
        var transformer = new ColumnTransformer(Scale("first", ColumnSelector.ByName("a", "b")), Scale("second", ColumnSelector.Numeric));
        var error = Assert.Throws<SchemaMismatchException>(() => transformer.Fit(Sample));
        Assert.Contains("'a'", error.Message);
        Assert.Contains("'first'", error.Message);
        Assert.Contains("'second'", error.Message);
    }

    [Fact]
    public void A_selector_that_selects_nothing_is_an_error_naming_the_part()
    {
        var transformer = new ColumnTransformer(Scale("dates", ColumnSelector.ByType(DataType.DateTime)));
        var error = Assert.Throws<SchemaMismatchException>(() => transformer.Fit(Sample));
        Assert.Contains("'dates'", error.Message);
        Assert.Contains("datetime columns", error.Message);
    }

    [Fact]
    public void An_unknown_column_name_is_named_before_anything_is_fitted()
    {
        var transformer = new ColumnTransformer(Scale("num", ColumnSelector.ByName("a", "agee")));
        var error = Assert.Throws<SchemaMismatchException>(() => transformer.Fit(Sample));
        Assert.Contains("'agee'", error.Message);
        Assert.Contains("'num'", error.Message);
    }

    [Fact]
    public void Duplicate_output_names_are_named_with_the_parts_that_made_them()
    {
        var frame = Sample.WithColumn(new Float64Column("city=Paris", [0, 0, 0, 0, 0]));
        var transformer = new ColumnTransformer(new ColumnTransformerPart("cities", new IndicatorColumns(), ColumnSelector.Text))
        { Remainder = Remainder.Passthrough };
        var error = Assert.Throws<ArgumentException>(() => transformer.Fit(frame));
        Assert.Contains("'city=Paris'", error.Message);
        Assert.Contains("'cities'", error.Message);
    }

    [Fact]
    public void A_part_that_is_not_a_transformer_is_refused_by_name()
    {
        var transformer = new ColumnTransformer(new ColumnTransformerPart("vote", new MajorityClassifier(), ColumnSelector.Numeric));
        var error = Assert.Throws<ArgumentException>(() => transformer.Fit(Sample, new StringColumn("y", ["a", "b", "a", "b", "a"])));
        Assert.Contains("'vote'", error.Message);
    }

    [Fact]
    public void A_frame_lacking_a_selected_column_is_named_when_transforming()
    {
        var model = new ColumnTransformer(Scale("num", ColumnSelector.ByName("a", "b"))).Fit(Sample);
        var error = Assert.Throws<SchemaMismatchException>(() => model.Transform(Sample.Drop("b")));
        Assert.Contains("'b'", error.Message);
    }

    [Fact]
    public void Sample_weights_reach_every_part()
    {
        var model = new ColumnTransformer(Scale("a", ColumnSelector.ByName("a")), Scale("b", ColumnSelector.ByName("b")))
            .Fit(Sample, context: new FitContext { SampleWeights = [1, 0, 0, 0, 1] });
        Assert.Equal(8.5, ((StandardScalerModel)model.Parts[0].Model).Means[0], 12);
        Assert.Equal(4, ((StandardScalerModel)model.Parts[1].Model).Means[0], 12);
    }
}

using Kiln.Data;
using Kiln.Learn.Preprocessing;

namespace Kiln.Learn.Tests.Preprocessing;

public class OneHotEncoderTests
{
    static readonly Frame Cities = new(new StringColumn("city", ["Paris", "Lyon", "Paris", "Nice", null, "Lyon", "Paris", "Brest"]));
    static Frame City(string? value) => new(new StringColumn("city", [value]));

    [Fact]
    public void Each_category_gets_a_column_in_sorted_order_with_missing_last()
    {
        // scikit-learn: OneHotEncoder().fit(Cities): x0_Brest x0_Lyon x0_Nice x0_Paris x0_None
        var model = new OneHotEncoder().Fit(Cities);
        Assert.Equal(["city=Brest", "city=Lyon", "city=Nice", "city=Paris", "city=<NA>"], model.OutputNames);
        var encoded = model.Transform(Cities);
        FrameAssert.Values([0, 0, 0, 0, 0, 0, 0, 1], encoded, "city=Brest");
        FrameAssert.Values([1, 0, 1, 0, 0, 0, 1, 0], encoded, "city=Paris");
        FrameAssert.Values([0, 0, 0, 0, 1, 0, 0, 0], encoded, "city=<NA>");
    }

    [Fact]
    public void Min_frequency_groups_rare_categories_into_one_infrequent_column()
    {
        // scikit-learn: OneHotEncoder(min_frequency=2): x0_Lyon x0_Paris x0_infrequent_sklearn
        var model = new OneHotEncoder { MinFrequency = 2 }.Fit(Cities);
        Assert.Equal(["city=Lyon", "city=Paris", "city=infrequent"], model.OutputNames);
        Assert.Equal(["Brest", "Nice", "<NA>"], model.InfrequentCategories("city"));
        FrameAssert.Values([0, 0, 0, 1, 1, 0, 0, 1], model.Transform(Cities), "city=infrequent");
    }

    [Fact]
    public void Min_frequency_below_one_is_a_share_of_the_rows()
    {
        // scikit-learn: OneHotEncoder(min_frequency=0.3) needs 2.4 of the 8 rows: x0_Paris x0_infrequent_sklearn
        var model = new OneHotEncoder { MinFrequency = 0.3 }.Fit(Cities);
        Assert.Equal(["city=Paris", "city=infrequent"], model.OutputNames);
    }

    [Fact]
    public void Max_categories_keeps_the_most_frequent_and_counts_the_infrequent_column()
    {
        // scikit-learn: OneHotEncoder(max_categories=3).infrequent_categories_ is Brest, Nice, None
        var model = new OneHotEncoder { MaxCategories = 3 }.Fit(Cities);
        Assert.Equal(["city=Lyon", "city=Paris", "city=infrequent"], model.OutputNames);
    }

    [Fact]
    public void Drop_first_leaves_out_the_first_category()
    {
        // scikit-learn: OneHotEncoder(drop="first"): x0_Lyon x0_Nice x0_Paris x0_None
        var model = new OneHotEncoder { Drop = DropCategory.First }.Fit(Cities);
        Assert.Equal(["city=Lyon", "city=Nice", "city=Paris", "city=<NA>"], model.OutputNames);
        Assert.Equal([0.0, 0, 0, 0], model.Transform(City("Brest")).Columns.Select(c => ((Float64Column)c)[0]));
    }

    [Fact]
    public void Drop_if_binary_only_shrinks_two_category_columns_and_integers_sort_by_value()
    {
        // scikit-learn: OneHotEncoder(drop="if_binary") on [3,1,3,2,2,10] and [1,0,0,1,1,0]: x0_1 x0_2 x0_3 x0_10 x1_1
        var frame = new Frame(new Int64Column("n", [3, 1, 3, 2, 2, 10]), new BoolColumn("flag", [true, false, false, true, true, false]));
        var model = new OneHotEncoder { Drop = DropCategory.IfBinary }.Fit(frame);
        Assert.Equal(["n=1", "n=2", "n=3", "n=10", "flag=True"], model.OutputNames);
        var row = model.Transform(new Frame(new Int64Column("n", [10]), new BoolColumn("flag", [true])));
        Assert.Equal([0.0, 0, 0, 1, 1], row.Columns.Select(c => ((Float64Column)c)[0]));
    }

    [Fact]
    public void An_unknown_category_is_an_error_naming_the_column_and_value_by_default()
    {
        var error = Assert.Throws<SchemaMismatchException>(() => new OneHotEncoder().Fit(Cities).Transform(City("Rome")));
        Assert.Contains("'city'", error.Message);
        Assert.Contains("'Rome'", error.Message);
    }

    [Fact]
    public void An_unknown_category_is_all_zeros_when_ignored_and_infrequent_when_that_exists()
    {
        // scikit-learn: handle_unknown="ignore" gives zeros; "infrequent_if_exist" with min_frequency=2 gives [0, 0, 1]
        var ignored = new OneHotEncoder { HandleUnknown = UnknownCategoryHandling.Ignore }.Fit(Cities).Transform(City("Rome"));
        Assert.All(ignored.Columns, c => Assert.Equal(0, ((Float64Column)c)[0]));
        var grouped = new OneHotEncoder { HandleUnknown = UnknownCategoryHandling.InfrequentIfExist, MinFrequency = 2 }.Fit(Cities).Transform(City("Rome"));
        Assert.Equal([0.0, 0, 1], grouped.Columns.Select(c => ((Float64Column)c)[0]));
    }

    [Fact]
    public void Missing_values_can_be_refused_instead_of_encoded()
    {
        var error = Assert.Throws<SchemaMismatchException>(() => new OneHotEncoder { HandleMissing = MissingCategoryHandling.Error }.Fit(Cities));
        Assert.Contains("'city'", error.Message);
    }

    [Fact]
    public void Codes_of_a_column_with_another_dictionary_order_map_to_the_same_outputs()
    {
        var model = new OneHotEncoder().Fit(Cities);
        var reordered = new Frame(new StringColumn("city", [0, 1, -1], ["Nice", "Brest", "Paris"]));
        var encoded = model.Transform(reordered);
        FrameAssert.Values([0, 1, 0], encoded, "city=Brest");
        FrameAssert.Values([1, 0, 0], encoded, "city=Nice");
        FrameAssert.Values([0, 0, 1], encoded, "city=<NA>");
    }

    [Fact]
    public void A_saved_encoder_encodes_the_same_after_loading()
    {
        var frame = Cities.WithColumn(new Int64Column("n", [1, 2, 2, 3, 3, 3, 4, 4]));
        var model = new OneHotEncoder { MaxCategories = 3, Drop = DropCategory.First, HandleUnknown = UnknownCategoryHandling.Ignore }.Fit(frame);
        var loaded = FrameAssert.Reloaded(model);
        Assert.Equal(model.OutputNames, loaded.OutputNames);
        FrameAssert.Identical(model.Transform(frame), loaded.Transform(frame));
    }
}

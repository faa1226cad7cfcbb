using Kiln.Data;
using Kiln.Learn.Preprocessing;

namespace Kiln.Learn.Tests.Preprocessing;

public class OrdinalEncoderTests
{
    static readonly Frame Cities = new(new StringColumn("city", ["Paris", "Lyon", "Paris", "Nice", null, "Lyon", "Paris", "Brest"]));

    [Fact]
    public void Categories_are_numbered_in_sorted_order_and_missing_stays_missing()
    {
        // scikit-learn: OrdinalEncoder() numbers Brest 0, Lyon 1, Nice 2, Paris 3 (NaN stays NaN)
        var model = new OrdinalEncoder().Fit(Cities);
        Assert.Equal(["Brest", "Lyon", "Nice", "Paris"], model.Categories("city"));
        FrameAssert.Values([3, 1, 3, 2, double.NaN, 1, 3, 0], model.Transform(Cities), "city");
    }

    [Fact]
    public void Integer_categories_are_numbered_by_value()
    {
        var frame = new Frame(new Int64Column("n", [30, 4, 200, 4]));
        FrameAssert.Values([1, 0, 2, 0], new OrdinalEncoder().Fit(frame).Transform(frame), "n");
    }

    [Fact]
    public void An_unknown_category_is_an_error_or_the_given_value()
    {
        // scikit-learn: OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1) encodes Rome as -1
        var rome = new Frame(new StringColumn("city", ["Rome"]));
        Assert.Contains("'Rome'", Assert.Throws<SchemaMismatchException>(() => new OrdinalEncoder().Fit(Cities).Transform(rome)).Message);
        var encoder = new OrdinalEncoder { HandleUnknown = OrdinalUnknownHandling.UseEncodedValue, UnknownValue = -1 };
        FrameAssert.Values([-1], encoder.Fit(Cities).Transform(rome), "city");
        FrameAssert.Values([double.NaN], (encoder with { UnknownValue = null }).Fit(Cities).Transform(rome), "city");
    }

    [Fact]
    public void An_unknown_value_that_is_already_a_category_code_is_rejected()
    {
        var encoder = new OrdinalEncoder { HandleUnknown = OrdinalUnknownHandling.UseEncodedValue, UnknownValue = 2 };
        Assert.Contains("unknown-value", Assert.Throws<ArgumentException>(() => encoder.Fit(Cities)).Message);
    }

    [Fact]
    public void A_saved_encoder_encodes_the_same_after_loading()
    {
        var model = new OrdinalEncoder().Fit(Cities);
        FrameAssert.Identical(model.Transform(Cities), FrameAssert.Reloaded(model).Transform(Cities));
    }
}

using Kiln.Data;
using Kiln.Learn.Preprocessing;

namespace Kiln.Learn.Tests.Preprocessing;

public class TargetEncoderTests
{
    // scikit-learn's TargetEncoder documentation example: dog ×20, cat ×30, snake ×38
    static readonly Frame Animals = new(new StringColumn("animal", [.. Enumerable.Repeat("dog", 20), .. Enumerable.Repeat("cat", 30), .. Enumerable.Repeat("snake", 38)]));
    static readonly Float64Column AnimalTarget = new("y",
        [.. Enumerable.Repeat(90.3, 5), .. Enumerable.Repeat(80.1, 15), .. Enumerable.Repeat(20.4, 5), .. Enumerable.Repeat(20.1, 25), .. Enumerable.Repeat(21.2, 8), .. Enumerable.Repeat(49.0, 30)]);
    static readonly Frame CatDogSnake = new(new StringColumn("animal", ["cat", "dog", "snake"]));

    static readonly Frame Letters = new(new StringColumn("x", ["a", "b", "a", "c", "b", "a", "c", "a"]));
    static readonly Float64Column LetterTarget = new("y", [1, 3, 2, 5, 4, 0, 7, 1.5]);

    // expected values follow scikit-learn 1.3's _fit_encoding_fast (fixed smoothing) and _fit_encoding_fast_auto_smooth
    [Theory]
    [InlineData(1.0, 20.928555718475078, 80.82310606060604, 43.17654428904429)]
    [InlineData(5000.0, 44.141279595156334, 44.43807497283593, 44.2766447724566)]
    [InlineData(null, 20.15001694243373, 82.58705994416918, 43.15381171787118)]
    public void Categories_are_encoded_by_their_shrunk_mean_target(double? smooth, double cat, double dog, double snake)
    {
        var model = new TargetEncoder { Smooth = smooth }.Fit(Animals, AnimalTarget);
        Assert.Equal(TargetKind.Continuous, model.TargetType);
        Assert.Equal(44.28522727272727, model.TargetMeans[0], 12);
        FrameAssert.Values([cat, dog, snake], model.Transform(CatDogSnake), "animal", 1e-9);
    }

    [Fact]
    public void Unseen_categories_and_unseen_missing_values_get_the_target_mean()
    {
        var model = new TargetEncoder().Fit(Animals, AnimalTarget);
        var unseen = new Frame(new StringColumn("animal", ["bird", null]));
        FrameAssert.Values([44.28522727272727, 44.28522727272727], model.Transform(unseen), "animal", 1e-12);
    }

    [Theory]
    [InlineData(null, new[] { 1.2663558544787525, 4.0, 0.8880416191562144, 7.0, 3.0, 1.5260297482837528, 5.0, 1.0915431560592852 })]
    [InlineData(2.0, new[] { 1.9857142857142858, 3.285714285714286, 1.7285714285714284, 4.095238095238095, 2.857142857142857, 2.242857142857143, 3.2380952380952386, 1.857142857142857 })]
    public void Fit_transform_encodes_each_training_row_without_its_own_target(double? smooth, double[] outOfFold)
    {
        // one fold per row makes the folds independent of the shuffle: each row is encoded from the other seven
        var encoder = new TargetEncoder { Smooth = smooth, Cv = 8 };
        var (model, training) = encoder.FitTransform(Letters, LetterTarget);
        FrameAssert.Values(outOfFold, training, "x", 1e-9);
        // full-data encodings for a, b, c (auto smoothing): what Transform applies afterwards
        if (smooth is null)
            FrameAssert.Values([1.1767434747145187, 3.4852820932134096, 5.702805155420773], model.Transform(new Frame(new StringColumn("x", ["a", "b", "c"]))), "x", 1e-9);
    }

    [Fact]
    public void Fit_transform_is_reproducible_by_seed()
    {
        var target = new StringColumn("y", ["no", "yes", "yes", "no", "yes", "no", "yes", "no"]);
        var encoder = new TargetEncoder { Cv = 2, Seed = 3 };
        var first = encoder.FitTransform(Letters, target).Training;
        var again = encoder.FitTransform(Letters, target).Training;
        FrameAssert.Identical(first, again);
        var full = encoder.Fit(Letters, target).Transform(Letters);
        Assert.NotEqual(full.Column<Float64Column>("x").Values.ToArray(), first.Column<Float64Column>("x").Values.ToArray());
    }

    [Fact]
    public void A_text_target_with_three_classes_gives_one_output_per_class()
    {
        // one-vs-rest per class; the a/w encoding 0.4375 is the auto-smoothed rate of w among the a rows
        var target = new StringColumn("y", ["u", "v", "w", "u", "v", "w", "u", "u"]);
        var model = new TargetEncoder().Fit(Letters, target);
        Assert.Equal(TargetKind.Multiclass, model.TargetType);
        Assert.Equal(["x_u", "x_v", "x_w"], model.OutputNames);
        var encoded = model.Transform(new Frame(new StringColumn("x", ["a", "b", "c"])));
        FrameAssert.Values([0.5, 0.0, 1.0], encoded, "x_u", 1e-12);
        FrameAssert.Values([0.0, 1.0, 0.0], encoded, "x_v", 1e-12);
        FrameAssert.Values([0.4375, 0.0, 0.0], encoded, "x_w", 1e-12);
    }

    [Fact]
    public void A_two_class_target_encodes_the_rate_of_the_second_class()
    {
        var target = new StringColumn("y", ["no", "yes", "yes", "no", "yes", "no", "no", "yes"]);
        var model = new TargetEncoder { Smooth = 0 }.Fit(Letters, target);
        Assert.Equal(TargetKind.Binary, model.TargetType);
        Assert.Equal(["no", "yes"], model.Classes);
        FrameAssert.Values([0.5, 1.0, 0.0], model.Transform(new Frame(new StringColumn("x", ["a", "b", "c"]))), "x", 1e-12);
    }

    [Fact]
    public void Fitting_without_a_target_is_an_error()
    {
        Assert.Contains("target", Assert.Throws<ArgumentException>(() => new TargetEncoder().Fit(Letters)).Message);
    }

    [Fact]
    public void A_saved_encoder_encodes_the_same_after_loading()
    {
        var target = new StringColumn("y", ["u", "v", "w", "u", "v", "w", "u", "u"]);
        var frame = Letters.WithColumn(new Int64Column("n", [1, 1, 2, 2, 3, 3, 3, 0], [false, false, false, false, false, false, false, true]));
        var model = new TargetEncoder { Smooth = 1.5 }.Fit(frame, target);
        FrameAssert.Identical(model.Transform(frame), FrameAssert.Reloaded(model).Transform(frame));
    }
}

using Kiln.Learn.Metrics;

namespace Kiln.Plots.Tests;

public sealed class ModelChartsTests
{
    [Fact]
    public void Confusion_matrix_writes_counts_or_each_true_rows_fractions()
    {
        var counts = new double[,] { { 3, 1 }, { 0, 4 } };
        var texts = SvgTexts.Of(ModelCharts.ConfusionMatrix(counts, ["cat", "dog"]).ToSvg());
        Assert.Contains("3", texts);
        Assert.Contains("predicted", texts);

        var fractions = SvgTexts.Of(ModelCharts.ConfusionMatrix(counts, ["cat", "dog"], normalized: true).ToSvg());
        Assert.Contains("0.75", fractions);
        Assert.Contains("0.25", fractions);
        Assert.Contains("1.00", fractions);
    }

    [Fact]
    public void Confusion_matrix_needs_one_label_per_class()
    {
        var error = Assert.Throws<ArgumentException>(() => ModelCharts.ConfusionMatrix(new double[2, 2], ["only one"]));
        Assert.Contains("1 labels", error.Message);
    }

    [Fact]
    public void Roc_curves_are_labelled_with_their_area_beside_the_chance_line()
    {
        long[] truth = [0, 0, 1, 1, 0, 1];
        double[] scores = [0.1, 0.4, 0.35, 0.8, 0.2, 0.9];
        var curve = RocCurve.Of<long>(truth, scores, 1);
        var texts = SvgTexts.Of(ModelCharts.RocCurves([("class 1", curve)]).ToSvg());
        Assert.Contains($"class 1 (AUC {curve.Area():0.000})", texts);
        Assert.Contains("chance", texts);
    }

    [Fact]
    public void Precision_recall_and_calibration_charts_name_their_curves()
    {
        long[] truth = [0, 0, 1, 1, 0, 1, 1, 0];
        double[] probability = [0.1, 0.4, 0.35, 0.8, 0.2, 0.9, 0.7, 0.6];
        var pr = PrecisionRecallCurve.Of<long>(truth, probability, 1);
        Assert.Contains($"forest (AP {pr.AveragePrecision():0.000})", SvgTexts.Of(ModelCharts.PrecisionRecallCurves([("forest", pr)]).ToSvg()));

        var calibration = CalibrationCurve.Of<long>(truth, probability, 1, bins: 4);
        var texts = SvgTexts.Of(ModelCharts.Calibration([("forest", calibration)]).ToSvg());
        Assert.Contains("forest", texts);
        Assert.Contains("perfectly calibrated", texts);
    }

    [Fact]
    public void Actual_vs_predicted_and_residuals_draw_a_grey_reference_line()
    {
        double[] actual = [1, 2, 3, 4, 5];
        double[] predicted = [1.2, 1.8, 3.3, 3.9, 5.4];
        Assert.True(DecodedPng.From(ModelCharts.ActualVsPredicted(actual, predicted, "price").ToPng()).Contains("#7f7f7f"));
        var residuals = ModelCharts.Residuals(actual, predicted, "price");
        Assert.Contains("residual (actual − predicted)", SvgTexts.Of(residuals.ToSvg()));
        Assert.True(DecodedPng.From(residuals.ToPng()).Contains("#7f7f7f"));
        Assert.Throws<ArgumentException>(() => ModelCharts.Residuals(actual, [1, 2], "price"));
    }

    [Fact]
    public void Learning_curve_shades_one_standard_deviation_around_each_mean()
    {
        var training = new ScoreBand([0.99, 0.98, 0.97], [0.01, 0.01, 0.005]);
        var validation = new ScoreBand([0.80, 0.85, 0.88], [0.05, 0.03, 0.02]);
        var chart = ModelCharts.LearningCurve([100, 500, 1000], training, validation, "accuracy");
        var png = DecodedPng.From(chart.ToPng());
        // palette blue at 20 % over white: the inside of the training band
        Assert.True(png.Contains("#d2e4f0"), "the training band is not shaded");
        var texts = SvgTexts.Of(chart.ToSvg());
        Assert.Contains("training score", texts);
        Assert.Contains("validation score", texts);
    }

    [Fact]
    public void Validation_curve_uses_a_log_axis_when_the_values_span_decades()
    {
        var band = new ScoreBand([0.7, 0.8, 0.75], [0.01, 0.02, 0.03]);
        Assert.Contains("log10(C)", SvgTexts.Of(ModelCharts.ValidationCurve("C", [0.01, 1, 100], band, band, "accuracy").ToSvg()));
        Assert.Contains("max-depth", SvgTexts.Of(ModelCharts.ValidationCurve("max-depth", [2, 4, 8], band, band, "accuracy").ToSvg()));
        var error = Assert.Throws<ArgumentException>(() => ModelCharts.ValidationCurve("C", [1, 2], band, band, "accuracy"));
        Assert.Contains("for 2 points", error.Message);
    }

    [Fact]
    public void Model_comparison_puts_the_best_model_first()
    {
        var chart = ModelCharts.ModelComparison(["ridge", "forest", "knn"], [0.71, 0.83, 0.64], [0.02, 0.01, 0.03], "r2");
        Assert.Equal(["forest", "ridge", "knn"], chart.ShownNames);
        Assert.Contains("r2", SvgTexts.Of(chart.ToSvg()));
    }
}

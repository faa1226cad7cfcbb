using Kiln.Data;
using Kiln.Learn.ModelSelection;
using Kiln.Learn.Neighbors;
using Kiln.Learn.Trees;

namespace Kiln.Learn.Tests.ModelSelection;

public class CurveTests
{
    [Fact]
    public void A_learning_curve_measures_ten_to_a_hundred_percent_of_the_training_rows_by_default()
    {
        var (features, target) = ScikitLearnFixtures.Labelled("linear-iris.csv");
        var curve = LearningCurve.Compute(new KnnClassifier(), features, target, new LearningCurveOptions { Shuffle = true, Seed = 1 });

        Assert.Equal([12, 30, 60, 90, 120], curve.TrainSizes);
        Assert.Equal("accuracy", curve.Scoring);
        Assert.All(curve.Scores.Training, fold => Assert.Equal(5, fold.Length));
        Assert.Equal(5, curve.Scores.ValidationMean.Length);
        Assert.True(curve.Scores.ValidationMean[^1] > curve.Scores.ValidationMean[0]);
    }

    [Fact]
    public void Without_shuffling_the_first_rows_of_class_sorted_data_miss_classes_and_shuffling_fixes_it()
    {
        // iris is sorted by class, so 10% of a fold's rows taken from the front hold a single class
        var (features, target) = ScikitLearnFixtures.Labelled("linear-iris.csv");
        var options = new CrossValidationOptions { Splitter = new StratifiedKFold(5) };
        var ordered = LearningCurve.Compute(new DecisionTreeClassifier(), features, target, new LearningCurveOptions { TrainSizes = [0.1] }, options);
        var shuffled = LearningCurve.Compute(new DecisionTreeClassifier(), features, target, new LearningCurveOptions { TrainSizes = [0.1], Shuffle = true, Seed = 2 }, options);
        Assert.InRange(ordered.Scores.ValidationMean[0], 0.3, 0.34);
        Assert.True(shuffled.Scores.ValidationMean[0] > 0.6);
    }

    [Fact]
    public void Learning_curve_sizes_above_one_are_row_counts_and_bad_sizes_are_refused()
    {
        var (features, target) = ScikitLearnFixtures.Labelled("linear-iris.csv");
        var options = new LearningCurveOptions { TrainSizes = [20, 0.5, 20], Shuffle = true };
        Assert.Equal([20, 60], LearningCurve.Compute(new KnnClassifier(), features, target, options).TrainSizes);

        var tooMany = Assert.Throws<ArgumentException>(() => LearningCurve.Compute(new KnnClassifier(), features, target, new LearningCurveOptions { TrainSizes = [500] }));
        Assert.Contains("fewer than the largest size asked for (500)", tooMany.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => LearningCurve.Compute(new KnnClassifier(), features, target, new LearningCurveOptions { TrainSizes = [0] }));
        Assert.Throws<ArgumentOutOfRangeException>(() => LearningCurve.Compute(new KnnClassifier(), features, target, new LearningCurveOptions { TrainSizes = [12.5] }));
    }

    [Fact]
    public void A_validation_curve_of_tree_depth_shows_training_rising_past_validation()
    {
        var (features, target) = ScikitLearnFixtures.Labelled("linear-wine.csv");
        var curve = ValidationCurve.Compute(new DecisionTreeClassifier(), features, target, "max-depth", ["1", "2", "3", "none"],
            new CrossValidationOptions { Splitter = new StratifiedKFold(5, Shuffle: true, Seed: 0) });

        Assert.Equal("max-depth", curve.Parameter);
        Assert.Equal([1, 2, 3, null], curve.Values);
        Assert.Equal(1.0, curve.Scores.TrainingMean[^1]);
        Assert.True(curve.Scores.TrainingMean[0] < curve.Scores.TrainingMean[^1]);
        Assert.True(curve.Scores.TrainingMean[^1] - curve.Scores.ValidationMean[^1] > 0.02);
        Assert.NotEqual(1, curve.BestValue);
    }

    [Fact]
    public void A_validation_curve_value_outside_the_range_is_refused_by_name()
    {
        var (features, target) = ScikitLearnFixtures.Labelled("linear-iris.csv");
        var error = Assert.Throws<ArgumentException>(() => ValidationCurve.Compute(new KnnClassifier(), features, target, "n-neighbors", [5, 0]));
        Assert.Contains("parameter 'n-neighbors' must be 1 ≤ value, not 0", error.Message);
    }

    static LearningCurveResult Curve(string scoring, double[] training, double[] validation) => new(
        [.. Enumerable.Range(1, training.Length).Select(i => i * 100)], scoring,
        new CurveScores([.. training.Select(t => new[] { t, t })], [.. validation.Select(v => new[] { v, v })]));

    [Theory]
    [InlineData(new[] { 1.0, 1.0, 1.0 }, new[] { 0.70, 0.745, 0.75 }, FitVerdict.OverFitting)]
    [InlineData(new[] { 1.0, 0.99, 0.98 }, new[] { 0.60, 0.70, 0.80 }, FitVerdict.MoreDataWouldHelp)]
    [InlineData(new[] { 0.90, 0.88, 0.87 }, new[] { 0.70, 0.78, 0.84 }, FitVerdict.MoreDataWouldHelp)]
    [InlineData(new[] { 0.70, 0.66, 0.65 }, new[] { 0.60, 0.63, 0.635 }, FitVerdict.UnderFitting)]
    [InlineData(new[] { 0.97, 0.96, 0.95 }, new[] { 0.90, 0.93, 0.935 }, FitVerdict.GoodFit)]
    public void The_diagnosis_reads_gap_trend_and_level_from_the_numbers(double[] training, double[] validation, FitVerdict verdict)
    {
        var diagnosis = CurveDiagnosis.Of(Curve("accuracy", training, validation));
        Assert.Equal(verdict, diagnosis.Verdict);
        Assert.Contains($"validation {validation[^1]:0.###}", diagnosis.Sentence);
    }

    [Fact]
    public void An_error_score_is_judged_relative_to_its_size()
    {
        // a mean squared error of 100 in training and 300 in validation is a large gap, whatever the units
        Assert.Equal(FitVerdict.OverFitting, CurveDiagnosis.Of(Curve("neg_mean_squared_error", [-90, -95, -100], [-305, -301, -300])).Verdict);
        Assert.Equal(FitVerdict.GoodFit, CurveDiagnosis.Of(Curve("neg_mean_squared_error", [-90, -95, -100], [-110, -106, -105])).Verdict);
    }
}

using System.Text.Json;
using Kiln.Serving.Monitoring;

namespace Kiln.Serving.Tests.Monitoring;

public sealed class DriftAnalyzerTests
{
    static readonly DateTimeOffset Noon = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    static readonly ReferenceProfile Reference = ReferenceProfileBuilderTests.Profile(ReferenceProfileBuilderTests.Training(2000));
    static readonly Dictionary<(string, int), string> NoFeedback = [];

    static PredictedOutput Churn(int row) => new(row % 4 == 0 ? "yes" : "no", Confidence: 0.9);

    [Fact]
    public void Live_data_like_the_training_data_raise_no_alert()
    {
        var live = LoggedPredictions.FromFrame(ReferenceProfileBuilderTests.Training(600, seed: 2), "churn", 1, Noon, Churn);

        var result = DriftAnalyzer.Analyze(1, live, Reference, "test", NoFeedback, new DriftThresholds());

        Assert.Empty(result.Alerts);
        Assert.All(result.Features, f => Assert.False(f.Drifted, f.Name));
        Assert.All(result.Features, f => Assert.True(f.Psi < 0.1, $"{f.Name}: PSI {f.Psi}"));
        Assert.Equal(600, result.Rows);
    }

    [Fact]
    public void A_shifted_numeric_feature_drifts_and_the_others_do_not()
    {
        var live = LoggedPredictions.FromFrame(ReferenceProfileBuilderTests.Training(600, shift: 8, seed: 3), "churn", 1, Noon, Churn);

        var result = DriftAnalyzer.Analyze(1, live, Reference, "test", NoFeedback, new DriftThresholds());

        var age = result.Features.Single(f => f.Name == "age");
        Assert.True(age.Drifted);
        Assert.True(age.Psi > 0.2, $"PSI {age.Psi}");
        Assert.True(age.KolmogorovSmirnov!.PValue < 1e-6);
        Assert.False(result.Features.Single(f => f.Name == "income").Drifted);
        Assert.Contains(result.Alerts, a => a.StartsWith("feature 'age' drifted", StringComparison.Ordinal));
        Assert.True(result.Alert);
    }

    [Fact]
    public void A_categorical_feature_with_a_new_category_drifts_by_chi_square()
    {
        var live = LoggedPredictions.FromFrame(ReferenceProfileBuilderTests.Training(600, cities: ["Lyon", "Rome"], seed: 4), "churn", 1, Noon, Churn);

        var city = DriftAnalyzer.Analyze(1, live, Reference, "test", NoFeedback, new DriftThresholds()).Features.Single(f => f.Name == "city");

        Assert.True(city.Drifted);
        Assert.Equal(["Rome"], city.Unseen);
        Assert.True(city.ChiSquare!.PValue < 1e-10);
    }

    [Fact]
    public void Predictions_that_change_their_class_mix_drift()
    {
        var live = LoggedPredictions.FromFrame(ReferenceProfileBuilderTests.Training(600, seed: 5), "churn", 1, Noon, row => new PredictedOutput(row % 2 == 0 ? "yes" : "no"));

        var result = DriftAnalyzer.Analyze(1, live, Reference, "test", NoFeedback, new DriftThresholds());

        Assert.True(result.Predictions!.Drifted);
        Assert.Contains(result.Alerts, a => a.StartsWith("predictions drifted", StringComparison.Ordinal));
    }

    [Fact]
    public void Too_few_live_rows_give_statistics_but_no_alert()
    {
        var live = LoggedPredictions.FromFrame(ReferenceProfileBuilderTests.Training(40, shift: 20, seed: 6), "churn", 1, Noon, Churn);

        var result = DriftAnalyzer.Analyze(1, live, Reference, "test", NoFeedback, new DriftThresholds());

        Assert.True(result.Features.Single(f => f.Name == "age").Psi > 1);
        Assert.Empty(result.Alerts);
    }

    [Fact]
    public void Live_accuracy_comes_from_feedback_and_falls_below_its_threshold_as_an_alert()
    {
        var live = LoggedPredictions.FromFrame(ReferenceProfileBuilderTests.Training(100, seed: 7), "churn", 1, Noon, Churn);
        // the first 40 labelled rows: right when the row is even
        var feedback = live.Take(40).Select((p, i) => (p, label: i % 2 == 0 ? p.Outputs[0].Label! : "maybe"))
            .ToDictionary(x => (x.p.Id, 0), x => x.label);

        var result = DriftAnalyzer.Analyze(1, live, Reference, "test", feedback, new DriftThresholds { MinimumAccuracy = 0.8 });

        Assert.Equal(40, result.Quality.Labelled);
        Assert.Equal(0.5, result.Quality.Accuracy);
        Assert.Equal(Reference.TrainingAccuracy, result.Quality.ReferenceAccuracy);
        Assert.Contains("live accuracy 0.5 on 40 labelled rows is below 0.8", result.Alerts);
    }

    [Fact]
    public void Regression_feedback_gives_the_live_error()
    {
        var reference = Reference with { Task = ReferenceProfile.Regression, Predictions = new FeatureReference("prediction", FeatureKind.Numeric, 1, 0, [], [1], [1.0]) };
        var rows = new Dictionary<string, JsonElement>();
        var live = new[] { (10.0, "12"), (20.0, "17") }
            .Select(x => LoggedPredictions.Single("price", 1, Noon, rows, new PredictedOutput(null, x.Item1))).ToList();
        var feedback = new Dictionary<(string, int), string> { [(live[0].Id, 0)] = "12", [(live[1].Id, 0)] = "17" };

        var quality = DriftAnalyzer.Analyze(1, live, reference, "test", feedback, new DriftThresholds()).Quality;

        Assert.Equal(2.5, quality.MeanAbsoluteError);
        Assert.Equal(Math.Sqrt((4 + 9) / 2.0), quality.RootMeanSquaredError!.Value, 12);
        Assert.Null(quality.Accuracy);
    }

    [Fact]
    public void Without_a_reference_traffic_is_reported_and_no_drift_is_measured()
    {
        var live = LoggedPredictions.FromFrame(ReferenceProfileBuilderTests.Training(10, seed: 8), "churn", 3, Noon, Churn);

        var result = DriftAnalyzer.Analyze(3, live, null, "no reference", NoFeedback, new DriftThresholds());

        Assert.Empty(result.Features);
        Assert.Null(result.Predictions);
        Assert.Equal(10, result.Requests);
        Assert.Equal(1.5, result.MeanLatencyMilliseconds);
    }

    [Fact]
    public void Thresholds_out_of_range_are_refused_by_name()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new DriftThresholds { PValue = 2 }.Validate());
        Assert.Equal(nameof(DriftThresholds.PValue), error.ParamName);
    }
}

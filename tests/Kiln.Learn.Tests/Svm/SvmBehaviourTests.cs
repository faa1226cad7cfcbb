using Kiln.Data;
using Kiln.Learn.Svm;

namespace Kiln.Learn.Tests.Svm;

public class SvmBehaviourTests
{
    /// <summary>Two noisy Gaussian blobs in two dimensions, the first class centred at the origin, the second at (d, d).</summary>
    static (Frame Features, Column Target) Blobs(int rows, double distance, int seed)
    {
        var random = new Random(seed);
        var (x0, x1, y) = (new double[rows], new double[rows], new string[rows]);
        for (var i = 0; i < rows; i++)
        {
            var second = i % 2 == 1;
            x0[i] = (second ? distance : 0) + Normal(random);
            x1[i] = (second ? distance : 0) + Normal(random);
            y[i] = second ? "b" : "a";
        }
        return (new Frame(new Float64Column("x0", x0), new Float64Column("x1", x1)), new StringColumn("y", y));
    }

    static double Normal(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>Records reports as they are made, unlike Progress&lt;T&gt;, which posts them later.</summary>
    sealed class Recorder(Action<FitProgress>? onReport = null) : IProgress<FitProgress>
    {
        public List<FitProgress> Reports { get; } = [];

        public void Report(FitProgress value)
        {
            lock (Reports) Reports.Add(value);
            onReport?.Invoke(value);
        }
    }

    [Fact]
    public void Fit_rejects_a_target_with_a_single_class_naming_it()
    {
        var (features, _) = Blobs(20, 3, 1);
        var error = Assert.Throws<ArgumentException>(() => new SvmClassifier().Fit(features, new StringColumn("y", [.. Enumerable.Repeat("only", 20)])));
        Assert.Contains("only one class ('only')", error.Message);
    }

    [Fact]
    public void Fit_rejects_nan_naming_the_column()
    {
        var (features, target) = Blobs(20, 3, 1);
        var x1 = features["x1"].AsFloat64().Values.ToArray();
        x1[7] = double.NaN;
        var error = Assert.ThrowsAny<ArgumentException>(() => new SvmClassifier().Fit(features.WithColumn(new Float64Column("x1", x1)), target));
        Assert.Contains("'x1'", error.Message);
        Assert.Contains("row 7", error.Message);
    }

    [Theory]
    [InlineData("wide")]
    [InlineData("0")]
    [InlineData("-0.5")]
    public void Fit_rejects_a_gamma_that_is_not_scale_auto_or_positive_naming_gamma(string gamma)
    {
        var (features, target) = Blobs(20, 3, 1);
        var error = Assert.Throws<ArgumentException>(() => new SvmClassifier { Gamma = gamma }.Fit(features, target));
        Assert.Equal("gamma", error.ParamName);
        Assert.Contains("'scale', 'auto' or a positive number", error.Message);
        Assert.Throws<ArgumentException>(() => new SvmRegressor { Gamma = gamma }.Fit(features, new Float64Column("t", new double[20])));
    }

    [Theory]
    [InlineData("c", "0")]
    [InlineData("c", "-1")]
    [InlineData("degree", "-1")]
    [InlineData("kernel", "cubic")]
    [InlineData("max-iter", "-2")]
    public void Catalog_rejects_out_of_range_parameters_naming_them(string parameter, string value)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => EstimatorCatalog.Create("svm-classifier", new Dictionary<string, object?> { [parameter] = value }));
        Assert.Contains($"'{parameter}'", error.Message);
    }

    [Fact]
    public void Reaching_max_iter_is_reported_and_marks_the_model_as_not_converged()
    {
        var (features, target) = Blobs(200, 1, 2);
        var progress = new Recorder();
        var stopped = new SvmClassifier { MaxIter = 5 }.Fit(features, target, new FitContext { Progress = progress });
        Assert.False(stopped.Converged);
        Assert.Equal(5, stopped.Iterations);
        Assert.Contains(progress.Reports, r => r.Stage.Contains("max-iter") && r.Stage.Contains("before converging"));
        Assert.True(new SvmClassifier().Fit(features, target).Converged);

        var regression = new SvmRegressor { MaxIter = 3 }.Fit(features, features["x0"]);
        Assert.False(regression.Converged);
    }

    [Fact]
    public void Cancellation_stops_a_running_fit()
    {
        // overlapping classes and a large C take many thousands of iterations, past the first progress report
        var (features, target) = Blobs(3000, 0.5, 3);
        using var cancellation = new CancellationTokenSource();
        var progress = new Recorder(_ => cancellation.Cancel());
        Assert.ThrowsAny<OperationCanceledException>(() =>
            new SvmClassifier { C = 1000 }.Fit(features, target, new FitContext { Progress = progress, Cancellation = cancellation.Token }));
        Assert.NotEmpty(progress.Reports);
    }

    [Fact]
    public void Sample_weights_scale_each_rows_penalty_like_c()
    {
        var (features, target) = Blobs(80, 2, 4);
        var doubled = new SvmClassifier { C = 2 }.Fit(features, target);
        var weighted = new SvmClassifier { C = 1 }.Fit(features, target, new FitContext { SampleWeights = [.. Enumerable.Repeat(2.0, 80)] });
        Assert.Equal(doubled.SupportIndices, weighted.SupportIndices);
        Assert.Equal(doubled.Intercepts[0], weighted.Intercepts[0], 9);
        var dropped = new SvmClassifier().Fit(features, target, new FitContext { SampleWeights = [.. Enumerable.Range(0, 80).Select(i => i < 10 ? 0.0 : 1.0)] });
        Assert.DoesNotContain(dropped.SupportIndices, i => i < 10);
    }

    [Fact]
    public void Two_class_decision_is_positive_for_the_second_class_and_agrees_with_predictions()
    {
        var (features, target) = Blobs(100, 4, 5);
        var model = new SvmClassifier().Fit(features, target);
        var decision = model.DecisionFunction(features);
        var predicted = model.Predict(features);
        Assert.Equal(1, decision.GetLength(1));
        for (var i = 0; i < 100; i++) Assert.Equal(decision[i, 0] > 0 ? "b" : "a", predicted.Format(i));
        Assert.True(Enumerable.Range(0, 100).Count(i => predicted.Format(i) == target.Format(i)) >= 95);
    }

    [Fact]
    public void Platt_probabilities_are_calibrated_sigmoids_that_follow_the_decision()
    {
        var (features, target) = Blobs(200, 2, 6);
        var model = new SvmClassifier { Probability = true, Seed = 3 }.Fit(features, target);
        Assert.NotNull(model.ProbabilityA);
        Assert.True(model.ProbabilityA![0] < 0, "the sigmoid should rise with the decision value towards the first class");
        var probabilities = model.PredictProbabilities(new Frame(new Float64Column("x0", [2.5, -0.5]), new Float64Column("x1", [2.5, -0.5])));
        // beyond each centre, away from the other class, the sigmoid is sure of the class
        Assert.True(probabilities["b"].AsFloat64()[0] > 0.9, $"P(b) at (2.5, 2.5) is {probabilities["b"].AsFloat64()[0]}");
        Assert.True(probabilities["a"].AsFloat64()[1] > 0.9, $"P(a) at (-0.5, -0.5) is {probabilities["a"].AsFloat64()[1]}");
        var same = new SvmClassifier { Probability = true, Seed = 3 }.Fit(features, target);
        Assert.Equal(model.ProbabilityB, same.ProbabilityB);
    }

    [Fact]
    public void Three_classes_vote_one_against_one_and_the_decision_function_has_a_column_per_class()
    {
        var random = new Random(8);
        var (x0, x1, y) = (new double[150], new double[150], new long[150]);
        for (var i = 0; i < 150; i++)
        {
            y[i] = i % 3;
            (x0[i], x1[i]) = (5 * Math.Cos(2 * Math.PI * y[i] / 3) + Normal(random), 5 * Math.Sin(2 * Math.PI * y[i] / 3) + Normal(random));
        }
        var features = new Frame(new Float64Column("x0", x0), new Float64Column("x1", x1));
        var model = new SvmClassifier { Kernel = SvmKernel.Linear }.Fit(features, new Int64Column("y", y));
        Assert.Equal(3, model.Intercepts.Count);
        Assert.Equal(2, model.DualCoefficients.GetLength(0));
        Assert.Equal(model.SupportIndices.Count, model.SupportCounts.Sum());
        var decision = model.DecisionFunction(features);
        var predicted = model.Predict(features).AsFloat64();
        for (var i = 0; i < 150; i++)
        {
            var best = Enumerable.Range(0, 3).MaxBy(c => decision[i, c]);
            Assert.Equal(best, predicted[i]);
        }
    }

    [Fact]
    public void Regression_stays_within_the_epsilon_tube_on_a_noiseless_line()
    {
        var x = Enumerable.Range(0, 50).Select(i => i / 10.0).ToArray();
        var features = new Frame(new Float64Column("x", x));
        var target = new Float64Column("y", [.. x.Select(v => 2 * v + 1)]);
        var model = new SvmRegressor { Kernel = SvmKernel.Linear, C = 100, Epsilon = 0.05 }.Fit(features, target);
        var predicted = model.Predict(features).AsFloat64();
        for (var i = 0; i < 50; i++) Assert.InRange(predicted[i], target[i] - 0.05 - 1e-3, target[i] + 0.05 + 1e-3);
        // only rows on or outside the tube's edge hold the line up
        Assert.True(model.SupportIndices.Count <= 4, $"{model.SupportIndices.Count} support vectors");
    }

    [Fact]
    public void Help_tells_what_c_and_gamma_do()
    {
        var parameters = EstimatorCatalog.Find("svm-classifier").Parameters;
        Assert.Contains("smoother boundary", parameters.Single(p => p.Name == "c").Help);
        Assert.Contains("influence", parameters.Single(p => p.Name == "gamma").Help);
    }
}

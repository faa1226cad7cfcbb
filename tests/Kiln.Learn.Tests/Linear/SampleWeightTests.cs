using Kiln.Data;
using Kiln.Learn.Linear;

namespace Kiln.Learn.Tests.Linear;

/// <summary>Sample weights of sgd-regressor, sgd-classifier and linear-svm: a weight counts as that many copies of the row.</summary>
public class SampleWeightTests
{
    const int Rows = 400;

    // rows 0..99 follow y = 2x, the rest y = −x: weighting the first group 3× moves the least-squares slope from 0.25 to 0.5
    static (Frame X, Column Y) ConflictingLines()
    {
        var x = Normal(Rows, seed: 3);
        var y = new double[Rows];
        for (var i = 0; i < Rows; i++) y[i] = i < 100 ? 2 * x[i] : -x[i];
        return (new Frame(new Float64Column("x", x)), new Float64Column("y", y));
    }

    // class "b" sits around +1 and class "a" around −1 on one feature, overlapping, so weights move the boundary
    static (Frame X, Column Y) OverlappingClasses()
    {
        var noise = Normal(Rows, seed: 5);
        var x = new double[Rows];
        var labels = new string[Rows];
        for (var i = 0; i < Rows; i++)
        {
            var positive = i % 2 == 0;
            x[i] = (positive ? 1 : -1) + 1.5 * noise[i];
            labels[i] = positive ? "b" : "a";
        }
        return (new Frame(new Float64Column("x", x)), new StringColumn("class", labels));
    }

    static double[] Normal(int count, long seed)
    {
        var draws = new RandomArrays(seed).Normal(count);
        var values = new double[count];
        for (var i = 0; i < count; i++) values[i] = draws[i];
        return values;
    }

    /// <summary>The rows with each repeated as many times as its weight says.</summary>
    static int[] Repeated(double[] weights) => [.. Enumerable.Range(0, weights.Length).SelectMany(i => Enumerable.Repeat(i, (int)weights[i]))];

    static double[] Weights(Func<int, double> weightOf) => [.. Enumerable.Range(0, Rows).Select(weightOf)];

    /// <summary>Where the two-class model's score crosses zero on the single feature.</summary>
    static double Boundary(LinearClassifierModel model) => -model.Intercepts[0] / model.CoefficientMatrix[0, 0];

    [Fact]
    public void Sgd_regressor_with_integer_weights_fits_the_slope_of_repeated_rows()
    {
        var (x, y) = ConflictingLines();
        var weights = Weights(i => i < 100 ? 3 : 1);
        var estimator = new SgdRegressor { Penalty = SgdPenalty.None, Seed = 1 };
        var weighted = estimator.Fit(x, y, new FitContext { SampleWeights = weights });
        var repeated = estimator.Fit(x.Take(Repeated(weights)), y.Take(Repeated(weights)));
        var unweighted = estimator.Fit(x, y);
        Assert.Equal(repeated.CoefficientValues[0], weighted.CoefficientValues[0], 0.1);
        Assert.True(Math.Abs(unweighted.CoefficientValues[0] - weighted.CoefficientValues[0]) > 0.15, "the weights should move the slope");
    }

    [Fact]
    public void Sgd_regressor_with_zero_weights_fits_as_if_those_rows_were_dropped()
    {
        var (x, y) = ConflictingLines();
        var weights = Weights(i => i < 100 ? 1 : 0);
        var kept = Enumerable.Range(0, 100).ToArray();
        var estimator = new SgdRegressor { Penalty = SgdPenalty.None, Seed = 1 };
        var weighted = estimator.Fit(x, y, new FitContext { SampleWeights = weights });
        var dropped = estimator.Fit(x.Take(kept), y.Take(kept));
        Assert.Equal(2, dropped.CoefficientValues[0], 0.05);
        Assert.Equal(dropped.CoefficientValues[0], weighted.CoefficientValues[0], 0.05);
    }

    [Fact]
    public void Sgd_classifier_with_integer_weights_moves_the_boundary_as_repeated_rows_do()
    {
        var (x, y) = OverlappingClasses();
        var weights = Weights(i => i % 2 == 0 ? 4 : 1);
        var estimator = new SgdClassifier { Loss = SgdClassifierLoss.LogLoss, Alpha = 1e-2, Seed = 2 };
        var weighted = estimator.Fit(x, y, new FitContext { SampleWeights = weights });
        var repeated = estimator.Fit(x.Take(Repeated(weights)), y.Take(Repeated(weights)));
        var unweighted = estimator.Fit(x, y);
        Assert.Equal(Boundary(repeated), Boundary(weighted), 0.25);
        Assert.True(Boundary(unweighted) - Boundary(weighted) > 0.5, "weighting class b should move the boundary towards class a");
    }

    [Fact]
    public void Sgd_classifier_with_zero_weights_fits_as_if_those_rows_were_dropped()
    {
        var (x, y) = OverlappingClasses();
        // the zero-weight rows are class a rows moved far into class b's side, which would drag the boundary if counted
        var shifted = x.Column<Float64Column>("x").Values.ToArray();
        for (var i = 1; i < 60; i += 2) shifted[i] = 6;
        var features = new Frame(new Float64Column("x", shifted));
        var weights = Weights(i => i < 60 && i % 2 == 1 ? 0 : 1);
        var kept = Enumerable.Range(0, Rows).Where(i => weights[i] > 0).ToArray();
        var estimator = new SgdClassifier { Loss = SgdClassifierLoss.LogLoss, Alpha = 1e-2, Seed = 2 };
        var weighted = estimator.Fit(features, y, new FitContext { SampleWeights = weights });
        var dropped = estimator.Fit(features.Take(kept), y.Take(kept));
        var counted = estimator.Fit(features, y);
        Assert.Equal(Boundary(dropped), Boundary(weighted), 0.25);
        Assert.True(Math.Abs(Boundary(counted) - Boundary(dropped)) > 0.5, "the moved rows should drag the boundary when counted");
    }

    [Theory]
    [InlineData(SvmLoss.Hinge)]
    [InlineData(SvmLoss.SquaredHinge)]
    public void Linear_svm_with_integer_weights_gives_the_model_of_repeated_rows(SvmLoss loss)
    {
        var (x, y) = OverlappingClasses();
        var weights = Weights(i => i % 2 == 0 ? 3 : 1);
        var estimator = new LinearSvm { Loss = loss, Tol = 1e-8, MaxIter = 100_000 };
        var weighted = estimator.Fit(x, y, new FitContext { SampleWeights = weights });
        var repeated = estimator.Fit(x.Take(Repeated(weights)), y.Take(Repeated(weights)));
        var unweighted = estimator.Fit(x, y);
        Assert.Equal(repeated.CoefficientMatrix[0, 0], weighted.CoefficientMatrix[0, 0], 1e-4);
        Assert.Equal(repeated.Intercepts[0], weighted.Intercepts[0], 1e-4);
        Assert.NotEqual(unweighted.Intercepts[0], weighted.Intercepts[0], 1e-2);
    }

    [Theory]
    [InlineData(SvmLoss.Hinge)]
    [InlineData(SvmLoss.SquaredHinge)]
    public void Linear_svm_with_zero_weights_gives_the_model_without_those_rows(SvmLoss loss)
    {
        var (x, y) = OverlappingClasses();
        var weights = Weights(i => i < 80 ? 0 : 1);
        var kept = Enumerable.Range(80, Rows - 80).ToArray();
        var estimator = new LinearSvm { Loss = loss, Tol = 1e-8, MaxIter = 100_000 };
        var weighted = estimator.Fit(x, y, new FitContext { SampleWeights = weights });
        var dropped = estimator.Fit(x.Take(kept), y.Take(kept));
        Assert.Equal(dropped.CoefficientMatrix[0, 0], weighted.CoefficientMatrix[0, 0], 1e-4);
        Assert.Equal(dropped.Intercepts[0], weighted.Intercepts[0], 1e-4);
    }

    public static TheoryData<string> WeightedEstimators() => ["sgd-regressor", "sgd-classifier", "linear-svm"];

    static IEstimator Create(string name) => name switch
    {
        "sgd-regressor" => new SgdRegressor(),
        "sgd-classifier" => new SgdClassifier(),
        _ => new LinearSvm(),
    };

    static Column TargetFor(string name) => name == "sgd-regressor" ? ConflictingLines().Y : OverlappingClasses().Y;

    [Theory]
    [MemberData(nameof(WeightedEstimators))]
    public void A_negative_sample_weight_is_refused_naming_the_sample_weights(string name)
    {
        var (x, _) = OverlappingClasses();
        var weights = Weights(i => i == 7 ? -1 : 1);
        var error = Assert.Throws<ArgumentException>(() => Create(name).Fit(x, TargetFor(name), new FitContext { SampleWeights = weights }));
        Assert.Contains("sample weights", error.Message);
        Assert.Contains(name, error.Message);
    }

    [Theory]
    [MemberData(nameof(WeightedEstimators))]
    public void Sample_weights_of_the_wrong_length_are_refused_naming_the_sample_weights(string name)
    {
        var (x, _) = OverlappingClasses();
        var error = Assert.Throws<ArgumentException>(() => Create(name).Fit(x, TargetFor(name), new FitContext { SampleWeights = new double[Rows - 1] }));
        Assert.Contains("sample weights", error.Message);
        Assert.Contains($"{Rows} rows", error.Message);
    }
}

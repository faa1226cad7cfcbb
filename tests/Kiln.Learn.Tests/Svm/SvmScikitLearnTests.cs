using System.Text.Json.Nodes;
using Kiln.Learn.Svm;

namespace Kiln.Learn.Tests.Svm;

public class SvmScikitLearnTests
{
    public static IEnumerable<TheoryDataRow<string>> ClassifierCases() => ScikitLearnFixtures.Named("svm-classifier");

    public static IEnumerable<TheoryDataRow<string>> RegressorCases() => ScikitLearnFixtures.Named("svm-regressor");

    [Theory]
    [MemberData(nameof(ClassifierCases))]
    public void Classifier_scores_within_a_point_of_scikit_learn_and_probabilities_agree_loosely(string name)
    {
        var (model, expected, _) = ScikitLearnFixtures.FitWithinOnePoint<SvmClassifierModel>(name);
        Assert.True(model.Converged, $"{name}: the solver did not converge");
        if (expected.Probabilities is not { } reference) return;
        // Platt's sigmoids rest on a random cross-validation split, which no two libraries draw alike
        var probabilities = model.PredictProbabilities(ScikitLearnFixtures.Split(expected).Test);
        double difference = 0;
        for (var i = 0; i < reference.Length; i++)
            for (var c = 0; c < reference[i].Length; c++) difference += Math.Abs(reference[i][c] - probabilities[c].AsFloat64()[i]);
        difference /= reference.Length * reference[0].Length;
        Assert.True(difference <= 0.05, $"{name}: probabilities differ from scikit-learn's by {difference:F4} on average");
    }

    [Theory]
    [MemberData(nameof(RegressorCases))]
    public void Regressor_scores_within_a_point_of_scikit_learn_and_predicts_the_same_values(string name)
    {
        var (model, expected, _) = ScikitLearnFixtures.FitWithinOnePoint<SvmRegressorModel>(name);
        Assert.True(model.Converged, $"{name}: the solver did not converge");
        // the generated-set cases record only the score
        if (ExtraOrNull(name)?["svr-predictions"] is not { } recorded) return;
        var reference = ScikitLearnFixtures.Doubles(recorded);
        var test = ScikitLearnFixtures.Split(expected);
        var predicted = model.Predict(test.Test).AsFloat64().Values.ToArray();
        // both solvers stop at the same tolerance, not at the exact optimum, so predictions agree to a small fraction of the target's spread
        var spread = StandardDeviation(test.TestTarget.AsFloat64().Values.ToArray());
        for (var i = 0; i < reference.Length; i++)
            Assert.True(Math.Abs(reference[i] - predicted[i]) <= 1e-3 * spread, $"{name}: row {i} predicted {predicted[i]}, scikit-learn {reference[i]}");
    }

    [Theory]
    [InlineData("svm-classifier kernel=rbf on breast-cancer")]
    [InlineData("svm-classifier kernel=linear on iris")]
    public void Support_vectors_dual_coefficients_and_intercepts_match_scikit_learn(string name)
    {
        var expected = ScikitLearnFixtures.Get(name);
        var extra = Extra(name);
        var (train, target, _, _) = ScikitLearnFixtures.Split(expected);
        var model = (SvmClassifierModel)EstimatorCatalog.Create(expected.Estimator, expected.Parameters).Fit(train, target);

        Assert.Equal(ScikitLearnFixtures.Longs(extra["support-counts"]!).Select(c => (int)c), model.SupportCounts);
        Assert.Equal(ScikitLearnFixtures.Longs(extra["support-indices"]!).Select(c => (int)c), model.SupportIndices);
        var coefficients = model.DualCoefficients;
        var reference = expected.Coefficients!;
        Assert.Equal(reference.Length, coefficients.GetLength(0));
        for (var r = 0; r < reference.Length; r++)
            for (var s = 0; s < reference[r].Length; s++)
                Assert.True(Math.Abs(reference[r][s] - coefficients[r, s]) <= 1e-3, $"{name}: dual coefficient [{r}, {s}] is {coefficients[r, s]}, scikit-learn {reference[r][s]}");
        // both solvers stop once the optimality gap is below tol = 1e-3, which leaves ρ free within about that much
        for (var p = 0; p < expected.Intercept!.Length; p++)
            Assert.True(Math.Abs(expected.Intercept[p] - model.Intercepts[p]) <= 2e-3, $"{name}: intercept {p} is {model.Intercepts[p]}, scikit-learn {expected.Intercept[p]}");
    }

    static JsonObject Extra(string name) => ExtraOrNull(name) ?? throw new KeyNotFoundException($"svm-expected.json has no case '{name}'");

    /// <summary>A case's fields beyond the shared ones, from svm-expected.json; null for cases recorded elsewhere.</summary>
    static JsonObject? ExtraOrNull(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(ScikitLearnFixtures.Folder, "svm-expected.json")))!["cases"]!.AsArray()
            .SingleOrDefault(c => c!["name"]!.GetValue<string>() == name)?.AsObject();

    static double StandardDeviation(double[] values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Length);
    }
}

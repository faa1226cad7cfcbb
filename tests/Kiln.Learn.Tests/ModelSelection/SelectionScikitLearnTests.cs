using System.Text.Json.Nodes;
using Kiln.Data;
using Kiln.Learn.Compose;
using Kiln.Learn.ModelSelection;

namespace Kiln.Learn.Tests.ModelSelection;

/// <summary>
/// Cross-validation, grid search and the curves give scikit-learn's own numbers (bench/compare/selection-fixtures.py)
/// on deterministic models over unshuffled folds, whose indices Kiln's splitters reproduce.
/// </summary>
public class SelectionScikitLearnTests
{
    const string File = "selection-expected.json";

    static JsonNode Fixture(string key) => JsonNode.Parse(System.IO.File.ReadAllText(Path.Combine(ScikitLearnFixtures.Folder, File)))![key]!;

    static void Close(double[] expected, double[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++) ScikitLearnFixtures.RequireClose(expected[i], actual[i], 1e-3, $"{what}[{i}]");
    }

    public static TheoryData<string> CrossValidateCases =>
        [.. Fixture("cross_validate").AsArray().Select(c => c!["name"]!.GetValue<string>())];

    [Theory]
    [MemberData(nameof(CrossValidateCases))]
    public void Cross_validation_gives_scikit_learns_scores_on_every_fold(string name)
    {
        var c = Fixture("cross_validate").AsArray().Single(x => x!["name"]!.GetValue<string>() == name)!;
        var (features, target) = ScikitLearnFixtures.Labelled(c["dataset"]!.GetValue<string>());
        var steps = c["pipeline"]!.AsArray().Select(s => s!.GetValue<string>()).ToArray();
        var parameters = c["parameters"]!.AsObject().ToDictionary(p => p.Key, p => (object?)p.Value!.ToJsonString());
        var estimators = steps.Select((s, i) => i == steps.Length - 1 ? EstimatorCatalog.Create(s, parameters) : EstimatorCatalog.Create(s)).ToArray();
        var estimator = estimators.Length == 1 ? estimators[0] : Pipeline.Of(estimators);
        var folds = c["folds"]!.GetValue<int>();
        var scoring = c["scoring"]!.AsArray().Select(s => s!.GetValue<string>()).ToArray();
        var options = new CrossValidationOptions
        {
            Splitter = c["stratified"]!.GetValue<bool>() ? new StratifiedKFold(folds) : new KFold(folds),
            Scoring = scoring,
            TrainScores = true,
        };

        var result = CrossValidation.Run(estimator, features, target, options);

        Assert.Equal(scoring, result.Scoring);
        foreach (var s in scoring)
        {
            Close(ScikitLearnFixtures.Doubles(c["test"]![s]!), result.TestScores(s), $"{name} test {s}");
            Close(ScikitLearnFixtures.Doubles(c["train"]![s]!), result.TrainScores(s), $"{name} train {s}");
        }
    }

    [Fact]
    public void Grid_search_ranks_the_candidates_and_picks_the_best_as_scikit_learn_does()
    {
        var expected = Fixture("grid_search");
        var (features, target) = ScikitLearnFixtures.Labelled(expected["dataset"]!.GetValue<string>());
        var values = ScikitLearnFixtures.Doubles(expected["values"]!);
        var estimator = EstimatorCatalog.Create("ridge");
        var space = SearchSpace.Parse($"alpha={string.Join(",", values.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))}", estimator);

        var result = new GridSearch(space).Run(estimator, features, target, new CrossValidationOptions { Splitter = new KFold(5), Scoring = ["r2"] });

        Assert.Equal(values, result.Candidates.Select(c => (double)c.Parameters["alpha"]!));
        Close(ScikitLearnFixtures.Doubles(expected["mean"]!), [.. result.Candidates.Select(c => c.MeanTestScore)], "mean_test_score");
        Close(ScikitLearnFixtures.Doubles(expected["std"]!), [.. result.Candidates.Select(c => c.StdTestScore)], "std_test_score");
        Assert.Equal(ScikitLearnFixtures.Longs(expected["rank"]!), result.Candidates.Select(c => (long)c.Rank));
        Assert.Equal(expected["best"]!.GetValue<double>(), (double)result.BestParameters["alpha"]!);
        ScikitLearnFixtures.RequireClose(expected["best_score"]!.GetValue<double>(), result.BestScore, 1e-3, "best_score_");
    }

    [Fact]
    public void The_validation_curve_gives_scikit_learns_means_and_deviations()
    {
        var expected = Fixture("validation_curve");
        var (features, target) = ScikitLearnFixtures.Labelled(expected["dataset"]!.GetValue<string>());
        var values = ScikitLearnFixtures.Doubles(expected["values"]!);

        var curve = ValidationCurve.Compute(EstimatorCatalog.Create("ridge"), features, target, "alpha", [.. values.Cast<object?>()],
            new CrossValidationOptions { Splitter = new KFold(5) });

        Assert.Equal("r2", curve.Scoring);
        Close(ScikitLearnFixtures.Doubles(expected["train_mean"]!), curve.Scores.TrainingMean, "train mean");
        Close(ScikitLearnFixtures.Doubles(expected["train_std"]!), curve.Scores.TrainingStd, "train std");
        Close(ScikitLearnFixtures.Doubles(expected["test_mean"]!), curve.Scores.ValidationMean, "test mean");
        Close(ScikitLearnFixtures.Doubles(expected["test_std"]!), curve.Scores.ValidationStd, "test std");
        Assert.Equal(0.001, curve.BestValue);
    }

    [Fact]
    public void The_learning_curve_takes_scikit_learns_sizes_and_gives_its_scores()
    {
        var expected = Fixture("learning_curve");
        var (features, target) = ScikitLearnFixtures.Labelled(expected["dataset"]!.GetValue<string>());

        var curve = LearningCurve.Compute(EstimatorCatalog.Create("linear-regression"), features, target,
            new LearningCurveOptions { TrainSizes = ScikitLearnFixtures.Doubles(expected["fractions"]!) }, new CrossValidationOptions { Splitter = new KFold(5) });

        Assert.Equal(ScikitLearnFixtures.Longs(expected["sizes"]!), curve.TrainSizes.Select(s => (long)s));
        Close(ScikitLearnFixtures.Doubles(expected["train_mean"]!), curve.Scores.TrainingMean, "train mean");
        Close(ScikitLearnFixtures.Doubles(expected["train_std"]!), curve.Scores.TrainingStd, "train std");
        Close(ScikitLearnFixtures.Doubles(expected["test_mean"]!), curve.Scores.ValidationMean, "test mean");
        Close(ScikitLearnFixtures.Doubles(expected["test_std"]!), curve.Scores.ValidationStd, "test std");
    }
}

using Kiln.Server.Web.Shared;
using Kiln.Tracking;

namespace Kiln.Server.Tests.Web.Shared;

public class HeadlineScoreTests
{
    static Run Run(string id, IReadOnlyDictionary<string, double> metrics, string data = "titanic", string target = "Survived",
        Dictionary<string, string>? parameters = null) =>
        new(id, 1, id, RunStatus.Finished, DateTimeOffset.UnixEpoch, null, LifecycleStage.Active, "", null, null, null, 42, data,
            new Dictionary<string, string>(parameters ?? []) { ["target"] = target },
            metrics.ToDictionary(m => m.Key, m => new Metric(m.Key, m.Value, 0, DateTimeOffset.UnixEpoch)),
            new Dictionary<string, string>());

    [Fact]
    public void A_runs_headline_is_its_held_out_accuracy_before_its_training_one()
    {
        var score = HeadlineScore.Of(Run("a", new Dictionary<string, double> { ["training_accuracy"] = 0.99, ["held_out_accuracy"] = 0.8, ["held_out_f1-macro"] = 0.7 }))!;
        Assert.Equal(("accuracy", "held_out_accuracy", 0.8, true, "classification"), (score.Score, score.Metric, score.Value, score.HeldOut, score.Task));
    }

    [Fact]
    public void A_regressor_is_headed_by_its_held_out_r2_and_a_run_with_only_training_scores_by_those()
    {
        var regressor = HeadlineScore.Of(Run("r", new Dictionary<string, double> { ["held_out_rmse"] = 3.2, ["held_out_r2"] = 0.61 }))!;
        Assert.Equal(("r2", 0.61, true, "regression"), (regressor.Score, regressor.Value, regressor.HeldOut, regressor.Task));
        var trainingOnly = HeadlineScore.Of(Run("t", new Dictionary<string, double> { ["training_accuracy"] = 0.97, ["fit_seconds"] = 1 }))!;
        Assert.Equal(("training_accuracy", false), (trainingOnly.Metric, trainingOnly.HeldOut));
    }

    [Fact]
    public void A_tuning_is_headed_by_its_held_out_score_after_the_search_when_it_scored_accuracy_or_r2()
    {
        var metrics = new Dictionary<string, double> { ["held_out_before"] = 0.78, ["held_out_after"] = 0.82, ["best_cv_score"] = 0.8 };
        var tuned = HeadlineScore.Of(Run("t", metrics, parameters: new() { ["scoring"] = "accuracy" }))!;
        Assert.Equal(("held_out_accuracy", 0.82), (tuned.Metric, tuned.Value));
        Assert.Null(HeadlineScore.Of(Run("f", metrics, parameters: new() { ["scoring"] = "f1-macro" })));
    }

    [Fact]
    public void A_run_without_accuracy_or_r2_has_no_headline()
    {
        Assert.Null(HeadlineScore.Of(Run("n", new Dictionary<string, double> { ["loss"] = 0.3, ["val_loss"] = 0.4 })));
    }

    [Fact]
    public void The_best_is_chosen_within_each_dataset_and_target_and_a_lone_run_has_none()
    {
        var best = HeadlineScore.BestPerGroup([
            Run("titanic-low", new Dictionary<string, double> { ["held_out_accuracy"] = 0.78 }),
            Run("titanic-high", new Dictionary<string, double> { ["held_out_accuracy"] = 0.83 }),
            Run("iris-low", new Dictionary<string, double> { ["held_out_accuracy"] = 0.9 }, data: "iris", target: "species"),
            Run("iris-high", new Dictionary<string, double> { ["held_out_accuracy"] = 0.97 }, data: "iris", target: "species"),
            Run("titanic-fare", new Dictionary<string, double> { ["held_out_r2"] = 0.99 }, target: "Fare"),
        ]);
        Assert.Equal(["iris-high", "titanic-high"], best.Order());
    }

    [Fact]
    public void A_training_score_is_never_best_over_a_held_out_one_but_training_scores_alone_are_ranked()
    {
        var mixed = HeadlineScore.BestPerGroup([
            Run("overfit", new Dictionary<string, double> { ["training_accuracy"] = 1.0 }),
            Run("honest", new Dictionary<string, double> { ["training_accuracy"] = 0.86, ["held_out_accuracy"] = 0.81 }),
            Run("honest-too", new Dictionary<string, double> { ["held_out_accuracy"] = 0.79 }),
        ]);
        Assert.Equal(["honest"], mixed);
        var trainingOnly = HeadlineScore.BestPerGroup([
            Run("a", new Dictionary<string, double> { ["training_accuracy"] = 0.9 }),
            Run("b", new Dictionary<string, double> { ["training_accuracy"] = 0.95 }),
        ]);
        Assert.Equal(["b"], trainingOnly);
    }
}

using Kiln.Server.Web.Shared;

namespace Kiln.Server.Tests.Web.Shared;

public class MetricGoalTests
{
    [Theory]
    [InlineData("accuracy", false)]
    [InlineData("training_r2", false)]
    [InlineData("val_loss", true)]
    [InlineData("training_rmse", true)]
    [InlineData("fit_seconds", true)]
    public void A_metric_is_better_low_when_its_name_says_loss_error_or_time(string metric, bool lower) =>
        Assert.Equal(lower, MetricGoal.LowerIsBetter(metric));

    [Fact]
    public void The_best_run_is_the_highest_score_or_the_lowest_loss_and_missing_values_are_skipped()
    {
        Assert.Equal(2, MetricGoal.Best("accuracy", [0.7, null, 0.9, 0.8]));
        Assert.Equal(0, MetricGoal.Best("log_loss", [0.1, 0.5, double.NaN]));
    }

    [Fact]
    public void With_one_value_there_is_no_best_to_mark()
    {
        Assert.Equal(-1, MetricGoal.Best("accuracy", [0.7, null]));
    }

    [Fact]
    public void A_training_score_is_not_judged_where_its_held_out_counterpart_is_recorded()
    {
        Assert.False(MetricGoal.IsJudged("training_accuracy", new HashSet<string> { "training_accuracy", "held_out_accuracy" }));
        Assert.True(MetricGoal.IsJudged("training_accuracy", new HashSet<string> { "training_accuracy", "held_out_r2" }));
        Assert.True(MetricGoal.IsJudged("held_out_accuracy", new HashSet<string> { "training_accuracy", "held_out_accuracy" }));
        Assert.Equal("held_out_rmse", MetricGoal.HeldOutCounterpart("training_rmse"));
        Assert.Null(MetricGoal.HeldOutCounterpart("cv_mean"));
    }
}

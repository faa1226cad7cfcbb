using Kiln.Data;
using Kiln.Learn.Metrics;

namespace Kiln.Learn.Tests.Metrics;

// Expected values from scikit-learn 1.2.1's metrics on the same inputs.
public class ScoresTests
{
    [Fact]
    public void Classification_scores_match_scikit_learn()
    {
        var actual = new StringColumn("y", ["a", "b", "a", "c", "b", "a", "c", "c"]);
        var predicted = new StringColumn("y", ["a", "a", "a", "c", "b", "b", "c", "a"]);
        var scores = ClassificationScores.Of(actual, predicted);
        Assert.Equal(0.625, scores.Accuracy, 12);
        Assert.Equal(0.6666666666666666, scores.PrecisionMacro, 12);
        Assert.Equal(0.611111111111111, scores.RecallMacro, 12);
        Assert.Equal(0.6238095238095239, scores.F1Macro, 12);
        Assert.Equal(0.6875, scores.PrecisionWeighted, 12);
        Assert.Equal(0.6392857142857143, scores.F1Weighted, 12);
        Assert.Null(scores.RocAuc);
    }

    [Fact]
    public void Binary_roc_auc_and_log_loss_match_scikit_learn()
    {
        var actual = new Int64Column("y", [0, 1, 1, 0, 1, 0, 1, 1]);
        double[] positive = [0.1, 0.8, 0.6, 0.6, 0.9, 0.2, 0.3, 0.6];
        var probabilities = new Frame(new Float64Column("0", [.. positive.Select(p => 1 - p)]), new Float64Column("1", positive));
        var predicted = new Int64Column("y", [.. positive.Select(p => p > 0.5 ? 1L : 0L)]);
        var scores = ClassificationScores.Of(actual, predicted, probabilities);
        Assert.Equal(0.8666666666666667, scores.RocAuc!.Value, 12);
        Assert.Equal(0.47486536470951807, scores.LogLoss!.Value, 12);
    }

    [Fact]
    public void Regression_scores_match_scikit_learn()
    {
        var scores = RegressionScores.Of(new Float64Column("y", [3, -0.5, 2, 7]), new Float64Column("y", [2.5, 0, 2, 8]));
        Assert.Equal(0.375, scores.MeanSquaredError, 12);
        Assert.Equal(Math.Sqrt(0.375), scores.RootMeanSquaredError, 12);
        Assert.Equal(0.5, scores.MeanAbsoluteError, 12);
        Assert.Equal(0.9486081370449679, scores.R2, 12);
    }

    [Fact]
    public void Mismatched_lengths_are_refused()
    {
        Assert.Throws<ArgumentException>(() => RegressionScores.Of(new Float64Column("y", [1, 2]), new Float64Column("y", [1])));
    }
}

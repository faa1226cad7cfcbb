using Kiln.Data;
using Kiln.Learn.ModelSelection;
using Kiln.Learn.Training;

namespace Kiln.Learn.Tests.Training;

public sealed class ModelComparisonTests
{
    /// <summary>400 rows whose class is the sign of x·y: trees learn it, a linear model cannot.</summary>
    static Frame Checkerboard()
    {
        var random = new Random(11);
        var (x, y, label, noise) = (new double[400], new double[400], new string[400], new double[400]);
        for (var i = 0; i < 400; i++)
        {
            (x[i], y[i], noise[i]) = (random.NextDouble() * 2 - 1, random.NextDouble() * 2 - 1, random.NextDouble());
            label[i] = x[i] * y[i] > 0 ? "same" : "opposite";
        }
        return new Frame(new Float64Column("x", x), new Float64Column("y", y), new Float64Column("noise", noise), new StringColumn("sign", label));
    }

    [Fact]
    public void The_task_is_read_from_the_target()
    {
        Assert.Equal(EstimatorRole.Classifier, ModelComparison.DetectTask(new StringColumn("c", ["a", "b"])));
        Assert.Equal(EstimatorRole.Classifier, ModelComparison.DetectTask(new Int64Column("survived", [0, 1, 1, 0])));
        Assert.Equal(EstimatorRole.Regressor, ModelComparison.DetectTask(new Float64Column("price", [1.5, 2, 3])));
        Assert.Equal(EstimatorRole.Regressor, ModelComparison.DetectTask(new Int64Column("count", [.. Enumerable.Range(0, 30).Select(i => (long)i)])));
    }

    [Fact]
    public void All_models_leave_out_the_ensembles_of_chosen_models_the_count_models_and_kernel_svms_on_large_files()
    {
        var (models, leftOut) = ModelComparison.DefaultModels(EstimatorRole.Classifier, 50_000, all: true);
        Assert.Contains("random-forest-classifier", models);
        Assert.Contains("bagging-classifier", models);
        Assert.DoesNotContain("voting-classifier", models);
        Assert.DoesNotContain("multinomial-nb", models);
        Assert.DoesNotContain("svm-classifier", models);
        Assert.Contains(leftOut, reason => reason.StartsWith("svm-classifier", StringComparison.Ordinal) && reason.Contains("--models"));
        Assert.Contains("svm-classifier", ModelComparison.DefaultModels(EstimatorRole.Classifier, 500, all: false).Models);
        Assert.All(ModelComparison.DefaultModels(EstimatorRole.Regressor, 500, all: true).Models, m => Assert.Equal(EstimatorRole.Regressor, EstimatorCatalog.Find(m).Role));
        Assert.DoesNotContain("dummy-classifier", models);
        Assert.Contains(leftOut, reason => reason.StartsWith("dummy-classifier", StringComparison.Ordinal) && reason.Contains("baseline"));
        Assert.DoesNotContain("dummy-regressor", ModelComparison.DefaultModels(EstimatorRole.Regressor, 500, all: true).Models);
    }

    [Fact]
    public void The_baseline_is_scored_on_the_same_folds_and_held_out_rows_but_never_ranked()
    {
        var result = ModelComparison.Compare(Checkerboard(), "board.csv", "sign", ["decision-tree-classifier"], new ComparisonOptions { Seed = 3 });

        var baseline = result.Baseline!;
        Assert.Equal("dummy-classifier", baseline.Entry.Name);
        Assert.Equal("baseline (most frequent class)", result.BaselineLabel);
        Assert.DoesNotContain(result.Models, m => m.Entry.Name == "dummy-classifier");
        Assert.Equal(result.Best.Scores!.Folds.Select(f => (f.TrainRows, f.TestRows)), baseline.Scores!.Folds.Select(f => (f.TrainRows, f.TestRows)));
        Assert.InRange(baseline.MeanScore, 0.4, 0.6);
        var held = result.HeldOut["sign"];
        var counts = Enumerable.Range(0, held.Length).Select(held.Format).CountBy(v => v).Max(g => g.Value);
        Assert.Equal((double)counts / result.HeldOut.RowCount, baseline.HeldOut!.Score, 12);
        Assert.Contains("It beats the baseline (most frequent class), which scores ", result.Verdict);
    }

    [Fact]
    public void A_regression_baseline_predicts_the_mean_and_a_named_baseline_is_ranked_instead()
    {
        var table = Checkerboard().Drop("sign");
        var result = ModelComparison.Compare(table, "board.csv", "y", ["ridge", "dummy-regressor"], new ComparisonOptions { Folds = 3 });
        Assert.Null(result.Baseline);
        Assert.Contains(result.Models, m => m.Entry.Name == "dummy-regressor");
        Assert.Equal("baseline (mean)", ModelComparison.BaselineLabel(EstimatorRole.Regressor));
    }

    [Fact]
    public void The_verdict_says_when_no_model_beats_the_baseline_or_only_within_the_noise()
    {
        static ComparedModel Model(string name, params double[] folds) => new(EstimatorCatalog.Find(name),
            new CrossValidationResult(["accuracy"], [.. folds.Select((s, i) => new FoldScore(i, 80, 20, new Dictionary<string, double> { ["accuracy"] = s }, null, 1, 0))]),
            null, 1, null);
        var baseline = Model("dummy-classifier", 0.60, 0.60, 0.60, 0.60, 0.60);
        const string label = "baseline (most frequent class)";

        Assert.StartsWith("No model beats the baseline (most frequent class) (mean accuracy 0.6)",
            ModelComparison.AgainstBaseline(Model("gaussian-nb", 0.58, 0.61, 0.59, 0.60, 0.57), baseline, label, "accuracy"));
        Assert.Contains("gaussian-nb beats the baseline (most frequent class), which scores 0.6, by only 0.01, less than the noise",
            ModelComparison.AgainstBaseline(Model("gaussian-nb", 0.55, 0.66, 0.58, 0.65, 0.61), baseline, label, "accuracy"));
        Assert.Equal("It beats the baseline (most frequent class), which scores 0.6, by 0.2.",
            ModelComparison.AgainstBaseline(Model("gaussian-nb", 0.80, 0.81, 0.79, 0.80, 0.80), baseline, label, "accuracy"));
    }

    [Fact]
    public void A_forest_beats_a_linear_model_on_a_checkerboard_beyond_the_noise()
    {
        var result = ModelComparison.Compare(Checkerboard(), "board.csv", "sign", ["logistic-regression", "random-forest-classifier"],
            new ComparisonOptions { Seed = 3 });

        Assert.Equal("random-forest-classifier", result.Best.Entry.Name);
        Assert.True(result.Best.MeanScore > 0.85, $"forest {result.Best.MeanScore}");
        Assert.True(result.Models[1].MeanScore < 0.65, $"logistic {result.Models[1].MeanScore}");
        Assert.Equal(5, result.Best.Scores!.Folds.Count);
        Assert.Equal(80, result.HeldOut.RowCount);
        Assert.Equal(320, result.TrainRows);
        Assert.Contains("so it is the best model for this data", result.Verdict);
        Assert.InRange(result.Best.HeldOut!.Score, 0.8, 1);
    }

    [Fact]
    public void Progress_names_each_model_and_counts_its_folds()
    {
        var reports = new List<FitProgress>();
        ModelComparison.Compare(Checkerboard(), "checkerboard.csv", "sign", ["gaussian-nb", "decision-tree-classifier"], new ComparisonOptions { Folds = 3 },
            new ProgressRecorder(reports));
        Assert.Contains(new FitProgress("gaussian-nb (model 1 of 2): folds", 3, 3), reports);
        Assert.Contains(new FitProgress("decision-tree-classifier (model 2 of 2): folds", 3, 3), reports);
        Assert.Equal(new FitProgress("decision-tree-classifier", 1, 2), reports.First(r => r.Stage == "decision-tree-classifier"));
        Assert.Equal(new FitProgress("done", 2, 2), reports[^1]);
    }


    [Fact]
    public void A_model_that_cannot_fit_is_reported_last_and_the_others_still_compare()
    {
        var table = Checkerboard();
        var result = ModelComparison.Compare(table, "board.csv", "sign", ["multinomial-nb", "decision-tree-classifier"], new ComparisonOptions { Folds = 3 });
        Assert.Equal("decision-tree-classifier", result.Best.Entry.Name);
        Assert.False(result.Models[1].Succeeded);
        Assert.Contains("negative", result.Models[1].Failure);
    }

    [Fact]
    public void Models_of_two_tasks_are_not_compared()
    {
        var error = Assert.Throws<ArgumentException>(() => ModelComparison.Compare(Checkerboard(), "board.csv", "x", ["ridge", "logistic-regression"]));
        Assert.Contains("compare models of one task", error.Message);
    }

    [Fact]
    public void A_lead_smaller_than_twice_the_standard_error_is_called_a_tie()
    {
        static ComparedModel Model(string name, params double[] folds) => new(EstimatorCatalog.Find(name),
            new CrossValidationResult(["accuracy"], [.. folds.Select((s, i) => new FoldScore(i, 80, 20, new Dictionary<string, double> { ["accuracy"] = s }, null, 1, 0))]),
            null, name == "random-forest-classifier" ? 6 : 0.5, null);
        var best = Model("random-forest-classifier", 0.80, 0.84, 0.78, 0.82, 0.81);
        var close = Model("logistic-regression", 0.80, 0.80, 0.79, 0.80, 0.80);
        var far = Model("gaussian-nb", 0.70, 0.71, 0.69, 0.70, 0.72);

        var verdict = ModelComparison.Verdict([best, close, far], "accuracy");

        Assert.Contains("logistic-regression (0.798) trails it by less than the noise", verdict);
        Assert.DoesNotContain("gaussian-nb", verdict);
        Assert.Contains("logistic-regression fits 12× faster", verdict);
    }
}

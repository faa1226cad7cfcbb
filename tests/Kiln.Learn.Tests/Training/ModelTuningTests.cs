using Kiln.Data;
using Kiln.Learn.ModelSelection;
using Kiln.Learn.Training;

namespace Kiln.Learn.Tests.Training;

public class ModelTuningTests
{
    static TrainingSetup Iris(string model)
    {
        var frame = ScikitLearnFixtures.Csv("linear-iris.csv");
        var labelled = frame.WithColumn(new StringColumn("species", [.. Enumerable.Range(0, frame.RowCount).Select(i => $"s{frame["target"].Format(i)}")])).Drop("target");
        return ModelTraining.Prepare(labelled, "iris.csv", "species", model);
    }

    [Fact]
    public void Tuning_searches_on_the_training_rows_only_and_scores_both_models_on_the_held_out_rows()
    {
        var setup = Iris("knn-classifier");
        var space = SearchSpace.Parse("n-neighbors=1,5,40", setup.Pipeline);

        var result = ModelTuning.Tune(setup, new GridSearch(space), new TuningOptions { TestSize = 0.2, Folds = 4, Seed = 3 });

        Assert.Equal(120, result.TrainRows);
        Assert.Equal(30, result.TestFeatures.RowCount);
        Assert.All(result.Search.Candidates, c => Assert.All(c.Scores.Folds, f => Assert.Equal(120, f.TrainRows + f.TestRows)));
        Assert.Equal(4, result.Baseline.Folds.Count);
        Assert.Equal("accuracy", result.After.Scoring);
        var predicted = ((IClassifierModel)result.TunedModel).Predict(result.TestFeatures);
        Assert.Equal(30, predicted.Length);
        Assert.InRange(result.After.Score, 0.8, 1);
        Assert.Equal(result.After.Score, result.After.Evaluation.Classification!.Accuracy, 12);
        Assert.Equal(result.Search.BestScore - result.Baseline.MeanTestScore(), result.Gain);
    }

    [Fact]
    public void A_search_that_only_tries_the_defaults_reports_no_improvement()
    {
        var setup = Iris("knn-classifier");
        var result = ModelTuning.Tune(setup, new GridSearch(SearchSpace.Parse("n-neighbors=5", setup.Pipeline)), new TuningOptions { Folds = 3 });
        Assert.Equal(0, result.Gain);
        Assert.False(result.Improved);
        Assert.StartsWith("no improvement: cross-validated accuracy", result.Verdict);
        Assert.Equal(result.Before.Score, result.After.Score);
        Assert.Contains("a change within the fold-to-fold spread", result.Verdict);
    }

    [Fact]
    public void Models_that_cannot_be_scored_and_bad_options_are_refused()
    {
        var clusters = Iris("kmeans");
        var error = Assert.Throws<ArgumentException>(() => ModelTuning.Tune(clusters, new GridSearch(SearchSpace.Parse("n-clusters=2,3", clusters.Pipeline))));
        Assert.Contains("kmeans is a clusterer; tuning needs a classifier or a regressor", error.Message);
        var setup = Iris("knn-classifier");
        var search = new GridSearch(SearchSpace.Parse("n-neighbors=5", setup.Pipeline));
        Assert.Throws<ArgumentOutOfRangeException>(() => ModelTuning.Tune(setup, search, new TuningOptions { TestSize = 1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => ModelTuning.Tune(setup, search, new TuningOptions { Folds = 1 }));
    }
}

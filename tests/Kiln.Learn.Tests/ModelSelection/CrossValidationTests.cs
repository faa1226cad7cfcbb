using Kiln.Data;
using Kiln.Learn.Compose;
using Kiln.Learn.Features;
using Kiln.Learn.Linear;
using Kiln.Learn.NaiveBayes;
using Kiln.Learn.ModelSelection;
using Kiln.Learn.Neighbors;
using Kiln.Learn.Preprocessing;
using Kiln.Learn.Trees;

namespace Kiln.Learn.Tests.ModelSelection;

public class CrossValidationTests
{
    /// <summary>Columns of pure noise and labels drawn independently of them: no model can beat chance on new rows.</summary>
    static (Frame Features, Column Target) Noise(int rows, int columns, int seed)
    {
        var random = new Random(seed);
        var data = new Column[columns];
        for (var j = 0; j < columns; j++)
            data[j] = new Float64Column($"n{j}", [.. Enumerable.Range(0, rows).Select(_ => random.NextDouble() * 2 - 1)]);
        var labels = new StringColumn("label", [.. Enumerable.Range(0, rows).Select(i => i % 2 == 0 ? "a" : "b")]);
        return (new Frame(data), labels);
    }

    [Fact]
    public void Feature_selection_refitted_inside_every_fold_leaves_noise_at_chance_while_selecting_on_all_rows_leaks()
    {
        // the textbook leak: pick the columns most related to the labels using every row, then cross-validate only the
        // classifier; the picked columns fit the test folds' labels by chance, and the score looks far better than chance
        var (features, target) = Noise(rows: 60, columns: 2000, seed: 11);
        var selector = new SelectKBest { K = 20 };
        var classifier = new KnnClassifier { NNeighbors = 5 };
        var options = new CrossValidationOptions { Splitter = new StratifiedKFold(5) };

        var inside = CrossValidation.Run(new Pipeline(new PipelineStep("select", selector), new PipelineStep("knn", classifier)), features, target, options);
        var selectedOnAllRows = selector.Fit(features, target).Transform(features);
        var leaky = CrossValidation.Run(classifier, selectedOnAllRows, target, options);

        Assert.InRange(inside.MeanTestScore(), 0.2, 0.68);
        Assert.True(leaky.MeanTestScore() >= inside.MeanTestScore() + 0.2,
            $"selection on all rows scored {leaky.MeanTestScore():F3} and inside the folds {inside.MeanTestScore():F3}");
    }

    [Fact]
    public void A_scaler_is_refitted_on_each_folds_training_rows_only()
    {
        // one extreme row in the last fold would move a scaler fitted on every row, and with it the other folds' scores
        var (features, target) = ScikitLearnFixtures.Labelled("linear-iris.csv");
        var pipeline = Pipeline.Of(new StandardScaler(), new KnnClassifier { NNeighbors = 7 });
        var splitter = new KFold(5, Shuffle: true, Seed: 3);

        var result = CrossValidation.Run(pipeline, features, target, new CrossValidationOptions { Splitter = splitter, Scoring = ["accuracy"] });

        var folds = splitter.Split(features.RowCount).ToList();
        for (var f = 0; f < folds.Count; f++)
        {
            var (trainX, testX) = folds[f].Take(features);
            var (trainY, testY) = folds[f].Take(target);
            var model = (IClassifierModel)pipeline.Fit(trainX, trainY);
            var predicted = model.Predict(testX);
            var right = Enumerable.Range(0, testY.Length).Count(i => predicted.Format(i) == testY.Format(i));
            Assert.Equal((double)right / testY.Length, result.TestScores()[f], 12);
        }
    }

    [Fact]
    public void Several_scorers_are_computed_on_each_fold_with_training_scores_and_times_when_asked()
    {
        var (features, target) = ScikitLearnFixtures.Labelled("linear-iris.csv");
        var result = CrossValidation.Run(new LogisticRegression(), features, target,
            new CrossValidationOptions { Scoring = ["accuracy", "f1_macro", "neg_log_loss"], TrainScores = true });

        Assert.Equal(["accuracy", "f1_macro", "neg_log_loss"], result.Scoring);
        Assert.Equal(5, result.Folds.Count);
        Assert.All(result.Folds, f => Assert.Equal(30, f.TestRows));
        Assert.All(result.Folds, f => Assert.Equal(120, f.TrainRows));
        Assert.All(result.Folds, f => Assert.True(f.FitSeconds > 0 && f.ScoreSeconds > 0));
        Assert.InRange(result.MeanTestScore("accuracy"), 0.9, 1);
        Assert.True(result.MeanTestScore("neg_log_loss") < 0);
        Assert.True(result.HasTrainScores);
        Assert.InRange(result.MeanTrainScore(), 0.9, 1);
        var error = Assert.Throws<ArgumentException>(() => result.TestScores("r2"));
        Assert.Contains("'r2' was not scored", error.Message);
    }

    [Fact]
    public void A_classifier_is_cross_validated_on_stratified_folds_by_default_as_scikit_learn_does()
    {
        // iris is sorted by class, so consecutive folds would each miss whole classes and score far lower
        var (features, target) = ScikitLearnFixtures.Labelled("linear-iris.csv");
        var byDefault = CrossValidation.Run(new GaussianNaiveBayes(), features, target);
        var stratified = CrossValidation.Run(new GaussianNaiveBayes(), features, target, new CrossValidationOptions { Splitter = new StratifiedKFold(5) });
        Assert.Equal(stratified.TestScores(), byDefault.TestScores());
        Assert.All(byDefault.TestScores(), s => Assert.True(s > 0.8));
    }

    [Fact]
    public void Any_splitter_can_be_given_with_the_groups_it_needs()
    {
        var (features, target) = ScikitLearnFixtures.Labelled("linear-diabetes.csv");
        var groups = new Int64Column("patient group", [.. Enumerable.Range(0, features.RowCount).Select(i => (long)(i % 7))]);
        var grouped = CrossValidation.Run(new LinearRegression(), features, target, new CrossValidationOptions { Splitter = new GroupKFold(3), Groups = groups });
        Assert.Equal(3, grouped.Folds.Count);
        Assert.Equal(features.RowCount, grouped.Folds.Sum(f => f.TestRows));

        var ordered = CrossValidation.Run(new LinearRegression(), features, target, new CrossValidationOptions { Splitter = new TimeSeriesSplit(4) });
        Assert.Equal(4, ordered.Folds.Count);
        Assert.True(ordered.Folds[0].TrainRows < ordered.Folds[^1].TrainRows);

        var error = Assert.Throws<ArgumentNullException>(() => CrossValidation.Run(new LinearRegression(), features, target, new CrossValidationOptions { Splitter = new GroupKFold(3) }));
        Assert.Equal("groups", error.ParamName);
    }

    [Fact]
    public void One_fit_at_a_time_gives_the_same_scores_as_fits_in_parallel()
    {
        var (features, target) = ScikitLearnFixtures.Labelled("linear-iris.csv");
        var forest = EstimatorCatalog.Create("random-forest-classifier", new Dictionary<string, object?> { ["n-estimators"] = 10, ["seed"] = 4L });
        var splitter = new KFold(5, Shuffle: true, Seed: 9);
        var serial = CrossValidation.Run(forest, features, target, new CrossValidationOptions { Splitter = splitter, Parallelism = 1 });
        var parallel = CrossValidation.Run(forest, features, target, new CrossValidationOptions { Splitter = splitter, Parallelism = 2 });
        Assert.Equal(serial.TestScores(), parallel.TestScores());
    }

    [Fact]
    public void Progress_counts_every_fold_and_a_cancelled_token_stops_the_run()
    {
        var (features, target) = ScikitLearnFixtures.Labelled("linear-iris.csv");
        var reports = new List<FitProgress>();
        CrossValidation.Run(new DecisionTreeClassifier(), features, target, progress: new SynchronousProgress<FitProgress>(reports.Add));
        Assert.Contains(reports, r => r is { Stage: "folds", Done: 5, Total: 5 });

        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => CrossValidation.Run(new DecisionTreeClassifier(), features, target, cancellationToken: cancelled.Token));
    }

    [Fact]
    public void A_scorer_of_the_wrong_kind_and_a_target_of_the_wrong_length_are_refused_by_name()
    {
        var (features, target) = ScikitLearnFixtures.Labelled("linear-iris.csv");
        var wrongKind = Assert.Throws<ArgumentException>(() =>
            CrossValidation.Run(new LogisticRegression(), features, target, new CrossValidationOptions { Scoring = ["r2"] }));
        Assert.Contains("scorer 'r2' scores a regressor, and logistic-regression is a classifier", wrongKind.Message);

        var unknown = Assert.Throws<ArgumentException>(() =>
            CrossValidation.Run(new LogisticRegression(), features, target, new CrossValidationOptions { Scoring = ["acuracy"] }));
        Assert.Contains("'acuracy' is not a scoring name", unknown.Message);

        var shorter = Assert.Throws<ArgumentException>(() => CrossValidation.Run(new LogisticRegression(), features, target.Slice(0, 100)));
        Assert.Contains("has 100 rows but the features have 150", shorter.Message);
    }

    [Fact]
    public void A_target_with_missing_values_is_refused_with_the_count()
    {
        var features = new Frame(new Float64Column("x", [1, 2, 3, 4, 5, 6]));
        var target = new Float64Column("y", [1, double.NaN, 3, 4, double.NaN, 6]);
        var error = Assert.Throws<ArgumentException>(() => CrossValidation.Run(new LinearRegression(), features, target));
        Assert.Contains("'y' is missing 2 values", error.Message);
    }

    /// <summary>Reports on the calling thread, so the list is complete when Run returns.</summary>
    sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        readonly Lock _gate = new();

        public void Report(T value)
        {
            lock (_gate) report(value);
        }
    }
}

using Kiln.Data;
using Kiln.Learn.Compose;
using Kiln.Learn.Linear;
using Kiln.Learn.ModelSelection;
using Kiln.Learn.Neighbors;
using Kiln.Learn.Preprocessing;

namespace Kiln.Learn.Tests.ModelSelection;

public class ParameterSearchTests
{
    static readonly CrossValidationOptions Shuffled = new() { Splitter = new KFold(5, Shuffle: true, Seed: 2) };

    [Fact]
    public void Grid_search_refits_the_best_candidate_on_every_row()
    {
        var (features, target) = ScikitLearnFixtures.Labelled("linear-iris.csv");
        var knn = new KnnClassifier();
        var space = SearchSpace.Parse("n-neighbors=1,5,15,60;weights=uniform,distance", knn);

        var result = new GridSearch(space).Run(knn, features, target, new CrossValidationOptions { Splitter = new StratifiedKFold(5) });

        Assert.Equal("grid", result.Method);
        Assert.Equal(8, result.Candidates.Count);
        var best = result.Candidates.Where(c => !c.Pruned).MaxBy(c => c.MeanTestScore)!;
        Assert.Equal(best.MeanTestScore, result.BestScore);
        Assert.Equal(1, result.Best.Rank);
        var bestKnn = Assert.IsType<KnnClassifier>(result.BestEstimator);
        Assert.Equal(result.BestParameters["n-neighbors"], bestKnn.NNeighbors);
        var refitted = (IClassifierModel)result.BestModel!;
        var direct = bestKnn.Fit(features, target);
        Assert.Equal(direct.Predict(features).AsFloat64().Values.ToArray(), refitted.Predict(features).AsFloat64().Values.ToArray());
        Assert.True(result.RefitSeconds > 0);
    }

    [Fact]
    public void Equal_means_share_the_best_rank_and_the_first_of_them_is_best_as_in_scikit_learn()
    {
        var (features, target) = ScikitLearnFixtures.Labelled("linear-iris.csv");
        var knn = new KnnClassifier();
        // uniform and distance weighting agree with one neighbour, so those two candidates tie exactly
        var result = new GridSearch(SearchSpace.Parse("n-neighbors=1;weights=uniform,distance", knn)).Run(knn, features, target);
        Assert.Equal(result.Candidates[0].MeanTestScore, result.Candidates[1].MeanTestScore);
        Assert.Equal([1, 1], result.Candidates.Select(c => c.Rank));
        Assert.Equal(0, result.Best.Index);
        var widened = new GridSearch(SearchSpace.Parse("n-neighbors=1,9;weights=uniform,distance", knn)).Run(knn, features, target);
        var ones = widened.Candidates.Where(c => (int)c.Parameters["n-neighbors"]! == 1).ToList();
        var sharedRank = ones[0].Rank;
        Assert.Equal(sharedRank, ones[1].Rank);
        // the rank after a tie skips the tied places, as rankdata's 'min' does
        Assert.DoesNotContain(widened.Candidates, c => c.Rank == sharedRank + 1);
    }

    [Fact]
    public void The_results_table_has_scikit_learns_cv_results_columns()
    {
        var (features, target) = ScikitLearnFixtures.Labelled("linear-diabetes.csv");
        var result = new GridSearch(SearchSpace.Parse("alpha=0.1,1,10", new Ridge())).Run(new Ridge(), features, target,
            Shuffled with { Scoring = ["r2", "neg_mean_absolute_error"], TrainScores = true }, cancellationToken: TestContext.Current.CancellationToken);

        var table = result.Table();

        Assert.Equal(3, table.RowCount);
        foreach (var column in new[] { "param_alpha", "params", "split0_test_r2", "split4_test_r2", "mean_test_r2", "std_test_r2", "rank_test_r2",
                     "mean_train_r2", "mean_test_neg_mean_absolute_error", "mean_fit_time", "std_fit_time", "mean_score_time", "pruned", "folds_scored" })
            Assert.True(table.HasColumn(column), $"no column {column}");
        Assert.Equal([0.1, 1, 10], table["param_alpha"].AsFloat64().Values.ToArray());
        Assert.Equal(result.Candidates.Select(c => c.MeanTestScore), table["mean_test_r2"].AsFloat64().Values.ToArray());
        Assert.Equal("alpha=0.1", table["params"].Format(0));
        var single = new GridSearch(SearchSpace.Parse("alpha=1", new Ridge())).Run(new Ridge(), features, target, Shuffled).Table();
        Assert.True(single.HasColumn("mean_test_score") && single.HasColumn("rank_test_score"));
    }

    [Fact]
    public void Random_search_draws_distinct_candidates_and_the_same_seed_gives_the_same_search()
    {
        var (features, target) = ScikitLearnFixtures.Labelled("linear-diabetes.csv");
        var space = SearchSpace.Parse("alpha=log(1e-3,100)", new Ridge());
        var first = new RandomSearch(space, Trials: 8) { Seed = 4 }.Run(new Ridge(), features, target, Shuffled);
        var again = new RandomSearch(space, Trials: 8) { Seed = 4 }.Run(new Ridge(), features, target, Shuffled);
        var other = new RandomSearch(space, Trials: 8) { Seed = 5 }.Run(new Ridge(), features, target, Shuffled);

        Assert.Equal(8, first.Candidates.Count);
        Assert.Equal(8, first.Candidates.Select(c => c.Parameters["alpha"]).Distinct().Count());
        Assert.Equal(first.Candidates.Select(c => c.Parameters["alpha"]), again.Candidates.Select(c => c.Parameters["alpha"]));
        Assert.Equal(first.Candidates.Select(c => c.MeanTestScore), again.Candidates.Select(c => c.MeanTestScore));
        Assert.NotEqual(first.Candidates.Select(c => c.Parameters["alpha"]), other.Candidates.Select(c => c.Parameters["alpha"]));
    }

    [Fact]
    public void Random_search_over_a_small_list_space_tries_each_combination_once()
    {
        var (features, target) = ScikitLearnFixtures.Labelled("linear-diabetes.csv");
        var result = new RandomSearch(SearchSpace.Parse("alpha=0.1,1,10;fit-intercept=true,false", new Ridge()), Trials: 50)
            .Run(new Ridge(), features, target, Shuffled);
        Assert.Equal(6, result.Candidates.Count);
        Assert.Equal(6, result.Candidates.Select(c => SearchSpace.Describe(c.Parameters)).Distinct().Count());
    }

    [Fact]
    public void Bayesian_search_draws_its_guided_candidates_where_the_early_ones_scored_best()
    {
        // ridge on diabetes does best with little penalty: the guided candidates should gather at small alpha
        var (features, target) = ScikitLearnFixtures.Labelled("linear-diabetes.csv");
        var search = new BayesSearch(SearchSpace.Parse("alpha=log(1e-4,1e4)", new Ridge()), Trials: 24) { Seed = 1, StartupTrials = 8, Pruning = false };

        var result = search.Run(new Ridge(), features, target, Shuffled);

        Assert.Equal("bayes", result.Method);
        Assert.Equal(24, result.Candidates.Count);
        var startup = result.Candidates.Take(8).Select(c => c.MeanTestScore).Order().ToArray();
        var guided = result.Candidates.Skip(8).Select(c => c.MeanTestScore).Order().ToArray();
        Assert.True(guided[guided.Length / 2] > startup[startup.Length / 2],
            $"guided median {guided[guided.Length / 2]:F4}, random median {startup[startup.Length / 2]:F4}");
        Assert.True((double)result.BestParameters["alpha"]! < 1);
        var again = search.Run(new Ridge(), features, target, Shuffled);
        Assert.Equal(result.Candidates.Select(c => c.Parameters["alpha"]), again.Candidates.Select(c => c.Parameters["alpha"]));
    }

    [Fact]
    public void Median_pruning_stops_candidates_that_fall_behind_after_a_fold_and_ranks_them_last()
    {
        var (features, target) = ScikitLearnFixtures.Labelled("linear-iris.csv");
        var pipeline = Pipeline.Of(new StandardScaler(), new LogisticRegression());
        // tiny c leaves logistic regression near chance, so about half the space is hopeless
        var search = new BayesSearch(SearchSpace.Parse("c=log(1e-6,10)", pipeline), Trials: 20) { Seed = 3, StartupTrials = 12, BatchSize = 4 };
        var options = new CrossValidationOptions { Splitter = new StratifiedKFold(5, Shuffle: true, Seed: 1) };

        var result = search.Run(pipeline, features, target, options);

        var pruned = result.Candidates.Where(c => c.Pruned).ToList();
        Assert.NotEmpty(pruned);
        Assert.All(pruned, c => Assert.InRange(c.Scores.Folds.Count, 1, 4));
        Assert.All(result.Candidates.Take(8), c => Assert.False(c.Pruned));
        var complete = result.Candidates.Where(c => !c.Pruned).ToList();
        Assert.All(pruned, p => Assert.True(p.Rank > complete.Max(c => c.Rank)));
        Assert.False(result.Best.Pruned);
        Assert.Equal(result.PrunedCount, pruned.Count);
        Assert.All(pruned, p => Assert.True(p.MeanTestScore < complete.Select(c => c.MeanTestScore).Max()));
    }

    [Fact]
    public void A_search_reports_every_fit_and_the_refit_and_can_be_cancelled()
    {
        var (features, target) = ScikitLearnFixtures.Labelled("linear-diabetes.csv");
        var reports = new List<FitProgress>();
        var gate = new Lock();
        var progress = new Reporter(r => { lock (gate) reports.Add(r); });
        new GridSearch(SearchSpace.Parse("alpha=0.1,1", new Ridge())).Run(new Ridge(), features, target, Shuffled, progress);
        Assert.Contains(reports, r => r is { Stage: "fits", Done: 10, Total: 10 });
        Assert.Contains(reports, r => r is { Stage: "refit", Done: 1 });

        using var source = new CancellationTokenSource();
        var cancelling = new Reporter(r => { if (r.Done >= 2) source.Cancel(); });
        Assert.ThrowsAny<OperationCanceledException>(() =>
            new GridSearch(SearchSpace.Parse("alpha=0.1,1,10,100", new Ridge())).Run(new Ridge(), features, target, Shuffled with { Parallelism = 1 }, cancelling, source.Token));
    }

    [Fact]
    public void A_space_naming_a_parameter_the_estimator_lacks_is_refused_before_any_fit()
    {
        var (features, target) = ScikitLearnFixtures.Labelled("linear-diabetes.csv");
        var space = SearchSpace.Parse("alpha=0.1,1", new Ridge());
        var error = Assert.Throws<ArgumentException>(() => new GridSearch(space).Run(new LinearRegression(), features, target));
        Assert.Contains("linear-regression has no parameter 'alpha'", error.Message);
    }

    [Fact]
    public void A_search_is_chosen_by_its_method_name_with_its_trials_grid_points_and_seed()
    {
        var space = SearchSpace.Parse("alpha=log(0.01,10)", new Ridge());
        Assert.Equal(4, Assert.IsType<GridSearch>(ParameterSearch.Create("grid", space, gridPoints: 4)).PointsPerRange);
        var random = Assert.IsType<RandomSearch>(ParameterSearch.Create("random", space, trials: 7, seed: 3));
        Assert.Equal((7, 3L), (random.Trials, random.Seed));
        Assert.Equal(30, Assert.IsType<BayesSearch>(ParameterSearch.Create("bayes", space)).Trials);
        Assert.Equal(ParameterSearch.Methods, ["grid", "random", "bayes"]);
    }

    [Theory]
    [InlineData("annealing", 5, 3, "search must be grid, random or bayes, not 'annealing'")]
    [InlineData("random", 0, 3, "trials must be at least 1, not 0")]
    [InlineData("grid", 5, 1, "grid points must be at least 2, not 1")]
    public void An_unknown_method_or_too_few_trials_or_grid_points_are_refused(string method, int trials, int gridPoints, string message)
    {
        var space = SearchSpace.Parse("alpha=log(0.01,10)", new Ridge());
        Assert.Equal(message, Assert.Throws<ArgumentException>(() => ParameterSearch.Create(method, space, trials, gridPoints)).Message);
    }

    sealed class Reporter(Action<FitProgress> report) : IProgress<FitProgress>
    {
        public void Report(FitProgress value) => report(value);
    }
}

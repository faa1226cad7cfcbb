using Kiln.Learn.Compose;
using Kiln.Learn.Ensemble;
using Kiln.Learn.Linear;
using Kiln.Learn.ModelSelection;
using Kiln.Learn.Preprocessing;

namespace Kiln.Learn.Tests.ModelSelection;

public class SearchSpaceTests
{
    static readonly RandomForestClassifier Forest = new();

    [Fact]
    public void Lists_and_ranges_are_read_with_the_parameters_own_types()
    {
        var space = SearchSpace.Parse("max-depth=3,5,none; min-samples-leaf=int(1,20); max-samples=uniform(0.5,1); criterion=gini,entropy; bootstrap=true,false", Forest);

        Assert.Equal(["max-depth", "min-samples-leaf", "max-samples", "criterion", "bootstrap"], space.Dimensions.Select(d => d.Parameter));
        Assert.Equal([3, 5, null], space.Dimensions[0].Values);
        Assert.Equal(DistributionKind.Integer, space.Dimensions[1].Kind);
        Assert.Equal((1.0, 20.0), (space.Dimensions[1].Low, space.Dimensions[1].High));
        Assert.Equal(DistributionKind.Uniform, space.Dimensions[2].Kind);
        Assert.Equal([Kiln.Learn.Trees.ClassificationCriterion.Gini, Kiln.Learn.Trees.ClassificationCriterion.Entropy], space.Dimensions[3].Values);
        Assert.Equal([true, false], space.Dimensions[4].Values);
        Assert.Equal("max-depth=3,5,none;min-samples-leaf=int(1,20);max-samples=uniform(0.5,1);criterion=gini,entropy;bootstrap=true,false", space.ToString());
    }

    [Fact]
    public void Draws_stay_in_their_range_and_a_log_uniform_range_gives_each_decade_its_share()
    {
        var space = SearchSpace.Parse("c=log(1e-4,1);max-iter=int(1,50);l1-ratio=uniform(0.2,0.4)", new LogisticRegression());
        var random = new Random(5);
        var draws = Enumerable.Range(0, 4000).Select(_ => space.Sample(random)).ToList();

        var c = draws.Select(d => (double)d["c"]!).ToArray();
        Assert.All(c, v => Assert.InRange(v, 1e-4, 1));
        for (var decade = -4; decade < 0; decade++)
            Assert.InRange(c.Count(v => v >= Math.Pow(10, decade) && v < Math.Pow(10, decade + 1)), 850, 1150);
        var iterations = draws.Select(d => (int)d["max-iter"]!).ToArray();
        Assert.Equal(1, iterations.Min());
        Assert.Equal(50, iterations.Max());
        Assert.All(draws, d => Assert.InRange((double)d["l1-ratio"]!, 0.2, 0.4));
    }

    [Fact]
    public void The_grid_orders_names_and_varies_the_last_fastest_as_scikit_learns_parameter_grid()
    {
        var grid = SearchSpace.Parse("n-estimators=10,20;max-depth=2,4,6", Forest).Grid();
        Assert.Equal(6, grid.Count);
        Assert.Equal(["max-depth", "n-estimators"], grid[0].Keys);
        Assert.Equal([(2, 10), (2, 20), (4, 10), (4, 20), (6, 10), (6, 20)], grid.Select(g => ((int)g["max-depth"]!, (int)g["n-estimators"]!)));
    }

    [Fact]
    public void A_grid_cuts_a_range_into_evenly_spaced_points()
    {
        var space = SearchSpace.Parse("c=log(0.01,100);max-iter=int(1,9)", new LogisticRegression());
        var grid = space.Grid(pointsPerRange: 5);
        Assert.Equal(25, grid.Count);
        var c = grid.Select(g => (double)g["c"]!).Distinct().ToArray();
        Assert.Equal([0.01, 0.1, 1, 10, 100], c.Select(v => Math.Round(v, 10)));
        Assert.Equal([1, 3, 5, 7, 9], grid.Select(g => (int)g["max-iter"]!).Distinct());
    }

    [Theory]
    [InlineData("max-deph=3,5", "has no parameter 'max-deph'")]
    [InlineData("max-depth=0,3", "parameter 'max-depth' must be 1 ≤ value or none, not 0")]
    [InlineData("max-depth=int(0,8)", "parameter 'max-depth' must be 1 ≤ value or none, not 0")]
    [InlineData("max-samples=uniform(0,1)", "parameter 'max-samples' must be 0 < value or none, not 0")]
    [InlineData("max-depth=three", "parameter 'max-depth' must be")]
    [InlineData("max-depth=uniform(1,5)", "'max-depth' of random-forest-classifier is a whole number")]
    [InlineData("max-samples=log(0,1)", "both bounds must be above 0")]
    [InlineData("max-samples=uniform(0.9,0.1)", "'max-samples' needs low < high")]
    [InlineData("max-samples=uniform(a,1)", "the bound 'a' of 'max-samples' is not a number")]
    [InlineData("max-samples=normal(0,1)", "'normal' for 'max-samples' is not a distribution")]
    [InlineData("bootstrap=int(0,1)", "'bootstrap' of random-forest-classifier is a bool parameter, so it takes a list of values")]
    [InlineData("criterion=gini,purity", "parameter 'criterion' must be one of gini, entropy, log-loss")]
    [InlineData("max-depth", "'max-depth' is not name=values")]
    [InlineData("max-depth=3;max-depth=4", "parameter 'max-depth' is given twice")]
    [InlineData("max-depth=3,,4", "has an empty value")]
    public void A_bad_space_is_refused_with_the_parameter_named(string text, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => SearchSpace.Parse(text, Forest));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Inside_a_pipeline_plain_names_address_the_last_step_and_step_names_any_other()
    {
        var pipeline = new Pipeline(new PipelineStep("scale", new StandardScaler()), new PipelineStep("model", new Ridge()));
        var space = SearchSpace.Parse("alpha=0.1,1;scale__with-mean=true,false", pipeline);
        var candidate = space.Grid()[1];

        var changed = (Pipeline)EstimatorParameters.With(pipeline, candidate);

        Assert.Equal(0.1, ((Ridge)changed.Steps[1].Estimator).Alpha);
        Assert.False(((StandardScaler)changed.Steps[0].Estimator).WithMean);
        Assert.True(((StandardScaler)pipeline.Steps[0].Estimator).WithMean);
        var error = Assert.Throws<ArgumentException>(() => SearchSpace.Parse("scaler__with-mean=true", pipeline));
        Assert.Contains("names step 'scaler', which the pipeline does not have (steps: scale, model)", error.Message);
    }

    [Fact]
    public void Every_default_search_range_in_the_catalog_parses_against_its_estimator()
    {
        var withDefaults = EstimatorCatalog.All.Where(e => e.Parameters.Any(p => p.Search is not null)).ToList();
        Assert.Contains(withDefaults, e => e.Name == "random-forest-classifier");
        foreach (var entry in withDefaults)
        {
            var space = SearchSpace.Default(entry.Create());
            Assert.Equal(entry.Parameters.Count(p => p.Search is not null), space.Dimensions.Count);
            var random = new Random(1);
            for (var i = 0; i < 20; i++) EstimatorParameters.With(entry.Create(), space.Sample(random));
        }
    }

    [Fact]
    public void An_estimator_without_default_ranges_asks_for_a_space()
    {
        var error = Assert.Throws<ArgumentException>(() => SearchSpace.Default(new LinearRegression()));
        Assert.Contains("linear-regression has no default search space", error.Message);
    }
}

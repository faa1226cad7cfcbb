using System.Text.Json.Nodes;
using Kiln.Data;
using Kiln.Learn.Decomposition;
using Kiln.Learn.Tests.Cluster;

namespace Kiln.Learn.Tests.Decomposition;


public class PcaTests
{
    const double Tolerance = 1e-6;

    static JsonObject Expected(string key) => ScikitLearnFixtures.Expected("decomposition-expected.json", key);

    static void RequireSameAsScikitLearn(PcaModel model, JsonObject expected)
    {
        Assert.Equal(expected["n_components"]!.GetValue<int>(), model.ComponentCount);
        Assert.Equal(ScikitLearnFixtures.Doubles(expected["explained_variance_ratio"]!), model.ExplainedVarianceRatio, (a, b) => Math.Abs(a - b) < Tolerance);
        var variance = ScikitLearnFixtures.Doubles(expected["explained_variance"]!);
        for (var k = 0; k < variance.Length; k++) Assert.Equal(variance[k], model.ExplainedVariance[k], Tolerance * Math.Max(1, variance[k]));
        var singular = ScikitLearnFixtures.Doubles(expected["singular_values"]!);
        for (var k = 0; k < singular.Length; k++) Assert.Equal(singular[k], model.SingularValues[k], Tolerance * Math.Max(1, singular[k]));
        ScikitLearnFixtures.ComponentsMatchUpToSign(expected["components"]!, k => model.Component(k).ToArray(), Tolerance);
    }

    [Fact]
    public void Full_pca_on_iris_matches_scikit_learn()
    {
        var model = new Pca().Fit(ScikitLearnFixtures.Csv("cluster-iris.csv"));
        RequireSameAsScikitLearn(model, Expected("iris_full"));
    }

    [Fact]
    public void A_variance_fraction_keeps_the_components_scikit_learn_keeps_on_wine()
    {
        var model = new Pca { NComponents = 0.999 }.Fit(ScikitLearnFixtures.Csv("cluster-wine.csv"));
        RequireSameAsScikitLearn(model, Expected("wine_fraction"));
    }

    [Fact]
    public void Whitened_outputs_match_scikit_learn_on_iris()
    {
        var iris = ScikitLearnFixtures.Csv("cluster-iris.csv");
        var expected = Expected("iris_whiten");
        var model = new Pca { NComponents = 2, Whiten = true }.Fit(iris);
        RequireSameAsScikitLearn(model, expected);
        var output = model.Transform(iris);
        var rows = ScikitLearnFixtures.Rows(expected["transform_first_rows"]!);
        for (var k = 0; k < 2; k++)
        {
            var column = output.Column<Float64Column>($"pca{k}");
            var sign = Math.Sign(column[0]) == Math.Sign(rows[0][k]) ? 1 : -1;
            for (var i = 0; i < rows.Length; i++) Assert.Equal(rows[i][k], sign * column[i], Tolerance);
        }
    }

    [Fact]
    public void Randomized_pca_on_wide_data_matches_scikit_learn()
    {
        var model = new Pca { NComponents = 5, SvdSolver = PcaSolver.Randomized, Seed = 3 }.Fit(ScikitLearnFixtures.WideMatrix(40, 600));
        RequireSameAsScikitLearn(model, Expected("wide_randomized"));
    }

    [Fact]
    public void Components_take_scikit_learns_signs()
    {
        var model = new Pca().Fit(ScikitLearnFixtures.Csv("cluster-iris.csv"));
        var components = ScikitLearnFixtures.Rows(Expected("iris_full")["components"]!);
        for (var k = 0; k < components.Length; k++) Assert.Equal(components[k][0], model.Component(k)[0], Tolerance);
    }

    [Fact]
    public void Outputs_are_uncorrelated_with_the_explained_variances()
    {
        var iris = ScikitLearnFixtures.Csv("cluster-iris.csv");
        var model = new Pca().Fit(iris);
        var output = model.Transform(iris);
        var first = output.Column<Float64Column>("pca0").Values;
        var second = output.Column<Float64Column>("pca1").Values;
        double covariance = 0, variance = 0;
        for (var i = 0; i < first.Length; i++)
        {
            covariance += first[i] * second[i];
            variance += first[i] * first[i];
        }
        Assert.Equal(0, covariance / (first.Length - 1), 1e-9);
        Assert.Equal(model.ExplainedVariance[0], variance / (first.Length - 1), 1e-9);
    }

    [Fact]
    public void A_component_count_above_the_data_rank_names_n_components()
    {
        var error = Assert.Throws<ArgumentException>(() => new Pca { NComponents = 5 }.Fit(ScikitLearnFixtures.Csv("cluster-iris.csv")));
        Assert.Contains("n-components", error.Message);
    }

    [Fact]
    public void A_fractional_count_above_one_names_n_components()
    {
        var error = Assert.Throws<ArgumentException>(() => new Pca { NComponents = 2.5 }.Fit(ScikitLearnFixtures.Csv("cluster-iris.csv")));
        Assert.Contains("n-components", error.Message);
    }

    [Theory]
    [InlineData(PcaSolver.Full)]
    [InlineData(PcaSolver.Randomized)]
    public void A_table_of_many_thousand_rows_gives_eigenvectors_of_its_covariance(PcaSolver solver)
    {
        // far from the origin and longer than one block of rows, so centring and combining the blocks both count
        var table = TallTables.Correlated(rows: 9_000, columns: 6, offset: 1_000, seed: 5);
        var model = new Pca { NComponents = 3, SvdSolver = solver, Seed = 2 }.Fit(table);
        var covariance = TallTables.Gram(table, centred: true);
        for (var k = 0; k < model.ComponentCount; k++)
        {
            var variance = model.ExplainedVariance[k];
            Assert.True(TallTables.EigenResidual(covariance, model.Component(k), variance * (9_000 - 1)) < 1e-8, $"component {k} is not an eigenvector of the covariance");
            Assert.Equal(model.SingularValues[k] * model.SingularValues[k] / (9_000 - 1), variance, 1e-9 * variance);
        }
        double total = 0;
        for (var j = 0; j < 6; j++) total += covariance[j, j] / (9_000 - 1);
        Assert.Equal(model.ExplainedVariance[0] / total, model.ExplainedVarianceRatio[0], 1e-12);
    }

    [Fact]
    public void Each_component_points_so_that_its_largest_output_is_positive()
    {
        var table = TallTables.Correlated(rows: 9_000, columns: 5, offset: 3, seed: 8);
        var model = new Pca { NComponents = 3 }.Fit(table);
        var output = model.Transform(table);
        for (var k = 0; k < model.ComponentCount; k++)
        {
            var values = output.Column<Float64Column>($"pca{k}").Values;
            var largest = 0;
            for (var i = 1; i < values.Length; i++) if (Math.Abs(values[i]) > Math.Abs(values[largest])) largest = i;
            Assert.True(values[largest] > 0, $"pca{k} has its largest output {values[largest]} negative");
        }
    }
}

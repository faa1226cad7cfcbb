using Kiln.Data;
using Kiln.Learn.Decomposition;
using Kiln.Learn.Tests.Cluster;

namespace Kiln.Learn.Tests.Decomposition;


public class TruncatedSvdTests
{
    const double Tolerance = 1e-6;

    [Fact]
    public void Two_components_of_iris_match_scikit_learn()
    {
        var expected = ScikitLearnFixtures.Expected("decomposition-expected.json", "iris_truncated_svd");
        var model = new TruncatedSvd { Seed = 11 }.Fit(ScikitLearnFixtures.Csv("cluster-iris.csv"));
        Assert.Equal(ScikitLearnFixtures.Doubles(expected["explained_variance_ratio"]!), model.ExplainedVarianceRatio, (a, b) => Math.Abs(a - b) < Tolerance);
        Assert.Equal(ScikitLearnFixtures.Doubles(expected["explained_variance"]!), model.ExplainedVariance, (a, b) => Math.Abs(a - b) < Tolerance);
        Assert.Equal(ScikitLearnFixtures.Doubles(expected["singular_values"]!), model.SingularValues, (a, b) => Math.Abs(a - b) < Tolerance * Math.Max(1, a));
        ScikitLearnFixtures.ComponentsMatchUpToSign(expected["components"]!, k => model.Component(k).ToArray(), Tolerance);
    }

    [Fact]
    public void Outputs_are_the_rows_times_the_components_without_centring()
    {
        var data = new Frame(new Float64Column("a", [1, 2, 3, 4]), new Float64Column("b", [2, 1, 0, 5]), new Float64Column("c", [0, 0, 1, 1]));
        var model = new TruncatedSvd { NComponents = 1 }.Fit(data);
        var output = model.Transform(data).Column<Float64Column>("truncatedsvd0");
        var component = model.Component(0).ToArray();
        Assert.Equal(1 * component[0] + 2 * component[1], output[0], 1e-12);
        Assert.Equal(4 * component[0] + 5 * component[1] + component[2], output[3], 1e-12);
    }

    [Fact]
    public void More_components_than_columns_names_n_components()
    {
        var data = new Frame(new Float64Column("a", [1, 2, 3]), new Float64Column("b", [2, 1, 0]));
        var error = Assert.Throws<ArgumentException>(() => new TruncatedSvd { NComponents = 3 }.Fit(data));
        Assert.Contains("n-components", error.Message);
    }

    [Fact]
    public void A_table_of_many_thousand_rows_gives_eigenvectors_of_its_uncentred_gram_matrix()
    {
        var table = TallTables.Correlated(rows: 9_000, columns: 6, offset: 2, seed: 3);
        var model = new TruncatedSvd { NComponents = 2, Seed = 1 }.Fit(table);
        var gram = TallTables.Gram(table, centred: false);
        var output = model.Transform(table);
        for (var k = 0; k < model.ComponentCount; k++)
        {
            var singular = model.SingularValues[k];
            Assert.True(TallTables.EigenResidual(gram, model.Component(k), singular * singular) < 1e-8, $"component {k} is not an eigenvector of XᵀX");
            var values = output.Column<Float64Column>($"truncatedsvd{k}").Values.ToArray();
            var mean = values.Average();
            var variance = values.Sum(v => (v - mean) * (v - mean)) / values.Length;
            Assert.Equal(variance, model.ExplainedVariance[k], 1e-9 * variance);
        }
    }
}

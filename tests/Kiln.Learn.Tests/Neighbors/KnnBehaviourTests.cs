using Kiln.Data;
using Kiln.Learn.Neighbors;
using Kiln.Learn.Preprocessing;

namespace Kiln.Learn.Tests.Neighbors;

public class KnnBehaviourTests
{
    static Frame Points(params double[][] rows) =>
        new([.. Enumerable.Range(0, rows[0].Length).Select(j => (Column)new Float64Column($"x{j}", [.. rows.Select(r => r[j])]))]);

    static string[] Labels(Column column) => [.. Enumerable.Range(0, column.Length).Select(column.Format)];

    [Fact]
    public void Fit_rejects_more_neighbours_than_training_rows_naming_n_neighbors_and_the_row_count()
    {
        var features = Points([0, 0], [1, 1], [2, 2]);
        var error = Assert.Throws<ArgumentException>(() => new KnnClassifier { NNeighbors = 4 }.Fit(features, new StringColumn("y", ["a", "b", "a"])));
        Assert.Contains("'n-neighbors'", error.Message);
        Assert.Contains("3 rows", error.Message);
        Assert.Throws<ArgumentException>(() => new KnnRegressor { NNeighbors = 4 }.Fit(features, new Float64Column("y", [1, 2, 3])));
    }

    [Fact]
    public void Neighbours_come_back_nearest_first_with_their_distances()
    {
        var model = new KnnRegressor { NNeighbors = 2 }.Fit(Points([0, 0], [3, 4], [1, 0], [10, 10]), new Float64Column("y", [1, 2, 3, 4]));
        var (indices, distances) = model.Neighbors(Points([0.2, 0]));
        Assert.Equal([0, 2], indices);
        Assert.Equal(0.2, distances[0], 12);
        Assert.Equal(0.8, distances[1], 12);
    }

    [Fact]
    public void Distance_weights_let_an_exact_match_decide_alone()
    {
        var features = Points([0, 0], [1, 0], [1, 1]);
        var model = new KnnRegressor { NNeighbors = 3, Weights = NeighborWeighting.Distance }.Fit(features, new Float64Column("y", [10, 20, 30]));
        Assert.Equal(20, model.Predict(Points([1, 0])).AsFloat64()[0], 12);
        // away from every row, the nearer one counts more: 1/1·10 + 1/√2·20 + 1/√5·30 over the weights' sum
        var expected = (10 + 20 / Math.Sqrt(2) + 30 / Math.Sqrt(5)) / (1 + 1 / Math.Sqrt(2) + 1 / Math.Sqrt(5));
        Assert.Equal(expected, model.Predict(Points([0, -1])).AsFloat64()[0], 12);
    }

    [Fact]
    public void Manhattan_and_euclidean_disagree_where_city_blocks_differ_from_straight_lines()
    {
        // from the origin, (2, 2) is nearer in a straight line (2.83 < 3) but farther by blocks (4 > 3)
        var features = Points([2, 2], [3, 0]);
        var target = new StringColumn("y", ["diagonal", "axis"]);
        var query = Points([0, 0]);
        Assert.Equal(["diagonal"], Labels(new KnnClassifier { NNeighbors = 1 }.Fit(features, target).Predict(query)));
        Assert.Equal(["axis"], Labels(new KnnClassifier { NNeighbors = 1, Metric = DistanceMetric.Manhattan }.Fit(features, target).Predict(query)));
    }

    [Fact]
    public void Cosine_ignores_length_and_looks_only_at_direction()
    {
        var features = Points([100, 1], [1, 1]);
        var target = new StringColumn("y", ["flat", "diagonal"]);
        var model = new KnnClassifier { NNeighbors = 1, Metric = DistanceMetric.Cosine }.Fit(features, target);
        Assert.Equal(["diagonal", "flat"], Labels(model.Predict(Points([50, 50], [2, 0]))));
    }

    [Fact]
    public void Uniform_probabilities_are_vote_shares_and_ties_go_to_the_smallest_class()
    {
        var features = Points([0], [1], [2], [3]);
        var model = new KnnClassifier { NNeighbors = 2 }.Fit(features, new StringColumn("y", ["b", "a", "a", "b"]));
        var probabilities = model.PredictProbabilities(Points([0.4]));
        Assert.Equal(0.5, probabilities["a"].AsFloat64()[0]);
        Assert.Equal(["a"], Labels(model.Predict(Points([0.4]))));
    }

    [Fact]
    public void Brute_force_finds_the_same_neighbours_as_a_naive_scan_across_tiles_and_blocks()
    {
        var random = new Random(5);
        var rows = Enumerable.Range(0, 700).Select(_ => new[] { random.NextDouble(), random.NextDouble(), random.NextDouble() }).ToArray();
        var queries = Enumerable.Range(0, 70).Select(_ => new[] { random.NextDouble(), random.NextDouble(), random.NextDouble() }).ToArray();
        foreach (var metric in Enum.GetValues<DistanceMetric>())
        {
            var model = new KnnRegressor { NNeighbors = 4, Metric = metric, Algorithm = NeighborAlgorithm.Brute }.Fit(Points(rows), new Float64Column("y", new double[rows.Length]));
            var (indices, distances) = model.Neighbors(Points(queries));
            for (var q = 0; q < queries.Length; q++)
            {
                var naive = Enumerable.Range(0, rows.Length).OrderBy(t => Distance(metric, queries[q], rows[t])).Take(4).ToArray();
                Assert.Equal(naive, indices.AsSpan(q * 4, 4).ToArray());
                Assert.Equal(Distance(metric, queries[q], rows[naive[3]]), distances[q * 4 + 3], 10);
            }
        }
    }

    [Theory]
    [InlineData(DistanceMetric.Euclidean)]
    [InlineData(DistanceMetric.Manhattan)]
    public void The_kd_tree_finds_exactly_the_neighbours_brute_force_finds_even_among_ties(DistanceMetric metric)
    {
        // integer coordinates put many rows at equal distances, so this also checks that both break ties by row
        var random = new Random(9);
        var rows = Enumerable.Range(0, 2000).Select(_ => new double[] { random.Next(20), random.Next(20), random.Next(20), random.Next(20) }).ToArray();
        var queries = Points([.. Enumerable.Range(0, 300).Select(_ => new[] { random.Next(20) + 0.5 * random.Next(2), random.Next(20), random.Next(20), random.Next(20) })]);
        var target = new Float64Column("y", [.. Enumerable.Range(0, rows.Length).Select(i => (double)i)]);
        var tree = new KnnRegressor { NNeighbors = 6, Metric = metric, Algorithm = NeighborAlgorithm.KdTree }.Fit(Points(rows), target);
        var brute = new KnnRegressor { NNeighbors = 6, Metric = metric, Algorithm = NeighborAlgorithm.Brute }.Fit(Points(rows), target);
        var (treeIndices, treeDistances) = tree.Neighbors(queries);
        var (bruteIndices, bruteDistances) = brute.Neighbors(queries);
        Assert.Equal(bruteDistances, treeDistances);
        Assert.Equal(bruteIndices, treeIndices);
    }

    [Fact]
    public void A_kd_tree_with_cosine_distance_is_refused_naming_the_algorithm()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new KnnClassifier { Metric = DistanceMetric.Cosine, Algorithm = NeighborAlgorithm.KdTree }.Fit(Points([0], [1], [2], [3], [4]), new StringColumn("y", ["a", "b", "a", "b", "a"])));
        Assert.Contains("'algorithm'", error.Message);
    }

    static double Distance(DistanceMetric metric, double[] a, double[] b) => metric switch
    {
        DistanceMetric.Euclidean => Math.Sqrt(a.Zip(b, (x, y) => (x - y) * (x - y)).Sum()),
        DistanceMetric.Manhattan => a.Zip(b, (x, y) => Math.Abs(x - y)).Sum(),
        _ => 1 - a.Zip(b, (x, y) => x * y).Sum() / Math.Sqrt(a.Sum(x => x * x) * b.Sum(y => y * y)),
    };
}

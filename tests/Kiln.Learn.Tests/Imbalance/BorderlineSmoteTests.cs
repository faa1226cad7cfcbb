using Kiln.Data;
using Kiln.Learn.Imbalance;

namespace Kiln.Learn.Tests.Imbalance;

public class BorderlineSmoteTests
{
    const int M = 10;
    const int K = 5;

    /// <summary>Minority rows in danger, found by brute force: at least m/2, but not all, of their m nearest rows are of other classes.</summary>
    static HashSet<int> InDanger(Frame features, StringColumn target, string label)
    {
        var all = Enumerable.Range(0, features.RowCount).ToList();
        return [.. all.Where(r => target[r] == label).Where(r =>
        {
            var others = ImbalancedData.Nearest(features, r, all, M).Count(n => target[n] != label);
            return others >= M / 2.0 && others < M;
        })];
    }

    [Fact]
    public void Only_rows_in_danger_seed_synthetic_rows()
    {
        var (features, target) = ImbalancedData.Blobs(major: 60, middle: 0, minor: 25, seed: 4);
        var danger = InDanger(features, target, "minor");
        var minority = Enumerable.Range(0, features.RowCount).Where(r => target[r] == "minor").ToList();
        Assert.NotEmpty(danger);
        Assert.True(danger.Count < minority.Count, "the data should have safe minority rows too");

        var result = new BorderlineSmote { Seed = 2 }.Resample(features, target);
        Assert.Equal(35, result.SyntheticCount);
        for (var i = features.RowCount; i < result.Features.RowCount; i++)
        {
            var point = ImbalancedData.Row(result.Features, i);
            Assert.Contains(danger, seed => ImbalancedData.Nearest(features, seed, minority, K)
                .Any(neighbour => ImbalancedData.OnSegment(point, ImbalancedData.Row(features, seed), ImbalancedData.Row(features, neighbour))));
        }
    }

    [Fact]
    public void Safe_classes_far_from_any_other_get_no_synthetic_rows()
    {
        var x = new double[40];
        var labels = new string[40];
        for (var i = 0; i < 40; i++)
        {
            x[i] = i < 30 ? i : 1000 + i;
            labels[i] = i < 30 ? "major" : "minor";
        }
        var result = new BorderlineSmote().Resample(new Frame(new Float64Column("x", x)), new StringColumn("y", labels));
        Assert.Equal(0, result.SyntheticCount);
    }

    [Fact]
    public void The_same_seed_gives_the_same_rows_and_another_seed_other_rows()
    {
        var (features, target) = ImbalancedData.Blobs(major: 60, middle: 0, minor: 25, seed: 4);
        var first = new BorderlineSmote { Seed = 1 }.Resample(features, target).Features.Column<Float64Column>("x").Values.ToArray();
        Assert.Equal(first, new BorderlineSmote { Seed = 1 }.Resample(features, target).Features.Column<Float64Column>("x").Values.ToArray());
        Assert.NotEqual(first, new BorderlineSmote { Seed = 3 }.Resample(features, target).Features.Column<Float64Column>("x").Values.ToArray());
    }

    [Fact]
    public void Too_few_rows_for_m_neighbours_is_an_error_naming_it()
    {
        var features = new Frame(new Float64Column("x", [1, 2, 3, 4, 5, 6]));
        var target = new StringColumn("y", ["a", "a", "a", "a", "b", "b"]);
        var error = Assert.Throws<ArgumentException>(() => new BorderlineSmote { KNeighbors = 1 }.Resample(features, target));
        Assert.Contains("m-neighbors = 10", error.Message);
    }
}

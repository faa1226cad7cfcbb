using Kiln.Data;
using Kiln.Learn.ModelSelection;

namespace Kiln.Learn.Tests.ModelSelection;

public class StratifiedCountsTests
{
    [Fact]
    public void Apportioned_cells_round_each_exact_share_and_keep_every_total()
    {
        var random = new RandomArrays(12);
        for (var trial = 0; trial < 300; trial++)
        {
            var classes = 1 + Draw(random, 12);
            var counts = Enumerable.Range(0, classes).Select(_ => 1 + Draw(random, 40)).ToArray();
            var n = counts.Sum();
            var first = Draw(random, n + 1);
            var second = Draw(random, n - first + 1);
            int[] sizes = [first, second, n - first - second];

            var cells = StratifiedCounts.Apportion(counts, sizes);

            for (var c = 0; c < classes; c++)
            {
                Assert.Equal(counts[c], cells[c].Sum());
                for (var s = 0; s < 3; s++)
                {
                    var exact = (double)counts[c] * sizes[s] / n;
                    Assert.True(cells[c][s] == Math.Floor(exact) || cells[c][s] == Math.Ceiling(exact), $"trial {trial}: {cells[c][s]} for {exact}");
                }
            }
            for (var s = 0; s < 3; s++) Assert.Equal(sizes[s], cells.Sum(row => row[s]));
        }
    }

    [Fact]
    public void Approximate_mode_gives_leftover_rows_to_the_largest_remainders()
    {
        // scikit-learn 1.2: _approximate_mode([47, 31, 19], 48) is [23 15 10]
        Assert.Equal([23, 15, 10], StratifiedCounts.ApproximateMode([47, 31, 19], 48, new RandomArrays(0)));
    }

    static int Draw(RandomArrays random, int bound)
    {
        var value = new long[1];
        random.Integers(0, bound, 1).FlattenTo(value);
        return (int)value[0];
    }
}

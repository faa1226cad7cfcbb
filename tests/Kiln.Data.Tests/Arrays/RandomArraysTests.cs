using System.Numerics.Tensors;

namespace Kiln.Data.Tests.Arrays;

public class RandomArraysTests
{
    [Fact]
    public void The_same_seed_gives_the_same_values()
    {
        var first = new RandomArrays(seed: 42);
        var second = new RandomArrays(seed: 42);
        Assert.Equal(Values(first.Normal(4, 5)), Values(second.Normal(4, 5)));
        Assert.Equal(Values(first.Uniform(7)), Values(second.Uniform(7)));
        Assert.Equal(Values(first.Integers(0, 10, 6)), Values(second.Integers(0, 10, 6)));
    }

    [Fact]
    public void Different_seeds_give_different_values()
    {
        Assert.NotEqual(Values(new RandomArrays(1).Uniform(5)), Values(new RandomArrays(2).Uniform(5)));
    }

    [Fact]
    public void Seed_zero_still_gives_varied_values()
    {
        var values = Values(new RandomArrays(0).Uniform(100));
        Assert.True(values.Distinct().Count() == 100);
    }

    [Fact]
    public void Normal_values_have_the_requested_mean_and_spread()
    {
        var sample = new RandomArrays(seed: 7).Normal([10_000], 5.0, 2.0);
        Assert.Equal([10_000], sample.Lengths.ToArray());
        // The standard error of the mean of 10k draws with sd 2 is 0.02, so 0.08 is four of them.
        Assert.InRange(Tensor.Average<double>(sample), 4.92, 5.08);
        Assert.InRange(sample.Std(axis: 0, ddof: 1)[0], 1.94, 2.06);
    }

    [Fact]
    public void Standard_normal_values_fall_within_one_sigma_about_68_percent_of_the_time()
    {
        var sample = new RandomArrays(seed: 11).Normal(10_000);
        var inside = Tensor.LessThan<double>(Tensor.Abs<double>(sample), 1.0);
        var share = TensorLayout.RowMajor(inside).Count(true) / 10_000.0;
        Assert.InRange(share, 0.66, 0.70);
    }

    [Fact]
    public void Uniform_values_stay_in_range_and_average_the_midpoint()
    {
        var sample = new RandomArrays(seed: 5).Uniform([10_000], -2.0, 4.0);
        Assert.True(Tensor.Min<double>(sample) >= -2.0);
        Assert.True(Tensor.Max<double>(sample) < 4.0);
        Assert.InRange(Tensor.Average<double>(sample), 0.95, 1.05);
    }

    [Fact]
    public void Uniform_works_in_single_precision()
    {
        var sample = new RandomArrays(seed: 5).Uniform([3, 2], 0f, 1f);
        Assert.Equal([3, 2], sample.Lengths.ToArray());
        Assert.All(Values(sample), v => Assert.InRange(v, 0f, 1f));
    }

    [Fact]
    public void Integers_cover_low_to_high_exclusive_evenly()
    {
        var sample = Values(new RandomArrays(seed: 9).Integers(-1, 3, 8000));
        Assert.Equal([-1L, 0, 1, 2], sample.Distinct().Order());
        foreach (var group in sample.GroupBy(v => v))
            Assert.InRange(group.Count(), 1850, 2150);
    }

    [Fact]
    public void Integers_rejects_an_empty_range_naming_high()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new RandomArrays(1).Integers(3, 3, 2));
        Assert.Equal("high", error.ParamName);
    }

    [Fact]
    public void Normal_rejects_a_negative_standard_deviation()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new RandomArrays(1).Normal([2], 0.0, -1.0));
        Assert.Equal("standardDeviation", error.ParamName);
    }

    [Fact]
    public void Negative_dimensions_are_rejected_naming_the_shape()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new RandomArrays(1).Uniform(2, -1));
        Assert.Equal("shape", error.ParamName);
    }

    [Fact]
    public void Permutation_holds_every_index_once_in_a_seeded_order()
    {
        var order = Values(new RandomArrays(seed: 3).Permutation(50));
        Assert.Equal(Enumerable.Range(0, 50).Select(i => (long)i), order.Order());
        Assert.NotEqual(Enumerable.Range(0, 50).Select(i => (long)i), order);
        Assert.Equal(order, Values(new RandomArrays(seed: 3).Permutation(50)));
    }

    [Fact]
    public void Permuting_a_matrix_moves_whole_rows()
    {
        var x = NDArray.FromRows([[0.0, 0.5], [1.0, 1.5], [2.0, 2.5], [3.0, 3.5]]);
        var shuffled = new RandomArrays(seed: 8).Permutation(x);
        Assert.Equal([4, 2], shuffled.Lengths.ToArray());
        var firsts = new List<double>();
        for (var r = 0; r < 4; r++)
        {
            Assert.Equal(shuffled[r, 0] + 0.5, shuffled[r, 1]);
            firsts.Add(shuffled[r, 0]);
        }
        Assert.Equal([0.0, 1.0, 2.0, 3.0], firsts.Order());
    }

    [Fact]
    public void Shuffle_reorders_in_place_and_keeps_every_value()
    {
        var values = Enumerable.Range(0, 20).ToArray();
        new RandomArrays(seed: 4).Shuffle<int>(values);
        Assert.NotEqual(Enumerable.Range(0, 20), values);
        Assert.Equal(Enumerable.Range(0, 20), values.Order());
    }

    static T[] Values<T>(Tensor<T> x) => TensorLayout.RowMajor(x).ToArray();
}

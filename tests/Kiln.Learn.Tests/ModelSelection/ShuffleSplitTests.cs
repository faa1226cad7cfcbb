using Kiln.Data;
using Kiln.Learn.ModelSelection;

namespace Kiln.Learn.Tests.ModelSelection;

public class ShuffleSplitTests
{
    [Theory]
    // scikit-learn 1.2: ShuffleSplit(test_size=…, train_size=…) on 10 rows gives these (train, test) sizes
    [InlineData(0.25, null, 7, 3)]
    [InlineData(null, 0.5, 5, 5)]
    [InlineData(3.0, null, 7, 3)]
    [InlineData(0.3, 0.5, 5, 3)]
    [InlineData(null, null, 9, 1)]
    public void Sizes_equal_scikit_learn(double? testSize, double? trainSize, int train, int test)
    {
        var fold = new ShuffleSplit(Splits: 1, TestSize: testSize, TrainSize: trainSize).Split(10).Single();
        Assert.Equal(train, fold.Train.Length);
        Assert.Equal(test, fold.Test.Length);
        Assert.Empty(fold.Train.Intersect(fold.Test));
    }

    [Fact]
    public void Each_fold_is_a_new_shuffle_and_the_seed_repeats_them()
    {
        var folds = new ShuffleSplit(Splits: 3, TestSize: 0.3, Seed: 4).Split(30).Select(f => f.Test).ToList();
        Assert.NotEqual(folds[0], folds[1]);
        Assert.Equal(folds, new ShuffleSplit(3, 0.3, Seed: 4).Split(30).Select(f => f.Test).ToList());
        Assert.NotEqual(folds, new ShuffleSplit(3, 0.3, Seed: 5).Split(30).Select(f => f.Test).ToList());
    }

    [Fact]
    public void A_test_size_of_one_or_more_that_is_not_a_row_count_is_an_error()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ShuffleSplit(TestSize: 1.5).Split(10));
        Assert.Equal("testSize", error.ParamName);
    }

    [Fact]
    public void Sizes_beyond_the_rows_are_an_error()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ShuffleSplit(TestSize: 6, TrainSize: 5).Split(10));
        Assert.Contains("exceed the 10 rows", error.Message);
    }

    [Fact]
    public void Stratified_class_counts_equal_scikit_learn()
    {
        var target = new Int64Column("y", [.. Enumerable.Repeat(0L, 47), .. Enumerable.Repeat(1L, 31), .. Enumerable.Repeat(2L, 19)]);
        var folds = new StratifiedShuffleSplit(Splits: 2, TestSize: 0.3, TrainSize: 0.5, Seed: 1).Split(97, target).ToList();
        foreach (var fold in folds)
        {
            // scikit-learn 1.2: StratifiedShuffleSplit(test_size=0.3, train_size=0.5) gives [23 15 10] / [15 10 5]
            Assert.Equal([23, 15, 10], Counts(fold.Train, target));
            Assert.Equal([15, 10, 5], Counts(fold.Test, target));
            Assert.Empty(fold.Train.Intersect(fold.Test));
        }
        Assert.NotEqual(folds[0].Test, folds[1].Test);
    }

    [Fact]
    public void Stratified_splits_are_seeded()
    {
        var target = new StringColumn("y", [.. Enumerable.Range(0, 40).Select(i => i % 4 == 0 ? "rare" : "common")]);
        var first = new StratifiedShuffleSplit(3, 0.25, Seed: 8).Split(40, target).Select(f => f.Test).ToList();
        Assert.Equal(first, new StratifiedShuffleSplit(3, 0.25, Seed: 8).Split(40, target).Select(f => f.Test).ToList());
        Assert.NotEqual(first, new StratifiedShuffleSplit(3, 0.25, Seed: 9).Split(40, target).Select(f => f.Test).ToList());
    }

    [Fact]
    public void A_class_of_one_row_cannot_be_stratified_and_is_named()
    {
        var target = new StringColumn("y", ["a", "a", "b", "a", "a", "a"]);
        var error = Assert.Throws<ArgumentException>(() => new StratifiedShuffleSplit(TestSize: 0.5).Split(6, target));
        Assert.Contains("class 'b' of 'y' has only 1 row", error.Message);
    }

    static int[] Counts(int[] rows, Int64Column target) =>
        [.. Enumerable.Range(0, 3).Select(c => rows.Count(r => target[r] == c))];
}

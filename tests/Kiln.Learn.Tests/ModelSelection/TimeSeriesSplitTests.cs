using Kiln.Data;
using Kiln.Learn.ModelSelection;

namespace Kiln.Learn.Tests.ModelSelection;

public class TimeSeriesSplitTests
{
    [Fact]
    public void Expanding_folds_equal_scikit_learn_indices()
    {
        var folds = new TimeSeriesSplit(Splits: 5).Split(12).ToList();
        // scikit-learn 1.2: TimeSeriesSplit(5) on 12 rows
        Assert.Equal(5, folds.Count);
        Assert.Equal([0, 1], folds[0].Train);
        Assert.Equal([2, 3], folds[0].Test);
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], folds[4].Train);
        Assert.Equal([10, 11], folds[4].Test);
    }

    [Fact]
    public void Gap_test_size_and_max_train_size_equal_scikit_learn_indices()
    {
        var folds = new TimeSeriesSplit(Splits: 3, Gap: 1, TestSize: 2, MaxTrainSize: 3).Split(12).ToList();
        // scikit-learn 1.2: TimeSeriesSplit(3, gap=1, test_size=2, max_train_size=3) on 12 rows
        Assert.Equal([[2, 3, 4], [4, 5, 6], [6, 7, 8]], folds.Select(f => f.Train));
        Assert.Equal([[6, 7], [8, 9], [10, 11]], folds.Select(f => f.Test));
    }

    [Fact]
    public void Every_training_row_comes_before_every_test_row()
    {
        Assert.All(new TimeSeriesSplit(4, Gap: 2).Split(40), f => Assert.True(f.Train.Max() + 2 < f.Test.Min()));
    }

    [Fact]
    public void Too_many_splits_for_the_rows_is_an_error()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new TimeSeriesSplit(Splits: 3, TestSize: 4).Split(12));
        Assert.Contains("leave no training rows among 12", error.Message);
    }

    [Fact]
    public void A_negative_gap_is_an_error_naming_gap()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new TimeSeriesSplit(Gap: -1).Split(12));
        Assert.Equal("Gap", error.ParamName);
    }
}

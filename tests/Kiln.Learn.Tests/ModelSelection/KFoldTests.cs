using Kiln.Data;
using Kiln.Learn.ModelSelection;

namespace Kiln.Learn.Tests.ModelSelection;

public class KFoldTests
{
    [Fact]
    public void Unshuffled_folds_equal_scikit_learn_indices()
    {
        var folds = new KFold(Splits: 3).Split(10).ToList();
        // scikit-learn 1.2: KFold(3).split(np.zeros((10, 1)))
        Assert.Equal([0, 1, 2, 3], folds[0].Test);
        Assert.Equal([4, 5, 6, 7, 8, 9], folds[0].Train);
        Assert.Equal([4, 5, 6], folds[1].Test);
        Assert.Equal([0, 1, 2, 3, 7, 8, 9], folds[1].Train);
        Assert.Equal([7, 8, 9], folds[2].Test);
    }

    [Fact]
    public void The_first_folds_take_the_leftover_rows_as_scikit_learn_does()
    {
        // scikit-learn 1.2: KFold(5) on 12 rows gives test sizes [3, 3, 2, 2, 2]
        Assert.Equal([3, 3, 2, 2, 2], new KFold(Splits: 5).Split(12).Select(f => f.Test.Length));
    }

    [Fact]
    public void Shuffled_folds_test_every_row_exactly_once()
    {
        var folds = new KFold(Splits: 4, Shuffle: true, Seed: 7).Split(23).ToList();
        Assert.Equal(Enumerable.Range(0, 23), folds.SelectMany(f => f.Test).Order());
        Assert.All(folds, f => Assert.Equal(Enumerable.Range(0, 23), f.Train.Concat(f.Test).Order()));
        Assert.Equal([6, 6, 6, 5], folds.Select(f => f.Test.Length));
    }

    [Fact]
    public void The_same_seed_gives_the_same_folds_and_another_seed_other_folds()
    {
        var first = new KFold(5, Shuffle: true, Seed: 1).Split(50).Select(f => f.Test).ToList();
        var again = new KFold(5, Shuffle: true, Seed: 1).Split(50).Select(f => f.Test).ToList();
        var other = new KFold(5, Shuffle: true, Seed: 2).Split(50).Select(f => f.Test).ToList();
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void More_splits_than_rows_is_an_error_naming_splits()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new KFold(Splits: 6).Split(5).ToList());
        Assert.Equal("Splits", error.ParamName);
        Assert.Contains("cannot exceed the number of rows (5)", error.Message);
    }

    [Fact]
    public void Fewer_than_two_splits_is_an_error()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new KFold(Splits: 1).Split(5));
        Assert.Contains("at least 2", error.Message);
    }

    [Fact]
    public void A_fold_takes_its_rows_of_a_frame()
    {
        var frame = new Frame(new Int64Column("id", [10, 11, 12, 13]));
        var (train, test) = new KFold(Splits: 2).Split(4).First().Take(frame);
        Assert.Equal([12L, 13L], train.Column<Int64Column>("id").Values.ToArray());
        Assert.Equal([10L, 11L], test.Column<Int64Column>("id").Values.ToArray());
    }

    [Fact]
    public void A_fold_rejects_a_frame_with_fewer_rows_than_it_holds()
    {
        var fold = new KFold(Splits: 2).Split(6).First();
        var error = Assert.Throws<ArgumentException>(() => fold.Take(new Frame(new Int64Column("id", [1, 2, 3]))));
        Assert.Contains("has 3 rows", error.Message);
    }
}

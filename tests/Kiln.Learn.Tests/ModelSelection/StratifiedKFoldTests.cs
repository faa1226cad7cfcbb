using Kiln.Data;
using Kiln.Learn.ModelSelection;

namespace Kiln.Learn.Tests.ModelSelection;

public class StratifiedKFoldTests
{
    // 7 a, 6 b, 3 c, interleaved
    static readonly StringColumn Target = new("y", [.. "aabbbacbaacbbaca".Select(c => c.ToString())]);

    [Fact]
    public void Unshuffled_folds_equal_scikit_learn_indices()
    {
        var folds = new StratifiedKFold(Splits: 3).Split(16, Target).ToList();
        // scikit-learn 1.2: StratifiedKFold(3).split(X, list("aabbbacbaacbbaca"))
        Assert.Equal([0, 1, 2, 3, 5, 6], folds[0].Test);
        Assert.Equal([4, 7, 8, 9, 10], folds[1].Test);
        Assert.Equal([11, 12, 13, 14, 15], folds[2].Test);
        Assert.Equal([0, 1, 2, 3, 5, 6, 11, 12, 13, 14, 15], folds[1].Train);
    }

    [Fact]
    public void Shuffled_folds_keep_scikit_learn_class_counts_per_fold()
    {
        var folds = new StratifiedKFold(Splits: 4, Shuffle: true, Seed: 3).Split(16, Target).ToList();
        var counts = folds.Select(f => "abc".Select(c => f.Test.Count(r => Target[r] == c.ToString())).ToArray()).ToList();
        // scikit-learn 1.2: per-fold test counts of a, b, c for StratifiedKFold(4, shuffle=True)
        Assert.Equal([[2, 2, 0], [2, 1, 1], [2, 1, 1], [1, 2, 1]], counts);
        Assert.Equal(Enumerable.Range(0, 16), folds.SelectMany(f => f.Test).Order());
    }

    [Fact]
    public void Shuffling_is_seeded()
    {
        var first = new StratifiedKFold(4, true, 5).Split(16, Target).Select(f => f.Test).ToList();
        Assert.Equal(first, new StratifiedKFold(4, true, 5).Split(16, Target).Select(f => f.Test).ToList());
        Assert.NotEqual(first, new StratifiedKFold(4, true, 6).Split(16, Target).Select(f => f.Test).ToList());
    }

    [Fact]
    public void The_target_is_required()
    {
        var error = Assert.Throws<ArgumentNullException>(() => new StratifiedKFold().Split(16));
        Assert.Equal("target", error.ParamName);
    }

    [Fact]
    public void More_splits_than_the_rows_of_every_class_is_an_error()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new StratifiedKFold(Splits: 8).Split(16, Target));
        Assert.Contains("the largest has 7", error.Message);
    }

    [Fact]
    public void A_missing_target_value_is_an_error_naming_the_row()
    {
        var target = new StringColumn("y", ["a", null, "b", "a"]);
        var error = Assert.Throws<ArgumentException>(() => new StratifiedKFold(Splits: 2).Split(4, target));
        Assert.Contains("'y' is missing a value at row 1", error.Message);
    }
}

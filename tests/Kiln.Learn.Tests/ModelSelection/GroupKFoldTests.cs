using Kiln.Data;
using Kiln.Learn.ModelSelection;

namespace Kiln.Learn.Tests.ModelSelection;

public class GroupKFoldTests
{
    static readonly Int64Column Groups = new("patient", [3, 1, 1, 2, 2, 2, 5, 5, 4, 4, 4, 4, 6, 3, 3, 1, 7]);

    [Fact]
    public void Folds_equal_scikit_learn_indices()
    {
        var folds = new GroupKFold(Splits: 3).Split(17, groups: Groups).ToList();
        // scikit-learn 1.2: GroupKFold(3).split(X, groups=[3, 1, 1, 2, 2, 2, 5, 5, 4, 4, 4, 4, 6, 3, 3, 1, 7])
        Assert.Equal([8, 9, 10, 11, 12, 16], folds[0].Test);
        Assert.Equal([0, 1, 2, 13, 14, 15], folds[1].Test);
        Assert.Equal([3, 4, 5, 6, 7], folds[2].Test);
    }

    [Fact]
    public void No_group_is_on_both_sides_of_a_fold()
    {
        foreach (var fold in new GroupKFold(Splits: 4).Split(17, groups: Groups))
        {
            var trainGroups = fold.Train.Select(r => Groups[r]).ToHashSet();
            Assert.DoesNotContain(fold.Test, r => trainGroups.Contains(Groups[r]));
        }
    }

    [Fact]
    public void Text_groups_work_as_numbers_do()
    {
        var names = new StringColumn("patient", [.. Groups.Values.ToArray().Select(g => $"p{g}")]);
        var byName = new GroupKFold(3).Split(17, groups: names).Select(f => f.Test).ToList();
        var byNumber = new GroupKFold(3).Split(17, groups: Groups).Select(f => f.Test).ToList();
        Assert.Equal(byNumber, byName);
    }

    [Fact]
    public void More_splits_than_groups_is_an_error_naming_the_count()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new GroupKFold(Splits: 8).Split(17, groups: Groups));
        Assert.Contains("number of groups in 'patient' (7)", error.Message);
    }

    [Fact]
    public void The_groups_are_required()
    {
        var error = Assert.Throws<ArgumentNullException>(() => new GroupKFold().Split(17));
        Assert.Equal("groups", error.ParamName);
    }
}

using Kiln.Data;
using Kiln.Learn.Cleaning;
using Kiln.Learn.Tests.Features;

namespace Kiln.Learn.Tests.Cleaning;

public class DuplicateRemoverTests
{
    static readonly Frame Sample = new(
        new StringColumn("city", ["Paris", "Lyon", "Paris", "Paris", null, null]),
        new Float64Column("price", [1, 2, 1, 3, double.NaN, double.NaN]));

    [Fact]
    public void Exact_repeats_are_dropped_keeping_the_first()
    {
        var result = new DuplicateRemover().Fit(Sample).FilterRows(Sample);
        // pandas: df.drop_duplicates().index = [0, 1, 3, 4]; missing values equal each other
        Assert.Equal([0, 1, 3, 4], result.KeptRows);
        Assert.Equal(2, result.DroppedBy["duplicate rows"]);
    }

    [Fact]
    public void A_subset_decides_which_columns_make_rows_repeat()
    {
        var result = new DuplicateRemover { Subset = "city" }.Fit(Sample).FilterRows(Sample);
        Assert.Equal([0, 1, 4], result.KeptRows);
    }

    [Fact]
    public void An_unknown_subset_column_lists_the_columns()
    {
        var error = Assert.Throws<ArgumentException>(() => new DuplicateRemover { Subset = "town" }.Fit(Sample));
        Assert.Contains("'town'", error.Message);
        Assert.Contains("city, price", error.Message);
    }

    [Fact]
    public void Transforming_keeps_every_row_and_a_saved_model_filters_the_same()
    {
        var model = new DuplicateRemover { Subset = "city" }.Fit(Sample);
        Assert.Equal(6, model.Transform(Sample).RowCount);
        Assert.Equal(model.FilterRows(Sample).KeptRows, RoundTrip.Through(model).FilterRows(Sample).KeptRows);
    }
}

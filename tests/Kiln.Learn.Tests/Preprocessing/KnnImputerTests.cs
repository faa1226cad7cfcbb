using Kiln.Data;
using Kiln.Learn.Preprocessing;

namespace Kiln.Learn.Tests.Preprocessing;

public class KnnImputerTests
{
    const double NaN = double.NaN;
    static readonly Frame Sample = new(
        new Float64Column("x", [1, 3, NaN, 8, 2, 5]),
        new Float64Column("y", [2, 4, 6, 8, NaN, 1]),
        new Float64Column("z", [NaN, 3, 5, 7, 1, NaN]));

    // scikit-learn: KNNImputer(n_neighbors=k, weights=w).fit_transform(Sample), the cells that were missing
    [Theory]
    [InlineData(NeighborWeighting.Uniform, 1, 1.0, 3.0, 2.0, 3.0)]
    [InlineData(NeighborWeighting.Uniform, 2, 2.0, 5.5, 3.0, 2.0)]
    [InlineData(NeighborWeighting.Uniform, 3, 3.0, 4.0, 2.3333333333333335, 3.0)]
    [InlineData(NeighborWeighting.Distance, 2, 1.6666666666666665, 5.5, 2.7748517734455858, 2.0811765836886584)]
    [InlineData(NeighborWeighting.Distance, 3, 2.1428571428571423, 4.6000000000000005, 2.473895110073326, 2.711887881716144)]
    public void Missing_cells_get_the_average_of_the_nearest_rows_by_nan_euclidean_distance(
        NeighborWeighting weights, int neighbours, double z0, double x2, double y4, double z5)
    {
        var filled = new KnnImputer { NNeighbors = neighbours, Weights = weights }.Fit(Sample).Transform(Sample);
        FrameAssert.Values([1, 3, x2, 8, 2, 5], filled, "x", 1e-9);
        FrameAssert.Values([2, 4, 6, 8, y4, 1], filled, "y", 1e-9);
        FrameAssert.Values([z0, 3, 5, 7, 1, z5], filled, "z", 1e-9);
    }

    [Fact]
    public void A_row_with_no_comparable_neighbour_gets_the_column_mean()
    {
        // scikit-learn: KNNImputer(n_neighbors=2).fit([[nan,1,2],[nan,3,4],[7,nan,nan]]).transform([[5,nan,nan]]) gives [5, 2, 3]
        var fitted = new Frame(new Float64Column("x", [NaN, NaN, 7]), new Float64Column("y", [1, 3, NaN]), new Float64Column("z", [2, 4, NaN]));
        var row = new Frame(new Float64Column("x", [5]), new Float64Column("y", [NaN]), new Float64Column("z", [NaN]));
        var filled = new KnnImputer { NNeighbors = 2 }.Fit(fitted).Transform(row);
        FrameAssert.Rows([[5, 2, 3]], filled);
    }

    [Fact]
    public void A_column_with_no_values_is_an_error_naming_it()
    {
        var frame = new Frame(new Float64Column("a", [1, 2]), new Float64Column("empty", [NaN, NaN]));
        var error = Assert.Throws<SchemaMismatchException>(() => new KnnImputer().Fit(frame));
        Assert.Contains("'empty'", error.Message);
    }

    [Fact]
    public void Rows_without_missing_values_are_left_as_they_are()
    {
        var complete = new Frame(new Float64Column("x", [100]), new Float64Column("y", [-3]), new Float64Column("z", [0.5]));
        FrameAssert.Rows([[100, -3, 0.5]], new KnnImputer().Fit(Sample).Transform(complete));
    }

    [Fact]
    public void A_saved_model_imputes_the_same_values_after_loading()
    {
        var model = new KnnImputer { NNeighbors = 2, Weights = NeighborWeighting.Distance }.Fit(Sample);
        FrameAssert.Identical(model.Transform(Sample), FrameAssert.Reloaded(model).Transform(Sample));
    }
}

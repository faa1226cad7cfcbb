namespace Kiln.Data.Tests.Frames;

public class FeatureMatrixTests
{
    static Frame Houses() => new(
        new Float64Column("area", [50, 80, 120]),
        new StringColumn("city", ["Rome", "Oslo", "Rome"]),
        new BoolColumn("garden", [false, true, true]),
        new Int64Column("rooms", [2, 3, 5]));

    [Fact]
    public void Numbers_and_bools_give_one_feature_and_text_one_per_category_in_text_order()
    {
        var matrix = Houses().ToFeatureMatrix();
        Assert.Equal(["area", "city=Oslo", "city=Rome", "garden", "rooms"], matrix.Features.Select(f => f.Name));
        Assert.Equal(new Feature("city=Oslo", "city", "Oslo"), matrix.Features[1]);
        Assert.Equal((3, 5), (matrix.RowCount, matrix.FeatureCount));
        Assert.Equal([80, 1, 0, 1, 3], matrix.Row(1).ToArray());
        Assert.Equal(1, matrix[2, matrix.IndexOf("city=Rome")]);
    }

    [Fact]
    public void Values_are_row_major()
    {
        var matrix = Houses().ToFeatureMatrix("area", "rooms");
        Assert.Equal([50, 2, 80, 3, 120, 5], matrix.Values.ToArray());
        Assert.Equal(matrix.Values.ToArray(), matrix.Memory.ToArray());
    }

    [Fact]
    public void A_missing_value_is_an_error_naming_the_column_and_row()
    {
        var frame = Houses().WithColumn(new Float64Column("area", [50, 80, double.NaN]));
        var error = Assert.Throws<InvalidOperationException>(() => frame.ToFeatureMatrix());
        Assert.Contains("'area'", error.Message);
        Assert.Contains("row 2", error.Message);
    }

    [Fact]
    public void Missing_values_can_be_kept_as_nan_in_every_feature_they_feed()
    {
        var frame = new Frame(new StringColumn("city", ["Rome", null]), new Float64Column("x", [double.NaN, 1]));
        var matrix = frame.ToFeatureMatrix([], keepMissing: true);
        Assert.True(double.IsNaN(matrix[0, 1]));
        Assert.True(double.IsNaN(matrix[1, 0]));
        Assert.Equal(1, matrix[0, 0]);
    }

    [Fact]
    public void Categories_no_row_uses_give_no_feature()
    {
        var frame = Houses();
        var rome = frame.Filter(frame.Column<StringColumn>("city").EqualTo("Rome"));
        Assert.Equal(["city=Rome"], rome.ToFeatureMatrix("city").Features.Select(f => f.Name));
    }

    [Fact]
    public void Dates_are_refused_naming_the_column()
    {
        var frame = new Frame(new DateTimeColumn("when", [DateTime.UnixEpoch]));
        Assert.Contains("'when'", Assert.Throws<InvalidOperationException>(() => frame.ToFeatureMatrix()).Message);
    }
}

using Kiln.Data;
using Kiln.Learn;

namespace Kiln.Serving.Tests;

public class CsvRowsTests
{
    static readonly InputSchema Schema = new([new InputColumn("x", DataType.Float64), new InputColumn("y", DataType.Float64)]);

    [Fact]
    public void Csv_rows_are_read_in_the_schema_order()
    {
        var frame = CsvRows.Read("y,x\n1,2\n3,4\n", Schema);
        Assert.Equal(["x", "y"], frame.ColumnNames);
        Assert.Equal(4.0, ((Float64Column)frame["x"])[1]);
    }

    [Fact]
    public void An_unknown_csv_column_is_named() =>
        Assert.Equal("z", Assert.Throws<InvalidInputException>(() => CsvRows.Read("x,y,z\n1,2,3\n", Schema)).Field);

    [Fact]
    public void A_missing_csv_column_is_named() =>
        Assert.Equal("y", Assert.Throws<InvalidInputException>(() => CsvRows.Read("x\n1\n", Schema)).Field);

    [Fact]
    public void A_value_that_does_not_parse_names_its_column() =>
        Assert.Contains("y", Assert.Throws<InvalidInputException>(() => CsvRows.Read("x,y\n1,abc\n", Schema)).Message);
}

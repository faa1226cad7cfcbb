namespace Kiln.Data.Tests.IO;

/// <summary>A frame with every column type and a missing value in each, and a strict comparison for round trips.</summary>
static class SampleFrames
{
    public static Frame AllTypes() => new(
        new Float64Column("price", [1.5, double.NaN, -3, 1e-7]),
        new Int64Column("count", [1, 0, long.MaxValue, -4], missing: [false, true, false, false]),
        new BoolColumn("flag", [true, false, false, true], missing: [false, false, true, false]),
        new StringColumn("name", ["ann", null, "zoë \"quoted\"", "ann"]),
        new DateTimeColumn("when", [new(2024, 1, 2), new(2024, 1, 2, 3, 4, 5, 678), default, new(1999, 12, 31, 23, 59, 59)],
            missing: [false, false, true, false]));

    public static void AssertSame(Frame expected, Frame actual)
    {
        Assert.Equal(expected.ColumnNames, actual.ColumnNames);
        Assert.Equal(expected.RowCount, actual.RowCount);
        foreach (var column in expected.Columns)
        {
            var other = actual[column.Name];
            Assert.Equal(column.Type, other.Type);
            for (var row = 0; row < column.Length; row++)
                Assert.True(Equals(column.GetValue(row), other.GetValue(row)),
                    $"column '{column.Name}', row {row}: expected {column.Format(row)}, got {other.Format(row)}");
        }
    }
}

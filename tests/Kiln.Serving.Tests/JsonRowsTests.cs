using System.Text;
using Kiln.Data;
using Kiln.Learn;

namespace Kiln.Serving.Tests;

public class JsonRowsTests
{
    static readonly InputSchema Schema = new([new InputColumn("age", DataType.Float64), new InputColumn("plan", DataType.String), new InputColumn("visits", DataType.Int64)]);

    static Frame Read(string json) => JsonRows.Read(Encoding.UTF8.GetBytes(json), Schema);

    [Fact]
    public void One_object_is_one_row_typed_as_the_schema()
    {
        var frame = Read("""{"plan":"gold","age":41.5,"visits":3}""");
        Assert.Equal(1, frame.RowCount);
        Assert.Equal(["age", "plan", "visits"], frame.ColumnNames);
        Assert.Equal(41.5, ((Float64Column)frame["age"])[0]);
        Assert.Equal("gold", ((StringColumn)frame["plan"])[0]);
        Assert.Equal(DataType.Int64, frame["visits"].Type);
    }

    [Fact]
    public void An_array_gives_one_row_per_object_and_null_is_a_missing_value()
    {
        var frame = Read("""[{"age":1,"plan":"a","visits":1},{"age":null,"plan":null,"visits":null}]""");
        Assert.Equal(2, frame.RowCount);
        Assert.True(frame["age"].IsMissing(1));
        Assert.True(frame["plan"].IsMissing(1));
        Assert.True(frame["visits"].IsMissing(1));
    }

    [Fact]
    public void An_unknown_field_is_named_with_its_row()
    {
        var e = Assert.Throws<InvalidInputException>(() => Read("""[{"age":1,"plan":"a","visits":1},{"age":1,"plan":"a","visits":1,"agee":2}]"""));
        Assert.Equal((1, "agee"), (e.Row, e.Field));
        Assert.Contains("unknown field 'agee'", e.Message);
    }

    [Fact]
    public void A_missing_field_is_named_with_its_row()
    {
        var e = Assert.Throws<InvalidInputException>(() => Read("""{"age":1,"plan":"a"}"""));
        Assert.Equal((0, "visits"), (e.Row, e.Field));
        Assert.Contains("'visits' (int64) is missing", e.Message);
    }

    [Theory]
    [InlineData("""{"age":"old","plan":"a","visits":1}""", "age", "text")]
    [InlineData("""{"age":1,"plan":7,"visits":1}""", "plan", "a number")]
    [InlineData("""{"age":1,"plan":"a","visits":1.5}""", "visits", "a number")]
    public void A_mistyped_field_names_the_field_and_both_types(string json, string field, string given)
    {
        var e = Assert.Throws<InvalidInputException>(() => Read(json));
        Assert.Equal(field, e.Field);
        Assert.Contains($"is {given} but the model takes", e.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{\"age\":")]
    [InlineData("[1]")]
    public void A_body_without_rows_is_refused(string json) =>
        Assert.Throws<InvalidInputException>(() => Read(json));
}

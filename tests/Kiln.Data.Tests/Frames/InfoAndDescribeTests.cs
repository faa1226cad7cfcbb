using System.Text.Json;
using static Kiln.Data.Tests.Frames.ColumnValues;

namespace Kiln.Data.Tests.Frames;

public class InfoAndDescribeTests
{
    static Frame People() => new(
        new Float64Column("age", [1, 2, 3, 4, double.NaN]),
        new Int64Column("visits", [10, 20, 30, 40, 50]),
        new StringColumn("city", ["Oslo", "Rome", "Rome", null, "Oslo"]),
        new BoolColumn("member", [true, false, false, false, true]));

    [Fact]
    public void Info_lists_type_non_null_count_and_memory_per_column()
    {
        var info = People().Info();
        Assert.Equal(5, info.RowCount);
        Assert.Equal(("age", DataType.Float64, 4, 40L), (info.Columns[0].Name, info.Columns[0].Type, info.Columns[0].NonNullCount, info.Columns[0].MemoryBytes));
        Assert.Equal(4, info.Columns[2].NonNullCount);
        var text = info.ToString();
        Assert.Contains("5 rows x 4 columns", text);
        Assert.Contains("types: bool(1), float64(1), int64(1), string(1)", text);
        Assert.Contains("memory: ", text);
    }

    [Fact]
    public void Info_serialises_to_json_with_type_names_users_read()
    {
        var json = JsonSerializer.Serialize(People().Info(), new JsonSerializerOptions(JsonSerializerDefaults.Web));
        Assert.Contains("{\"name\":\"city\",\"type\":\"string\",\"nonNullCount\":4,\"memoryBytes\":84}", json);
        Assert.Contains("\"rowCount\":5", json);
    }

    [Fact]
    public void Describe_gives_sample_std_and_interpolated_quartiles_skipping_missing_values()
    {
        var age = People().Describe()["age"];
        Assert.Equal(4, age.Count);
        Assert.Equal(2.5, age.Mean);
        Assert.Equal(Math.Sqrt(5.0 / 3), age.Std!.Value, 12);
        Assert.Equal((1, 1.75, 2.5, 3.25, 4), (age.Min, age.LowerQuartile, age.Median, age.UpperQuartile, age.Max));
    }

    [Fact]
    public void Describe_covers_numeric_columns_unless_told_otherwise_as_pandas_does()
    {
        Assert.Equal(["age", "visits"], People().Describe().Columns.Select(c => c.Name));
        var onlyText = new Frame(new StringColumn("city", ["a"])).Describe();
        Assert.Equal("city", onlyText.Columns.Single().Name);
    }

    [Fact]
    public void Describe_of_text_and_bools_gives_unique_top_and_frequency()
    {
        var description = People().Describe("city", "member");
        var city = description["city"];
        Assert.Equal((4, 2, "Oslo", 2), (city.Count, city.Unique, city.Top, city.Frequency));
        Assert.Null(city.Mean);
        var member = description["member"];
        Assert.Equal(("False", 3), (member.Top, member.Frequency));
    }

    [Fact]
    public void Describe_prints_like_pandas_and_becomes_a_frame_with_a_row_per_column()
    {
        var description = People().Describe("age", "city");
        var text = description.ToString();
        Assert.Contains("25%", text);
        Assert.Contains("1.75", text);
        Assert.Contains("Oslo", text);
        var frame = description.ToFrame();
        Assert.Equal(["column", "type", "count", "mean", "std", "min", "25%", "50%", "75%", "max", "unique", "top", "freq"], frame.ColumnNames);
        Assert.Equal(["age", "city"], Texts(frame, "column"));
        Assert.True(frame["mean"].IsMissing(1));
        Assert.True(frame["top"].IsMissing(0));
    }

    [Theory]
    [InlineData("repeated")]
    [InlineData("ascending")]
    [InlineData("descending")]
    [InlineData("constant")]
    [InlineData("spread")]
    public void Describe_quartiles_match_a_full_sort(string pattern)
    {
        var random = new Random(3);
        foreach (var length in new[] { 1, 2, 7, 100, 10_001, 200_000 })
        {
            var values = new double[length];
            for (var i = 0; i < length; i++)
                values[i] = pattern switch
                {
                    "repeated" => random.Next(50),
                    "ascending" => i,
                    "descending" => -i,
                    "constant" => 4,
                    _ => random.NextDouble() * 1e6 - 5e5,
                };
            var summary = new Frame(new Float64Column("x", values)).Describe()["x"];
            var sorted = values.Order().ToArray();
            double Quantile(double q)
            {
                var position = q * (length - 1);
                var below = (int)Math.Floor(position);
                var above = Math.Min(below + 1, length - 1);
                return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
            }
            Assert.Equal(Quantile(0.25), summary.LowerQuartile!.Value, 12);
            Assert.Equal(Quantile(0.5), summary.Median!.Value, 12);
            Assert.Equal(Quantile(0.75), summary.UpperQuartile!.Value, 12);
        }
    }

    [Fact]
    public void Describe_serialises_to_json_without_absent_statistics_failing()
    {
        var json = JsonSerializer.Serialize(People().Describe("age", "city"));
        Assert.Contains("\"Top\":\"Oslo\"", json);
        Assert.Contains("\"Mean\":2.5", json);
    }
}

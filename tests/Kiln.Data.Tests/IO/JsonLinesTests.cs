using Kiln.Testing;

namespace Kiln.Data.Tests.IO;

public class JsonLinesTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Types_are_inferred_across_all_rows()
    {
        var frame = JsonLines.ReadText("""
            {"id": 1, "score": 2, "ok": true, "name": "ann", "when": "2024-03-01"}
            {"id": 2, "score": 2.5, "ok": false, "name": "bob", "when": "2024-03-02T10:30:00"}
            """);
        Assert.Equal(DataType.Int64, frame["id"].Type);
        Assert.Equal(DataType.Float64, frame["score"].Type);
        Assert.Equal(DataType.Bool, frame["ok"].Type);
        Assert.Equal(DataType.String, frame["name"].Type);
        Assert.Equal(DataType.DateTime, frame["when"].Type);
        Assert.Equal(2.0, frame.Column<Float64Column>("score")[0]);
        Assert.Equal(new DateTime(2024, 3, 2, 10, 30, 0), frame.Column<DateTimeColumn>("when")[1]);
    }

    [Fact]
    public void Null_and_absent_keys_are_missing_values()
    {
        var frame = JsonLines.ReadText("""
            {"a": 1, "b": "x"}
            {"a": null}
            {"c": true}
            """);
        Assert.Equal(["a", "b", "c"], frame.ColumnNames);
        Assert.Equal(3, frame.RowCount);
        Assert.True(frame["a"].IsMissing(1));
        Assert.True(frame["a"].IsMissing(2));
        Assert.True(frame["b"].IsMissing(1));
        Assert.True(frame["c"].IsMissing(0));
        Assert.Equal(DataType.Int64, frame["a"].Type);
        Assert.Equal(DataType.Bool, frame["c"].Type);
    }

    [Fact]
    public void Dates_stay_strings_when_inference_is_turned_off()
    {
        var frame = JsonLines.ReadText("{\"d\": \"2024-03-01\"}", new JsonLinesOptions { InferDateTimes = false });
        Assert.Equal("2024-03-01", frame.Column<StringColumn>("d")[0]);
    }

    [Fact]
    public void A_column_with_one_non_date_string_stays_string()
    {
        var frame = JsonLines.ReadText("{\"d\": \"2024-03-01\"}\n{\"d\": \"soon\"}");
        Assert.Equal(DataType.String, frame["d"].Type);
    }

    [Fact]
    public void Timestamps_with_an_offset_are_brought_to_utc()
    {
        var frame = JsonLines.ReadText("{\"t\": \"2024-03-01T12:00:00+02:00\"}");
        Assert.Equal(new DateTime(2024, 3, 1, 10, 0, 0), frame.Column<DateTimeColumn>("t")[0]);
    }

    [Fact]
    public void Mixed_kinds_keep_each_value_as_text()
    {
        var frame = JsonLines.ReadText("{\"v\": 1}\n{\"v\": \"one\"}\n{\"v\": true}\n{\"v\": [1, 2]}");
        var v = frame.Column<StringColumn>("v");
        Assert.Equal(["1", "one", "true", "[1, 2]"], Enumerable.Range(0, 4).Select(i => v[i]));
    }

    [Fact]
    public void A_malformed_line_names_the_file_and_line()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("events.jsonl");
        File.WriteAllText(path, "{\"a\": 1}\n\n{\"a\": 2,}\n");
        var error = Assert.Throws<DataFormatException>(() => JsonLines.Read(path, cancellationToken: Ct));
        Assert.Equal(3, error.Line);
        Assert.Contains($"{path}:3", error.Message);
    }

    [Fact]
    public void A_line_that_is_not_an_object_is_rejected_with_its_line()
    {
        var error = Assert.Throws<DataFormatException>(() => JsonLines.ReadText("{\"a\": 1}\n[1, 2]", source: "rows.jsonl"));
        Assert.Contains("rows.jsonl:2", error.Message);
        Assert.Contains("expected a JSON object", error.Message);
    }

    [Fact]
    public void Two_values_on_one_line_are_rejected()
    {
        var error = Assert.Throws<DataFormatException>(() => JsonLines.ReadText("{\"a\": 1} {\"a\": 2}"));
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void Every_column_type_round_trips_with_missing_values()
    {
        var frame = SampleFrames.AllTypes();
        using var folder = new TemporaryFolder();
        var path = folder.File("all.jsonl");
        JsonLines.Write(frame, path, Ct);
        SampleFrames.AssertSame(frame, JsonLines.Read(path, cancellationToken: Ct));
    }

    [Fact]
    public void Whole_floats_are_written_with_a_decimal_point_so_they_read_back_as_float64()
    {
        var text = JsonLines.WriteText(new Frame(new Float64Column("x", [1, 2])));
        Assert.Equal("{\"x\":1.0}\n{\"x\":2.0}\n", text);
        Assert.Equal(DataType.Float64, JsonLines.ReadText(text)["x"].Type);
    }

    [Fact]
    public void Infinity_cannot_be_written_and_the_old_file_survives()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("out.jsonl");
        File.WriteAllText(path, "{\"kept\": 1}\n");
        var error = Assert.Throws<ArgumentException>(() =>
            JsonLines.Write(new Frame(new Float64Column("ratio", [1, double.PositiveInfinity])), path, Ct));
        Assert.Contains("'ratio', row 1", error.Message);
        Assert.Equal("{\"kept\": 1}\n", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(folder.Path));
    }
}

using System.Text.Json;
using Kiln.Testing;

namespace Kiln.Cli.Tests;

public class DataHeadTests
{
    [Fact]
    public void Head_prints_the_first_rows_as_a_table()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("p.csv"), "name,age\nAnn,31\nBob,40\nCy,22\n");
        var run = CliRun.Of("data", "head", folder.File("p.csv"), "-n", "2");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Bob", run.Output);
        Assert.DoesNotContain("Cy", run.Output);
    }

    [Fact]
    public void Head_with_json_prints_records_with_nulls_for_missing()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("p.csv"), "name,age\nAnn,\nBob,40\n");
        var run = CliRun.Of("data", "head", folder.File("p.csv"), "--json");
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(JsonValueKind.Null, json.RootElement[0].GetProperty("age").ValueKind);
        Assert.Equal(40, json.RootElement[1].GetProperty("age").GetInt64());
    }

    [Fact]
    public void A_missing_file_exits_66_with_one_line_naming_it()
    {
        var run = CliRun.Of("data", "head", "/nowhere/x.csv");
        Assert.Equal(66, run.ExitCode);
        Assert.Equal("kiln: /nowhere/x.csv: no such file", run.Error.Trim());
    }

    [Fact]
    public void A_ragged_row_exits_65_naming_file_and_line()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("r.csv");
        File.WriteAllText(path, "a,b\n1,2\n3\n");
        var run = CliRun.Of("data", "head", path);
        Assert.Equal(65, run.ExitCode);
        Assert.Equal($"kiln: {path}:3: expected 2 fields, found 1", run.Error.Trim());
    }

    [Fact]
    public void Text_in_a_forced_number_column_exits_65_naming_line_and_column()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("t.csv");
        File.WriteAllText(path, "a,b\n1,2\n3,x\n");
        var run = CliRun.Of("data", "head", path, "--type", "b:int64");
        Assert.Equal(65, run.ExitCode);
        Assert.Equal($"kiln: {path}:3, column 'b': 'x' is not an int64", run.Error.Trim());
    }

    [Fact]
    public void A_malformed_type_option_is_a_usage_error()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("t.csv"), "a\n1\n");
        var run = CliRun.Of("data", "head", folder.File("t.csv"), "--type", "a=int");
        Assert.Equal(64, run.ExitCode);
        Assert.Contains("NAME:TYPE", run.Error);
    }
}

using System.Text.Json;
using Kiln.Testing;

namespace Kiln.Cli.Tests;

public class DataCommandsTests
{
    const string People = "name,age,city\nAnn,31,Paris\nBob,,Lyon\nCy,22,Paris\nDi,40,Nice\n";

    static string Write(TemporaryFolder folder, string content = People)
    {
        var path = folder.File("people.csv");
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Info_prints_types_and_non_missing_counts()
    {
        using var folder = new TemporaryFolder();
        var run = CliRun.Of("data", "info", Write(folder), "--json");
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var age = json.RootElement.GetProperty("columns")[1];
        Assert.Equal("int64", age.GetProperty("type").GetString());
        Assert.Equal(3, age.GetProperty("nonNullCount").GetInt32());
    }

    [Fact]
    public void Describe_gives_pandas_statistics()
    {
        using var folder = new TemporaryFolder();
        var run = CliRun.Of("data", "describe", Write(folder), "--json");
        using var json = JsonDocument.Parse(run.Output);
        var age = json.RootElement[0];
        Assert.Equal(31, age.GetProperty("mean").GetDouble(), 1e-12);
        Assert.Equal(9, age.GetProperty("std").GetDouble(), 1e-12);
        Assert.Contains("mean", CliRun.Of("data", "describe", Write(folder)).Output);
    }

    [Fact]
    public void Profile_writes_the_report_and_json_with_the_same_numbers_it_prints()
    {
        using var folder = new TemporaryFolder();
        var run = CliRun.Of("data", "profile", Write(folder), "--target", "city", "--out", folder.Path, "--json");
        Assert.Equal(0, run.ExitCode);
        using var printed = JsonDocument.Parse(run.Output);
        using var saved = JsonDocument.Parse(File.ReadAllText(folder.File("people-profile.json")));
        Assert.Equal(printed.RootElement.ToString(), saved.RootElement.ToString());
        Assert.Equal(1, printed.RootElement.GetProperty("missingCells").GetInt32());
        Assert.Equal("Paris", printed.RootElement.GetProperty("target").GetProperty("classes")[0].GetProperty("value").GetString());
        var html = File.ReadAllText(folder.File("people-profile.html"));
        Assert.Contains("<svg", html);
        Assert.Contains("Target: city", html);
    }

    [Fact]
    public void A_parquet_file_is_read_like_its_csv()
    {
        using var folder = new TemporaryFolder();
        var parquet = folder.File("people.parquet");
        Kiln.Data.ParquetFile.Write(Kiln.Data.CsvReader.Read(Write(folder)), parquet);
        var run = CliRun.Of("data", "describe", parquet, "--json");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(CliRun.Of("data", "describe", Write(folder), "--json").Output, run.Output);
    }

    [Fact]
    public void A_binary_file_of_another_format_is_a_usage_error_listing_the_formats()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("people.xlsx");
        File.WriteAllBytes(path, [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
        var run = CliRun.Of("data", "info", path);
        Assert.Equal(64, run.ExitCode);
        Assert.Contains("people.xlsx: this '.xlsx' file is not text", run.Error);
        Assert.Contains("Parquet (.parquet)", run.Error);
    }

    [Fact]
    public void A_text_file_of_another_extension_reads_as_csv()
    {
        using var folder = new TemporaryFolder();
        var run = CliRun.Of("data", "describe", folder.WriteFile("people.txt", People), "--json");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(CliRun.Of("data", "describe", Write(folder), "--json").Output, run.Output);
    }

    [Fact]
    public void Profile_with_an_unknown_target_is_a_usage_error()
    {
        using var folder = new TemporaryFolder();
        var run = CliRun.Of("data", "profile", Write(folder), "--target", "town", "--out", folder.Path);
        Assert.Equal(64, run.ExitCode);
        Assert.Contains("'town'", run.Error);
        Assert.False(File.Exists(folder.File("people-profile.html")));
    }

    [Theory]
    [InlineData("hist", "age", null, "png")]
    [InlineData("scatter", "age", "age", "svg")]
    [InlineData("bar", "city", null, "png")]
    [InlineData("bar", "city", "age", "svg")]
    [InlineData("box", "age", null, "png")]
    [InlineData("box", "city", "age", "png")]
    [InlineData("line", "age", "age", "png")]
    [InlineData("heatmap", null, null, "svg")]
    public void Plot_writes_each_kind_of_chart(string kind, string? x, string? y, string extension)
    {
        using var folder = new TemporaryFolder();
        var content = "name,age,height,city\nAnn,31,1.6,Paris\nBob,,1.8,Lyon\nCy,22,1.7,Paris\nDi,40,1.9,Nice\n";
        var outPath = folder.File($"chart.{extension}");
        List<string> args = ["data", "plot", Write(folder, content), "--kind", kind, "--out", outPath];
        if (x is not null) args.AddRange(["--x", x]);
        if (y is not null) args.AddRange(["--y", y]);
        var run = CliRun.Of([.. args]);
        Assert.True(run.ExitCode == 0, run.Error);
        var bytes = File.ReadAllBytes(outPath);
        if (extension == "png") Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        else Assert.Contains("<svg", File.ReadAllText(outPath));
    }

    [Fact]
    public void Plot_of_a_text_column_as_numbers_names_the_column()
    {
        using var folder = new TemporaryFolder();
        var run = CliRun.Of("data", "plot", Write(folder), "--kind", "hist", "--x", "city", "--out", folder.File("h.png"));
        Assert.Equal(64, run.ExitCode);
        Assert.Contains("column 'city' is string", run.Error);
    }

    [Fact]
    public void Plot_to_an_unknown_image_type_writes_nothing()
    {
        using var folder = new TemporaryFolder();
        var run = CliRun.Of("data", "plot", Write(folder), "--kind", "hist", "--x", "age", "--out", folder.File("h.gif"));
        Assert.Equal(64, run.ExitCode);
        Assert.False(File.Exists(folder.File("h.gif")));
    }

    [Fact]
    public void Titanic_profile_json_reports_the_missing_ages_and_cabins()
    {
        using var folder = new TemporaryFolder();
        var run = CliRun.Of("data", "profile", SharedFolder.RequireDataset("titanic/train.csv"), "--target", "Survived", "--out", folder.Path, "--json");
        using var json = JsonDocument.Parse(run.Output);
        var columns = json.RootElement.GetProperty("columns").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        Assert.Equal(177, columns["Age"].GetProperty("missing").GetInt32());
        Assert.Equal(687, columns["Cabin"].GetProperty("missing").GetInt32());
        Assert.Equal(342, json.RootElement.GetProperty("target").GetProperty("classes")[1].GetProperty("count").GetInt32());
    }
}

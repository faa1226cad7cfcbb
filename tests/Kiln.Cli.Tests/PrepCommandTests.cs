using System.Text;
using System.Text.Json;
using Kiln.Learn;
using Kiln.Testing;

namespace Kiln.Cli.Tests;

public class PrepCommandTests
{
    static string Table(TemporaryFolder folder, Func<int, string>? row = null)
    {
        var text = new StringBuilder("age,income,city,label\n");
        for (var i = 0; i < 100; i++)
            text.AppendLine(row?.Invoke(i) ?? $"{20 + i % 40},{(i % 9 == 0 ? "" : (1000 + i * 13).ToString())},{(i % 2 == 0 ? "Paris" : "Lyon")},{(i % 5 == 0 ? "yes" : "no")}");
        var path = folder.File("people.csv");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    [Fact]
    public void Prep_writes_splits_pipeline_report_and_readme_together()
    {
        using var folder = new TemporaryFolder();
        var outFolder = folder.File("out");
        var run = CliRun.Of("prep", Table(folder), "--target", "label", "--stratify", "--derive", "income_per_year=income/age",
            "--out", outFolder, "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(["README.md", "preprocessing.kiln", "report.html", "test.csv", "train.csv", "validation.csv"],
            Directory.GetFiles(outFolder).Select(Path.GetFileName).Order());
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(60, json.RootElement.GetProperty("rows").GetProperty("train").GetInt32());
        var train = Kiln.Data.Frame.ReadCsv(Path.Combine(outFolder, "train.csv"));
        Assert.Contains("income_per_year", train.ColumnNames);
        Assert.Contains("city=Paris", train.ColumnNames);
        Assert.Equal(0, train.Columns.Sum(c => c.MissingCount));
        var pipeline = (ITransformerModel)ModelPackage.Load(Path.Combine(outFolder, "preprocessing.kiln"));
        Assert.Contains("income_per_year", pipeline.OutputNames);
    }

    [Fact]
    public void A_ragged_row_writes_nothing()
    {
        using var folder = new TemporaryFolder();
        var path = Table(folder, i => i == 50 ? "1,2" : $"{i},{i},Paris,{(i % 2 == 0 ? "yes" : "no")}");
        var run = CliRun.Of("prep", path, "--target", "label", "--out", folder.File("out"));
        Assert.Equal(65, run.ExitCode);
        Assert.Contains("people.csv:52: expected 4 fields, found 2", run.Error);
        Assert.False(Directory.Exists(folder.File("out")));
    }

    [Fact]
    public void An_all_missing_column_writes_nothing()
    {
        using var folder = new TemporaryFolder();
        var path = Table(folder, i => $"{i},,Paris,{(i % 2 == 0 ? "yes" : "no")}");
        var run = CliRun.Of("prep", path, "--target", "label", "--out", folder.File("out"));
        Assert.Equal(65, run.ExitCode);
        Assert.Contains("column 'income': has no values", run.Error);
        Assert.False(Directory.Exists(folder.File("out")));
    }

    [Fact]
    public void A_target_with_one_class_writes_nothing()
    {
        using var folder = new TemporaryFolder();
        var path = Table(folder, i => $"{i},{i * 3},Paris,no");
        var run = CliRun.Of("prep", path, "--target", "label", "--out", folder.File("out"));
        Assert.Equal(65, run.ExitCode);
        Assert.Contains("single class", run.Error);
        Assert.False(Directory.Exists(folder.File("out")));
    }

    [Fact]
    public void An_output_folder_holding_other_files_is_left_alone()
    {
        using var folder = new TemporaryFolder();
        var outFolder = Directory.CreateDirectory(folder.File("mine")).FullName;
        File.WriteAllText(Path.Combine(outFolder, "thesis.docx"), "precious");
        var run = CliRun.Of("prep", Table(folder), "--target", "label", "--out", outFolder);
        Assert.Equal(64, run.ExitCode);
        Assert.Equal("precious", File.ReadAllText(Path.Combine(outFolder, "thesis.docx")));
    }

    [Fact]
    public void A_bad_split_is_a_usage_error()
    {
        using var folder = new TemporaryFolder();
        var run = CliRun.Of("prep", Table(folder), "--target", "label", "--split", "70/20/20", "--out", folder.File("out"));
        Assert.Equal(64, run.ExitCode);
        Assert.False(Directory.Exists(folder.File("out")));
    }

    [Fact]
    public void Housing_prep_with_a_derived_feature_documents_its_fitted_values()
    {
        using var folder = new TemporaryFolder();
        var run = CliRun.Of("prep", SharedFolder.RequireDataset("housing/housing.csv"), "--target", "median_house_value",
            "--derive", "rooms_per_household=total_rooms/households", "--out", folder.File("housing"));
        Assert.True(run.ExitCode == 0, run.Error);
        var readme = File.ReadAllText(Path.Combine(folder.File("housing"), "README.md"));
        Assert.Contains("`total_bedrooms` 207 (1.0%)", readme);
        Assert.Contains("`rooms_per_household=total_rooms/households`", readme);
        Assert.Contains("`ocean_proximity`: <1H OCEAN, INLAND, ISLAND, NEAR BAY, NEAR OCEAN", readme);
    }
}

using System.Text.Json;

namespace Kiln.Cli.Tests;

[Collection(nameof(KilnHomeCollection))]
public class DatasetsCommandTests
{
    [Fact]
    public void List_as_json_names_every_dataset_the_workbook_needs()
    {
        using var home = new TemporaryKilnHome();
        var run = CliRun.Of("datasets", "list", "--json");
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var names = json.RootElement.EnumerateArray().Select(e => e.GetProperty("name").GetString()).ToList();
        foreach (var name in new[] { "iris", "titanic", "california-housing", "mnist", "fashion-mnist", "sms-spam", "telco-churn" })
            Assert.Contains(name, names);
    }

    [Fact]
    public void Get_iris_puts_the_verified_file_in_the_cache_and_list_then_shows_it_cached()
    {
        using var home = new TemporaryKilnHome();
        var run = CliRun.Of("datasets", "get", "iris");
        Assert.Equal(0, run.ExitCode);
        var folder = run.Output.Trim().Split('\n')[^1];
        Assert.StartsWith(home.Path, folder);
        Assert.Equal(151, File.ReadAllLines(Path.Combine(folder, "iris.csv")).Length);

        using var json = JsonDocument.Parse(CliRun.Of("datasets", "list", "--json").Output);
        var iris = json.RootElement.EnumerateArray().Single(e => e.GetProperty("name").GetString() == "iris");
        Assert.True(iris.GetProperty("cached").GetBoolean());
    }

    [Fact]
    public void Get_of_an_unknown_name_is_a_usage_error_listing_the_names()
    {
        using var home = new TemporaryKilnHome();
        var run = CliRun.Of("datasets", "get", "irs");
        Assert.Equal(64, run.ExitCode);
        Assert.Contains("iris", run.Error);
    }
}

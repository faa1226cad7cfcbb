using System.Text.Json;

namespace Kiln.Cli.Tests;

public class ModelsCommandsTests
{
    [Fact]
    public void List_shows_every_catalog_entry_once()
    {
        using var json = JsonDocument.Parse(CliRun.Of("models", "list", "--json").Output);
        var names = json.RootElement.EnumerateArray().Select(e => e.GetProperty("name").GetString()).ToList();
        Assert.Contains("one-hot-encoder", names);
        Assert.Contains("smote", names);
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Fact]
    public void Show_gives_each_parameter_with_default_and_allowed_values()
    {
        using var json = JsonDocument.Parse(CliRun.Of("models", "show", "simple-imputer", "--json").Output);
        var strategy = json.RootElement.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "strategy");
        Assert.Equal("mean", strategy.GetProperty("default").GetString());
        Assert.Contains("most-frequent", strategy.GetProperty("allowed").GetString());
    }

    [Fact]
    public void Show_of_an_unknown_name_lists_the_catalog()
    {
        var run = CliRun.Of("models", "show", "standard-scalar");
        Assert.Equal(64, run.ExitCode);
        Assert.Contains("standard-scaler", run.Error);
    }
}

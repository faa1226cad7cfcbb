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
    public void Show_gives_the_ranges_kiln_tune_searches_by_default()
    {
        using var json = JsonDocument.Parse(CliRun.Of("models", "show", "random-forest-classifier", "--json").Output);
        var depth = json.RootElement.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "max-depth");
        Assert.Equal("int(2,20)", depth.GetProperty("search").GetString());
        Assert.Contains("`kiln tune` searches by default: max-features=sqrt,log2,0.5;max-depth=int(2,20);min-samples-leaf=int(1,20)",
            CliRun.Of("models", "show", "random-forest-classifier").Output);
    }

    [Fact]
    public void Show_of_an_unknown_name_lists_the_catalog()
    {
        var run = CliRun.Of("models", "show", "standard-scalar");
        Assert.Equal(64, run.ExitCode);
        Assert.Contains("standard-scaler", run.Error);
    }
}

using System.Text.Json;
using Kiln.Data;
using Kiln.Testing;

namespace Kiln.Cli.Tests;

/// <summary><c>kiln data split</c>: a file's rows, as they are, into train, validation and test files.</summary>
public class SplitCommandTests
{
    [Fact]
    public void A_stratified_split_keeps_every_row_once_and_each_class_share()
    {
        using var folder = new TemporaryFolder();
        var data = folder.WriteFile("customers.csv", Customers.Csv(400));
        var splits = folder.File("split");

        var run = CliRun.Of("data", "split", data, "--out", splits, "--split", "60/20/20", "--stratify", "churn", "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal([("train.csv", 240), ("validation.csv", 80), ("test.csv", 80)],
            json.RootElement.GetProperty("splits").EnumerateArray().Select(s => (s.GetProperty("file").GetString(), s.GetProperty("rowCount").GetInt32())));
        var original = Frame.ReadCsv(data);
        var parts = new[] { "train.csv", "validation.csv", "test.csv" }.Select(f => Frame.ReadCsv(Path.Combine(splits, f))).ToList();
        Assert.All(parts, p => Assert.Equal(original.ColumnNames, p.ColumnNames));
        // every row once: the rows as text, sorted, are the original's
        static IEnumerable<string> Rows(Frame frame) => Enumerable.Range(0, frame.RowCount).Select(r => string.Join(',', frame.Columns.Select(c => c.Format(r))));
        Assert.Equal(Rows(original).Order(), parts.SelectMany(Rows).Order());
        var share = ShareOfYes(original);
        Assert.All(parts, p => Assert.InRange(ShareOfYes(p), share - 0.02, share + 0.02));
    }

    static double ShareOfYes(Frame frame) => (double)Enumerable.Range(0, frame.RowCount).Count(r => frame["churn"].Format(r) == "yes") / frame.RowCount;

    [Fact]
    public void The_same_seed_gives_the_same_split_and_another_seed_another()
    {
        using var folder = new TemporaryFolder();
        var data = folder.WriteFile("customers.csv", Customers.Csv(200));
        string Test(string name, string seed)
        {
            Assert.Equal(0, CliRun.Of("data", "split", data, "--out", folder.File(name), "--seed", seed).ExitCode);
            return File.ReadAllText(Path.Combine(folder.File(name), "test.csv"));
        }

        Assert.Equal(Test("a", "1"), Test("b", "1"));
        Assert.NotEqual(Test("a", "1"), Test("c", "2"));
        Assert.False(File.Exists(Path.Combine(folder.File("a"), "validation.csv")));
    }

    [Theory]
    [InlineData("--stratify", "plan", "no column named 'plan'")]
    [InlineData("--split", "90/20", "100")]
    public void A_bad_option_is_a_usage_error_naming_it(string option, string value, string message)
    {
        using var folder = new TemporaryFolder();
        var data = folder.WriteFile("customers.csv", Customers.Csv(50));
        var run = CliRun.Of("data", "split", data, "--out", folder.File("split"), option, value);
        Assert.Equal(64, run.ExitCode);
        Assert.Contains(message, run.Error);
        Assert.False(Directory.Exists(folder.File("split")));
    }

    [Fact]
    public void Two_ways_of_keeping_rows_apart_at_once_are_refused()
    {
        using var folder = new TemporaryFolder();
        var data = folder.WriteFile("customers.csv", Customers.Csv(50));
        var run = CliRun.Of("data", "split", data, "--out", folder.File("split"), "--stratify", "churn", "--group", "contract");
        Assert.Equal(64, run.ExitCode);
        Assert.Contains("--stratify and --group", run.Error);
    }
}

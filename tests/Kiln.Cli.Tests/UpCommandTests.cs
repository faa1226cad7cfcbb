namespace Kiln.Cli.Tests;

[Collection(nameof(KilnHomeCollection))]
public class UpCommandTests
{
    [Fact]
    public void Up_profiles_the_bundled_iris_and_prints_the_report_path()
    {
        using var home = new TemporaryKilnHome();
        var run = CliRun.Of("up");
        Assert.Equal(0, run.ExitCode);
        var report = Path.Combine(home.Path, "reports", "iris-profile.html");
        Assert.Contains(report, run.Output);
        var html = File.ReadAllText(report);
        Assert.Contains("Target: species (classification)", html);
        Assert.Contains("petal_length", html);
    }
}

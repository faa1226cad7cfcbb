using Kiln.Learn;

namespace Kiln.Cli.Tests;

public class ProgressLineTests
{
    static string[] Lines(params FitProgress[] reports)
    {
        var writer = new StringWriter();
        var progress = new ProgressLine(writer, "train");
        foreach (var report in reports) progress.Report(report);
        return writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public void A_report_behind_the_last_tenth_shown_is_left_out_as_parallel_work_reports_out_of_order()
    {
        Assert.Equal(["train: trees 0/100", "train: trees 80/100", "train: trees 100/100"],
            Lines(new("trees", 0, 100), new("trees", 80, 100), new("trees", 71, 100), new("trees", 100, 100)));
    }

    [Fact]
    public void A_stage_begun_again_is_shown_from_its_start()
    {
        Assert.Equal(["train: trees 0/10", "train: trees 10/10", "train: trees 0/10", "train: trees 5/10"],
            Lines(new("trees", 0, 10), new("trees", 10, 10), new("trees", 0, 10), new("trees", 5, 10)));
    }
}

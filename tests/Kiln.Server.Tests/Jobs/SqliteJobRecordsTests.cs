using Kiln.Server.Jobs;
using Kiln.Testing;
using Kiln.Tracking;

namespace Kiln.Server.Tests.Jobs;

public class SqliteJobRecordsTests
{
    [Fact]
    public void Fields_written_apart_are_kept_together_and_read_back_when_the_file_is_opened_again()
    {
        using var folder = new TemporaryFolder();
        var file = folder.File("tracking.jobs.db");
        using (var records = new SqliteJobRecords(file))
        {
            records.Create("job:1", new Dictionary<string, string> { ["status"] = "queued", ["owner"] = "ada" }, [new("jobs:ada", "1", 5)]);
            records.Write("job:1", [new("status", "running"), new("stage", "fits")]);
            records.Write("job:1", [new("cancel", "1")]);
        }

        using var again = new SqliteJobRecords(file);

        Assert.Equal(new Dictionary<string, string> { ["status"] = "running", ["owner"] = "ada", ["stage"] = "fits", ["cancel"] = "1" }, again.Read("job:1"));
        Assert.Empty(again.Read("job:2"));
        Assert.Equal(["1"], again.Members("jobs:ada"));
        Assert.Empty(again.Members("jobs:bob"));
    }

    [Fact]
    public void Members_of_a_set_come_in_the_order_of_their_scores()
    {
        using var folder = new TemporaryFolder();
        using var records = new SqliteJobRecords(folder.File("tracking.jobs.db"));
        foreach (var (member, score) in new[] { ("c", 3.0), ("a", 1.0), ("b", 2.0) })
            records.Create("job:" + member, new Dictionary<string, string> { ["status"] = "queued" }, [new("all", member, score)]);

        Assert.Equal(["a", "b", "c"], records.Members("all"));
    }

    [Fact]
    public void The_file_is_refused_to_a_second_opener_until_the_first_lets_it_go()
    {
        using var folder = new TemporaryFolder();
        var file = folder.File("tracking.jobs.db");
        var first = new SqliteJobRecords(file);

        var refused = Assert.Throws<TrackingUnavailableException>(() => new SqliteJobRecords(file));
        Assert.Contains(file, refused.Message);

        first.Dispose();
        using var second = new SqliteJobRecords(file);
        Assert.Empty(second.Members("all"));
    }

    [Fact]
    public void The_jobs_of_a_tracking_database_are_kept_in_a_file_beside_it_named_after_it()
    {
        Assert.Equal("/store/tracking.jobs.db", SqliteJobRecords.FileBeside("/store/tracking.db"));
        Assert.Equal("/store/team.jobs.db", SqliteJobRecords.FileBeside("/store/team.sqlite"));
    }
}

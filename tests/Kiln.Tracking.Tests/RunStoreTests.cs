namespace Kiln.Tracking.Tests;

public class RunStoreTests
{
    [Theory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public async Task A_run_records_how_it_was_made_and_ends_with_a_status_and_end_time(string backend)
    {
        await using var test = await TestStore.OpenAsync(backend);
        var runs = test.Store.Runs;
        var run = await runs.CreateAsync(new RunStart
        {
            Name = "baseline", Command = "kiln train data.csv --target y", SourceVersion = "0.1.0+abc123", Seed = 42,
            DataFingerprint = new string('a', 64), UserId = "ana", Tags = new Dictionary<string, string> { ["stage"] = "dev" },
        });
        Assert.Equal(32, run.Id.Length);
        Assert.Equal(RunStatus.Running, run.Status);
        Assert.Null(run.EndTime);

        var finished = await runs.UpdateAsync(run.Id, RunStatus.Finished);
        var stored = await runs.GetAsync(run.Id);
        Assert.Equal(RunStatus.Finished, stored.Status);
        Assert.NotNull(stored.EndTime);
        Assert.True(stored.EndTime >= stored.StartTime);
        Assert.Equal(finished.EndTime, stored.EndTime);
        Assert.Equal(("baseline", "kiln train data.csv --target y", "0.1.0+abc123", 42L, "ana"), (stored.Name, stored.Command, stored.SourceVersion, stored.Seed!.Value, stored.UserId));
        Assert.Equal(new string('a', 64), stored.DataFingerprint);
        Assert.Equal("dev", stored.Tags["stage"]);
        Assert.Equal($"0/{run.Id}/artifacts", stored.ArtifactUri);
    }

    [Theory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public async Task A_param_is_written_once_and_a_different_value_is_an_error_naming_the_key(string backend)
    {
        await using var test = await TestStore.OpenAsync(backend);
        var runs = test.Store.Runs;
        var run = await runs.CreateAsync(new RunStart());
        await runs.LogParamAsync(run.Id, "alpha", "0.1");
        await runs.LogParamAsync(run.Id, "alpha", "0.1");

        var error = await Assert.ThrowsAsync<TrackingException>(() => runs.LogParamAsync(run.Id, "alpha", "0.2"));
        Assert.Equal(TrackingErrorCode.InvalidParameterValue, error.Code);
        Assert.Contains("'alpha'", error.Message);
        Assert.Contains("'0.1'", error.Message);
        Assert.Equal("0.1", (await runs.GetAsync(run.Id)).Params["alpha"]);
    }

    [Theory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public async Task A_refused_batch_writes_nothing(string backend)
    {
        await using var test = await TestStore.OpenAsync(backend);
        var runs = test.Store.Runs;
        var run = await runs.CreateAsync(new RunStart());
        await runs.LogParamAsync(run.Id, "depth", "3");
        await Assert.ThrowsAsync<TrackingException>(() => runs.LogBatchAsync(run.Id,
            metrics: [new NewMetric("loss", 0.5)],
            parameters: new Dictionary<string, string> { ["depth"] = "4", ["width"] = "8" },
            tags: new Dictionary<string, string> { ["note"] = "x" }));
        var stored = await runs.GetAsync(run.Id);
        Assert.Equal(["depth"], stored.Params.Keys);
        Assert.Empty(stored.Metrics);
        Assert.Empty(stored.Tags);
    }

    [Theory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public async Task Metrics_are_appended_with_step_and_time_and_the_latest_is_the_highest_step(string backend)
    {
        await using var test = await TestStore.OpenAsync(backend);
        var runs = test.Store.Runs;
        var run = await runs.CreateAsync(new RunStart());
        var t0 = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000);
        await runs.LogMetricAsync(run.Id, "loss", 0.9, step: 0, timestamp: t0);
        await runs.LogMetricAsync(run.Id, "loss", 0.4, step: 2, timestamp: t0.AddSeconds(2));
        // logged late for an earlier step: history keeps it, the latest stays at step 2
        await runs.LogMetricAsync(run.Id, "loss", 0.6, step: 1, timestamp: t0.AddSeconds(3));
        await runs.LogMetricAsync(run.Id, "loss", 0.4, step: 2, timestamp: t0.AddSeconds(2));

        var history = await runs.GetMetricHistoryAsync(run.Id, "loss");
        Assert.Equal([0.9, 0.6, 0.4, 0.4], history.Select(m => m.Value));
        Assert.Equal([0L, 1, 2, 2], history.Select(m => m.Step));
        Assert.Equal(t0.AddSeconds(3), history[1].Timestamp);
        var latest = (await runs.GetAsync(run.Id)).Metrics["loss"];
        Assert.Equal((0.4, 2L), (latest.Value, latest.Step));
    }

    [Theory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public async Task Nan_and_infinite_metric_values_come_back_as_logged(string backend)
    {
        await using var test = await TestStore.OpenAsync(backend);
        var runs = test.Store.Runs;
        var run = await runs.CreateAsync(new RunStart());
        await runs.LogBatchAsync(run.Id, metrics: [new NewMetric("a", double.NaN), new NewMetric("b", double.PositiveInfinity), new NewMetric("c", -0.25)]);
        var metrics = (await runs.GetAsync(run.Id)).Metrics;
        Assert.True(double.IsNaN(metrics["a"].Value));
        Assert.Equal(double.PositiveInfinity, metrics["b"].Value);
        Assert.Equal(-0.25, metrics["c"].Value);
        Assert.True(double.IsNaN((await runs.GetMetricHistoryAsync(run.Id, "a"))[0].Value));
    }

    [Theory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public async Task Tags_are_overwritten_and_deleted(string backend)
    {
        await using var test = await TestStore.OpenAsync(backend);
        var runs = test.Store.Runs;
        var run = await runs.CreateAsync(new RunStart());
        await runs.SetTagAsync(run.Id, "note", "first");
        await runs.SetTagAsync(run.Id, "note", "second");
        Assert.Equal("second", (await runs.GetAsync(run.Id)).Tags["note"]);
        await runs.DeleteTagAsync(run.Id, "note");
        Assert.Empty((await runs.GetAsync(run.Id)).Tags);
        await Assert.ThrowsAsync<TrackingException>(() => runs.DeleteTagAsync(run.Id, "note"));
    }

    [Theory]
    [InlineData("bad*key", "letters, digits")]
    [InlineData("/abs", "file paths")]
    [InlineData("a//b", "file paths")]
    [InlineData("../up", "file paths")]
    [InlineData("", "missing")]
    public async Task Keys_follow_mlflow_naming_rules(string key, string message)
    {
        await using var test = await TestStore.OpenAsync("sqlite");
        var run = await test.Store.Runs.CreateAsync(new RunStart());
        var error = await Assert.ThrowsAsync<TrackingException>(() => test.Store.Runs.LogMetricAsync(run.Id, key, 1));
        Assert.Equal(TrackingErrorCode.InvalidParameterValue, error.Code);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public async Task Values_over_mlflows_limits_are_refused_with_their_length()
    {
        await using var test = await TestStore.OpenAsync("sqlite");
        var run = await test.Store.Runs.CreateAsync(new RunStart());
        var error = await Assert.ThrowsAsync<TrackingException>(() => test.Store.Runs.LogParamAsync(run.Id, "big", new string('x', 6001)));
        Assert.Contains("6001", error.Message);
        Assert.Contains("6000", error.Message);
        await test.Store.Runs.LogParamAsync(run.Id, "fits", new string('x', 6000));
        var batch = await Assert.ThrowsAsync<TrackingException>(() => test.Store.Runs.LogBatchAsync(run.Id,
            metrics: [.. Enumerable.Range(0, 1001).Select(i => new NewMetric("m", i, i))]));
        Assert.Contains("1000", batch.Message);
    }

    [Theory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public async Task Deleted_runs_leave_listings_refuse_changes_and_can_be_restored(string backend)
    {
        await using var test = await TestStore.OpenAsync(backend);
        var runs = test.Store.Runs;
        var kept = await runs.CreateAsync(new RunStart { Name = "kept", StartTime = DateTimeOffset.UtcNow.AddMinutes(-1) });
        var gone = await runs.CreateAsync(new RunStart { Name = "gone" });
        await runs.DeleteAsync(gone.Id);

        Assert.Equal(["kept"], (await runs.SearchAsync()).Select(r => r.Name));
        Assert.Equal(["gone"], (await runs.SearchAsync(new RunQuery { View = LifecycleView.DeletedOnly })).Select(r => r.Name));
        Assert.Equal(["gone", "kept"], (await runs.SearchAsync(new RunQuery { View = LifecycleView.All })).Select(r => r.Name));
        var refused = await Assert.ThrowsAsync<TrackingException>(() => runs.LogMetricAsync(gone.Id, "loss", 1));
        Assert.Contains("deleted", refused.Message);

        await runs.RestoreAsync(gone.Id);
        await runs.LogMetricAsync(gone.Id, "loss", 1);
        Assert.Equal(2, (await runs.SearchAsync()).Count);
    }

    [Theory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public async Task Search_filters_by_experiment_and_status_newest_first(string backend)
    {
        await using var test = await TestStore.OpenAsync(backend);
        var other = await test.Store.Experiments.CreateAsync("other");
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        var runs = test.Store.Runs;
        var a = await runs.CreateAsync(new RunStart { Name = "a", StartTime = start });
        var b = await runs.CreateAsync(new RunStart { Name = "b", StartTime = start.AddMinutes(1) });
        await runs.CreateAsync(new RunStart { Name = "c", ExperimentId = other.Id, StartTime = start.AddMinutes(2) });
        await runs.UpdateAsync(a.Id, RunStatus.Failed);

        Assert.Equal(["c", "b", "a"], (await runs.SearchAsync()).Select(r => r.Name));
        Assert.Equal(["b", "a"], (await runs.SearchAsync(new RunQuery { ExperimentIds = [Experiment.DefaultId] })).Select(r => r.Name));
        Assert.Equal(["a"], (await runs.SearchAsync(new RunQuery { Status = RunStatus.Failed })).Select(r => r.Name));
        Assert.Equal(["c"], (await runs.SearchAsync(new RunQuery { MaxResults = 1 })).Select(r => r.Name));
        Assert.Equal(b.Id, await runs.ResolveIdAsync(b.Id[..12]));
    }

    [Theory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public async Task A_search_reads_page_after_page_and_leaves_out_runs_carrying_a_tag(string backend)
    {
        await using var test = await TestStore.OpenAsync(backend);
        var runs = test.Store.Runs;
        var start = DateTimeOffset.UtcNow.AddMinutes(-10);
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var tags = i % 2 == 0 ? new Dictionary<string, string> { ["kiln.owner"] = "ada" } : null;
            ids.Add((await runs.CreateAsync(new RunStart { Name = $"r{i}", StartTime = start.AddSeconds(i), Tags = tags })).Id);
        }

        var pages = new List<string>();
        for (var skip = 0; skip < 6; skip += 2)
            pages.AddRange((await runs.SearchAsync(new RunQuery { MaxResults = 2, Skip = skip })).Select(r => r.Name));
        Assert.Equal(["r4", "r3", "r2", "r1", "r0"], pages);
        Assert.Equal(["r3", "r1"], (await runs.SearchAsync(new RunQuery { WithoutTags = ["kiln.owner"] })).Select(r => r.Name));
        await Assert.ThrowsAsync<TrackingException>(() => runs.SearchAsync(new RunQuery { Skip = -1 }));
    }

    [Theory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public async Task Runs_are_found_by_tag_and_counted_per_experiment(string backend)
    {
        await using var test = await TestStore.OpenAsync(backend);
        var other = await test.Store.Experiments.CreateAsync("other");
        var runs = test.Store.Runs;
        var tagged = await runs.CreateAsync(new RunStart { Tags = new Dictionary<string, string> { ["kiln.package.sha256"] = "abc", ["team"] = "crm" } });
        await runs.CreateAsync(new RunStart { Tags = new Dictionary<string, string> { ["kiln.package.sha256"] = "def" } });
        await runs.CreateAsync(new RunStart { ExperimentId = other.Id });

        Assert.Equal([tagged.Id], (await runs.SearchAsync(new RunQuery { Tags = new Dictionary<string, string> { ["kiln.package.sha256"] = "abc" } })).Select(r => r.Id));
        Assert.Empty(await runs.SearchAsync(new RunQuery { Tags = new Dictionary<string, string> { ["kiln.package.sha256"] = "abc", ["team"] = "ops" } }));
        Assert.Equal(new Dictionary<long, int> { [Experiment.DefaultId] = 2, [other.Id] = 1 }, await runs.CountByExperimentAsync());
    }

    [Fact]
    public async Task A_run_id_prefix_must_be_unique_and_long_enough()
    {
        await using var test = await TestStore.OpenAsync("sqlite");
        var run = await test.Store.Runs.CreateAsync(new RunStart());
        Assert.Equal(run.Id, await test.Store.Runs.ResolveIdAsync(run.Id[..4].ToUpperInvariant()));
        Assert.Contains("too short", (await Assert.ThrowsAsync<TrackingException>(() => test.Store.Runs.ResolveIdAsync(run.Id[..2]))).Message);
        var other = run.Id[0] == 'f' ? "0000" : "ffff";
        Assert.Equal(TrackingErrorCode.ResourceDoesNotExist, (await Assert.ThrowsAsync<TrackingException>(() => test.Store.Runs.ResolveIdAsync(other))).Code);
        Assert.Contains("hexadecimal", (await Assert.ThrowsAsync<TrackingException>(() => test.Store.Runs.ResolveIdAsync("zz-top"))).Message);
    }

    [Theory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public async Task Artifacts_are_kept_under_the_run_and_listed_relative_to_it(string backend)
    {
        await using var test = await TestStore.OpenAsync(backend);
        var runs = test.Store.Runs;
        var run = await runs.CreateAsync(new RunStart());
        var report = Directory.CreateDirectory(test.Home.File("report")).FullName;
        File.WriteAllText(Path.Combine(report, "index.html"), "<html/>");
        Directory.CreateDirectory(Path.Combine(report, "charts"));
        File.WriteAllText(Path.Combine(report, "charts", "roc.svg"), "<svg/>");
        File.WriteAllText(test.Home.File("notes.txt"), "hello");

        Assert.Equal(["report/charts/roc.svg", "report/index.html"], await runs.LogArtifactFileAsync(run.Id, report));
        Assert.Equal(["extra/notes.txt"], await runs.LogArtifactFileAsync(run.Id, test.Home.File("notes.txt"), "extra"));

        Assert.Equal([("extra", true), ("report", true)], (await runs.ListArtifactsAsync(run.Id)).Select(e => (e.Path, e.IsDirectory)));
        Assert.Equal([("report/charts", true, (long?)null), ("report/index.html", false, 7L)],
            (await runs.ListArtifactsAsync(run.Id, "report")).Select(e => (e.Path, e.IsDirectory, e.Size)));
        await using (var stream = await runs.OpenArtifactAsync(run.Id, "report/charts/roc.svg"))
            Assert.Equal("<svg/>", await new StreamReader(stream).ReadToEndAsync());
        var missing = await Assert.ThrowsAsync<TrackingException>(() => runs.OpenArtifactAsync(run.Id, "report/none.txt"));
        Assert.Equal(TrackingErrorCode.ResourceDoesNotExist, missing.Code);
    }
}

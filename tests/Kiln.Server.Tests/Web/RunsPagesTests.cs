using System.Net;
using System.Text;
using Kiln.Tracking;

namespace Kiln.Server.Tests.Web;

public class RunsPagesTests
{
    [Fact]
    public async Task The_runs_page_lists_your_runs_and_the_command_lines_but_not_another_users()
    {
        await using var server = await RunningServer.StartAsync();
        using var ada = await CookieSession.SignedUpAsync(server, "ada@example.org");
        using var bob = await CookieSession.SignedUpAsync(server, "bob@example.org");
        await RecordedRuns.TrainingAsync(server, "ada-tree", await RecordedRuns.UserIdAsync(ada), 0.81);
        await RecordedRuns.TrainingAsync(server, "bob-tree", await RecordedRuns.UserIdAsync(bob), 0.79);
        await RecordedRuns.TrainingAsync(server, "cli-tree", null, 0.75);

        var html = await bob.Client.GetStringAsync("/runs");
        Assert.Contains("<title>Runs · Kiln</title>", html);
        Assert.Contains("bob-tree", html);
        Assert.Contains("cli-tree", html);
        Assert.DoesNotContain("ada-tree", html);
    }

    [Fact]
    public async Task The_runs_list_shows_each_runs_held_out_score_and_stars_the_best_of_each_dataset_and_target()
    {
        await using var server = await RunningServer.StartAsync();
        using var ada = await CookieSession.SignedUpAsync(server, "ada@example.org");
        var id = await RecordedRuns.UserIdAsync(ada);
        await RecordedRuns.ScoredAsync(server, "titanic-forest", id, new Dictionary<string, double> { ["training_accuracy"] = 0.99, ["held_out_accuracy"] = 0.7933 });
        await RecordedRuns.ScoredAsync(server, "titanic-boosting", id, new Dictionary<string, double> { ["training_accuracy"] = 0.9, ["held_out_accuracy"] = 0.8324 });
        await RecordedRuns.ScoredAsync(server, "titanic-cli", id, new Dictionary<string, double> { ["training_accuracy"] = 1.0 });
        await RecordedRuns.ScoredAsync(server, "iris-tree", id, new Dictionary<string, double> { ["held_out_accuracy"] = 0.9667 }, "iris", "species");
        await RecordedRuns.ScoredAsync(server, "iris-knn", id, new Dictionary<string, double> { ["held_out_accuracy"] = 0.9333 }, "iris", "species");

        var html = await ada.Client.GetStringAsync("/runs");
        Assert.Matches(@"accuracy 0\.8324\s*<small>held out</small>\s*<span[^>]*>★</span>", RunRow(html, "titanic-boosting"));
        Assert.Contains("accuracy 0.7933", RunRow(html, "titanic-forest"));
        Assert.DoesNotContain("★", RunRow(html, "titanic-forest"));
        Assert.Matches(@"accuracy 1\s*<small>on training rows</small>", RunRow(html, "titanic-cli"));
        Assert.DoesNotContain("★", RunRow(html, "titanic-cli"));
        Assert.Contains("★", RunRow(html, "iris-tree"));
        Assert.DoesNotContain("★", RunRow(html, "iris-knn"));
    }

    [Fact]
    public async Task Sorting_by_score_puts_held_out_scores_best_first_before_training_scores_and_the_header_link_turns_it_around()
    {
        await using var server = await RunningServer.StartAsync();
        using var ada = await CookieSession.SignedUpAsync(server, "ada@example.org");
        var id = await RecordedRuns.UserIdAsync(ada);
        await RecordedRuns.ScoredAsync(server, "run-middle", id, new Dictionary<string, double> { ["held_out_accuracy"] = 0.8 });
        await RecordedRuns.ScoredAsync(server, "run-training", id, new Dictionary<string, double> { ["training_accuracy"] = 0.99 });
        await RecordedRuns.ScoredAsync(server, "run-top", id, new Dictionary<string, double> { ["held_out_accuracy"] = 0.9 });
        await RecordedRuns.ScoredAsync(server, "run-low", id, new Dictionary<string, double> { ["held_out_accuracy"] = 0.7 });

        var unsorted = await ada.Client.GetStringAsync("/runs");
        Assert.Contains("href=\"/runs?sort=score\"", SortLink(unsorted));
        var best = await ada.Client.GetStringAsync("/runs?sort=score");
        Assert.Equal(["run-top", "run-middle", "run-low", "run-training"], Order(best));
        Assert.Contains("aria-sort=\"descending\"", best);
        Assert.Contains("href=\"/runs?sort=score-ascending\"", SortLink(best));
        var worst = await ada.Client.GetStringAsync("/runs?sort=score-ascending");
        Assert.Equal(["run-low", "run-middle", "run-top", "run-training"], Order(worst));
        Assert.Contains("href=\"/runs\"", SortLink(worst));
    }

    /// <summary>The table row of the run named <paramref name="name"/>.</summary>
    static string RunRow(string html, string name)
    {
        var at = html.IndexOf($">{name}</a>", StringComparison.Ordinal);
        Assert.True(at >= 0, $"no row for {name}");
        var start = html.LastIndexOf("<tr", at, StringComparison.Ordinal);
        return html[start..html.IndexOf("</tr>", at, StringComparison.Ordinal)];
    }

    static string SortLink(string html)
    {
        var at = html.IndexOf("id=\"sort-score\"", StringComparison.Ordinal);
        var start = html.LastIndexOf("<a", at, StringComparison.Ordinal);
        return html[start..html.IndexOf('>', at)];
    }

    /// <summary>The names of the runs as the table lists them.</summary>
    static string[] Order(string html) =>
        [.. System.Text.RegularExpressions.Regex.Matches(html, @">(run-[a-z]+)</a>").Select(m => m.Groups[1].Value)];

    [Fact]
    public async Task The_admin_sees_every_run()
    {
        await using var server = await RunningServer.StartAsync();
        using var admin = await CookieSession.SignedUpAsync(server, "admin@example.org");
        using var bob = await CookieSession.SignedUpAsync(server, "bob@example.org");
        await RecordedRuns.TrainingAsync(server, "bob-tree", await RecordedRuns.UserIdAsync(bob), 0.79);
        Assert.Contains("bob-tree", await admin.Client.GetStringAsync("/runs"));
    }

    [Fact]
    public async Task With_no_runs_the_page_says_how_to_make_one()
    {
        await using var server = await RunningServer.StartAsync();
        using var ada = await CookieSession.SignedUpAsync(server, "ada@example.org");
        Assert.Contains("No runs yet", await ada.Client.GetStringAsync("/runs"));
    }

    [Fact]
    public async Task A_run_page_shows_parameters_metrics_tags_and_the_package_link()
    {
        await using var server = await RunningServer.StartAsync();
        using var ada = await CookieSession.SignedUpAsync(server, "ada@example.org");
        var run = await RecordedRuns.TrainingAsync(server, "ada-tree", await RecordedRuns.UserIdAsync(ada), 0.8125);
        await server.Tracking.Runs.LogMetricAsync(run.Id, "loss", 0.9, step: 1);
        await server.Tracking.Runs.LogMetricAsync(run.Id, "loss", 0.4, step: 2);

        var html = await ada.Client.GetStringAsync($"/runs/{run.Id}");
        Assert.Contains("<title>ada-tree · Kiln</title>", html);
        Assert.Contains("max_depth", html);
        Assert.Contains("0.8125", html);
        Assert.Contains("kiln.package", html);
        Assert.Contains("Register this model", html);
        Assert.Contains("<img src=\"data:image/svg", html);
        var package = run.Tags[RunRecorder.PackageTag];
        var download = await ada.Client.GetAsync($"/api/runs/{run.Id}/artifacts/{package}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("sandbox", download.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task Register_this_model_offers_the_datasets_name_made_a_model_name_not_the_algorithms()
    {
        await using var server = await RunningServer.StartAsync();
        using var ada = await CookieSession.SignedUpAsync(server, "ada@example.org");
        var run = await RecordedRuns.TrainingAsync(server, "ada-tree", await RecordedRuns.UserIdAsync(ada), 0.8);
        await server.Tracking.Runs.SetTagAsync(run.Id, "kiln.data", "Titanic passengers (2024).csv");

        var html = await ada.Client.GetStringAsync($"/runs/{run.Id}");
        Assert.Contains("value=\"titanic-passengers-2024\"", html);
        Assert.DoesNotContain("value=\"decision-tree-classifier\"", html);
    }

    [Theory]
    [InlineData("titanic.csv", "titanic")]
    [InlineData("iris", "iris")]
    [InlineData("My Data_v2.tsv", "my-data_v2")]
    [InlineData("  ...  ", null)]
    public void A_datasets_name_is_made_a_model_name(string dataset, string? expected) =>
        Assert.Equal(expected, Kiln.Server.Jobs.DatasetModelName.From(dataset));

    [Fact]
    public async Task A_runs_charts_and_report_are_shown_on_its_page_and_served_sandboxed()
    {
        await using var server = await RunningServer.StartAsync();
        using var ada = await CookieSession.SignedUpAsync(server, "ada@example.org");
        var run = await RecordedRuns.TrainingAsync(server, "ada-tree", await RecordedRuns.UserIdAsync(ada), 0.8);
        await server.Tracking.Runs.LogArtifactAsync(run.Id, "report/index.html", new MemoryStream(Encoding.UTF8.GetBytes("<h1>Which model?</h1><script>alert(1)</script>")));
        await server.Tracking.Runs.LogArtifactAsync(run.Id, "report/roc.svg", new MemoryStream(Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"/>")));

        var html = await ada.Client.GetStringAsync($"/runs/{run.Id}");
        var frame = html[html.IndexOf("<iframe", StringComparison.Ordinal)..];
        frame = frame[..frame.IndexOf('>')];
        Assert.Contains($"src=\"/api/runs/{run.Id}/artifacts/report/index.html\"", frame);
        Assert.Matches(" sandbox( |=\"\"|>|$)", frame);
        Assert.Contains($"<img src=\"/api/runs/{run.Id}/artifacts/report/roc.svg\"", html);
        var report = await ada.Client.GetAsync($"/api/runs/{run.Id}/artifacts/report/index.html");
        Assert.Equal("text/html", report.Content.Headers.ContentType?.MediaType);
        Assert.Equal("sandbox", report.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("image/svg+xml", (await ada.Client.GetAsync($"/api/runs/{run.Id}/artifacts/report/roc.svg")).Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Another_users_run_and_its_artifacts_answer_404()
    {
        await using var server = await RunningServer.StartAsync();
        using var ada = await CookieSession.SignedUpAsync(server, "ada@example.org");
        using var bob = await CookieSession.SignedUpAsync(server, "bob@example.org");
        var run = await RecordedRuns.TrainingAsync(server, "ada-secret-tree", await RecordedRuns.UserIdAsync(ada), 0.81);

        var page = await bob.Client.GetAsync($"/runs/{run.Id}");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.DoesNotContain("ada-secret-tree", await page.Content.ReadAsStringAsync());
        var artifact = await bob.Client.GetAsync($"/api/runs/{run.Id}/artifacts/{run.Tags[RunRecorder.PackageTag]}");
        Assert.Equal(HttpStatusCode.NotFound, artifact.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.Client.GetAsync("/runs/0123456789abcdef0123456789abcdef")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ada.Client.GetAsync($"/runs/{run.Id}")).StatusCode);
    }

    [Fact]
    public async Task An_artifact_needs_a_signed_in_request()
    {
        await using var server = await RunningServer.StartAsync();
        var run = await RecordedRuns.TrainingAsync(server, "cli-tree", null, 0.81);
        var response = await server.Client.GetAsync($"/api/runs/{run.Id}/artifacts/{run.Tags[RunRecorder.PackageTag]}");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Comparing_runs_highlights_differing_parameters_and_marks_the_best_metric()
    {
        await using var server = await RunningServer.StartAsync();
        using var ada = await CookieSession.SignedUpAsync(server, "ada@example.org");
        var id = await RecordedRuns.UserIdAsync(ada);
        var shallow = await RecordedRuns.TrainingAsync(server, "shallow", id, 0.70, maxDepth: "2");
        var deep = await RecordedRuns.TrainingAsync(server, "deep", id, 0.90, maxDepth: "8");

        var html = await ada.Client.GetStringAsync($"/runs/compare?ids={shallow.Id},{deep.Id}");
        Assert.Contains("<title>Compare runs · Kiln</title>", html);
        var table = Row(html, "max_depth");
        Assert.Contains("differs", table);
        Assert.DoesNotContain("differs", Row(html, "target"));
        // accuracy: higher is better, so the deep tree's 0.9; log_loss: lower is better, the deep tree's 0.1
        Assert.Matches("class=\"best\"[^<]*>\\s*0.9", Row(html, "accuracy"));
        Assert.Matches("class=\"best\"[^<]*>\\s*0.1", Row(html, "log_loss"));
        Assert.Contains("<img src=\"data:image/svg", html);
    }

    [Fact]
    public async Task Comparing_marks_the_best_by_held_out_score_and_not_the_overfit_models_training_score()
    {
        await using var server = await RunningServer.StartAsync();
        using var ada = await CookieSession.SignedUpAsync(server, "ada@example.org");
        var id = await RecordedRuns.UserIdAsync(ada);
        var shallow = await RecordedRuns.TrainingAsync(server, "shallow", id, 0.70, maxDepth: "2");
        var deep = await RecordedRuns.TrainingAsync(server, "deep", id, 0.90, maxDepth: "8");
        foreach (var (run, training, heldOut) in new[] { (shallow, 0.81, 0.79), (deep, 1.0, 0.68) })
        {
            await server.Tracking.Runs.LogMetricAsync(run.Id, "training_accuracy", training);
            await server.Tracking.Runs.LogMetricAsync(run.Id, "held_out_accuracy", heldOut);
        }

        var html = await ada.Client.GetStringAsync($"/runs/compare?ids={shallow.Id},{deep.Id}");
        Assert.Matches("class=\"best\"[^<]*>\\s*0.79", Row(html, "held_out_accuracy"));
        Assert.DoesNotContain("class=\"best\"", Row(html, "training_accuracy"));
        Assert.Contains("judge by held_out_accuracy", Row(html, "training_accuracy"));
        Assert.True(html.IndexOf("data-key=\"held_out_accuracy\"", StringComparison.Ordinal) < html.IndexOf("data-key=\"accuracy\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Comparing_leaves_out_another_users_runs()
    {
        await using var server = await RunningServer.StartAsync();
        using var ada = await CookieSession.SignedUpAsync(server, "ada@example.org");
        using var bob = await CookieSession.SignedUpAsync(server, "bob@example.org");
        var mine = await RecordedRuns.TrainingAsync(server, "bob-tree", await RecordedRuns.UserIdAsync(bob), 0.7);
        var theirs = await RecordedRuns.TrainingAsync(server, "ada-secret-tree", await RecordedRuns.UserIdAsync(ada), 0.9);

        var html = await bob.Client.GetStringAsync($"/runs/compare?ids={mine.Id},{theirs.Id}");
        Assert.Contains("Choose at least two runs", html);
        Assert.DoesNotContain("ada-secret-tree", html);
    }

    /// <summary>The comparison table's row for a parameter or metric.</summary>
    static string Row(string html, string key)
    {
        var start = html.IndexOf($"<tr data-key=\"{key}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no row for {key}");
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }
}

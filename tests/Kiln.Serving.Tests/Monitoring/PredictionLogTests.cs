using System.Text.Json;
using Kiln.Serving.Monitoring;
using Kiln.Testing;

namespace Kiln.Serving.Tests.Monitoring;

public sealed class PredictionLogTests
{
    static readonly DateTimeOffset Noon = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    static LoggedPrediction Prediction(int version = 1, DateTimeOffset? time = null, double age = 30) =>
        LoggedPredictions.Single("churn", version, time ?? Noon, new Dictionary<string, JsonElement> { ["age"] = JsonSerializer.SerializeToElement(age) },
            new PredictedOutput("yes", Confidence: 0.8));

    [Fact]
    public async Task Logged_predictions_are_read_back_whole_from_daily_files()
    {
        using var folder = new TemporaryFolder();
        var first = Prediction(time: Noon, age: 31.5);
        var nextDay = Prediction(version: 2, time: Noon.AddDays(1));
        await using (var log = new PredictionLog(new PredictionLogOptions { Folder = folder.Path }))
        {
            Assert.True(log.TryLog(first));
            Assert.True(log.TryLog(nextDay));
            await log.FlushAsync();
            Assert.Equal(2, log.Counters.Written);
        }

        var read = PredictionLogReader.Predictions(folder.Path, "churn").ToList();

        Assert.Equal([first.Id, nextDay.Id], read.Select(p => p.Id));
        Assert.Equal(31.5, read[0].Rows[0]["age"].GetDouble());
        Assert.Equal(0.8, read[0].Outputs[0].Confidence);
        Assert.Equal(2, Directory.GetFiles(PredictionLogFiles.ModelFolder(folder.Path, "churn"), "predictions-*.jsonl").Length);
        Assert.Equal([nextDay.Id], PredictionLogReader.Predictions(folder.Path, "churn", Noon.AddHours(12)).Select(p => p.Id));
    }

    [Fact]
    public async Task A_full_queue_drops_predictions_and_counts_them_instead_of_blocking()
    {
        using var folder = new TemporaryFolder();
        await using var log = new PredictionLog(new PredictionLogOptions { Folder = folder.Path, QueueCapacity = 3 }, null, startWriter: false);

        var accepted = Enumerable.Range(0, 5).Count(_ => log.TryLog(Prediction()));
        log.StartWriter();
        await log.FlushAsync();

        Assert.Equal(3, accepted);
        Assert.Equal(new PredictionLogCounters(5, 0, 2, 3, 0), log.Counters);
        Assert.Equal(3, PredictionLogReader.Predictions(folder.Path, "churn").Count());
    }

    [Fact]
    public async Task Above_the_full_rate_only_the_sampled_share_is_logged()
    {
        using var folder = new TemporaryFolder();
        var clock = new ManualClock(Noon);
        await using var log = new PredictionLog(new PredictionLogOptions { Folder = folder.Path, FullRatePerSecond = 4, SampleFractionAbove = 0 }, clock);

        var firstSecond = Enumerable.Range(0, 10).Count(_ => log.TryLog(Prediction()));
        clock.Now = Noon.AddSeconds(1);
        var nextSecond = Enumerable.Range(0, 10).Count(_ => log.TryLog(Prediction()));

        Assert.Equal(4, firstSecond);
        Assert.Equal(4, nextSecond);
        Assert.Equal(12, log.Counters.SampledOut);
    }

    [Fact]
    public async Task Feedback_is_read_back_by_prediction_id_and_row_with_the_latest_label_winning()
    {
        using var folder = new TemporaryFolder();
        await using var log = new PredictionLog(new PredictionLogOptions { Folder = folder.Path });

        await log.AddFeedbackAsync("churn", [new PredictionFeedback("a", 0, "yes", Noon), new PredictionFeedback("b", 1, "no", Noon)]);
        await log.AddFeedbackAsync("churn", [new PredictionFeedback("a", 0, "no", Noon.AddMinutes(1))]);

        var feedback = PredictionLogReader.Feedback(folder.Path, "churn");
        Assert.Equal("no", feedback[("a", 0)]);
        Assert.Equal("no", feedback[("b", 1)]);
        Assert.Equal(2, feedback.Count);
    }

    [Fact]
    public void A_torn_last_line_is_left_for_later_but_a_damaged_line_before_it_names_the_file_and_line()
    {
        using var folder = new TemporaryFolder();
        var file = PredictionLogFiles.DayFile(folder.Path, "churn", PredictionLogFiles.PredictionsPrefix, Noon);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var whole = JsonSerializer.Serialize(Prediction(), ReferenceProfile.Json);
        File.WriteAllText(file, whole + "\n" + whole[..20]);

        Assert.Single(PredictionLogReader.Predictions(folder.Path, "churn"));

        File.WriteAllText(file, whole[..20] + "\n" + whole + "\n");
        var error = Assert.Throws<InvalidDataException>(() => PredictionLogReader.Predictions(folder.Path, "churn").ToList());
        Assert.Contains($"{file} line 1", error.Message);
    }

    [Fact]
    public void Options_out_of_range_are_refused_by_name()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new PredictionLog(new PredictionLogOptions { Folder = "x", SampleFractionAbove = 1.5 }));
        Assert.Equal(nameof(PredictionLogOptions.SampleFractionAbove), error.ParamName);
    }

    [Fact]
    public void Model_names_become_safe_folder_names()
    {
        Assert.Equal(Path.Combine("/log", "a%2F..%2Fb"), PredictionLogFiles.ModelFolder("/log", "a/../b"));
    }
}

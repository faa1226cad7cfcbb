using Kiln.Data;

namespace Kiln.Serving.Tests;

public class PredictionFeedTests
{
    static ServedPrediction Prediction(int version) => new(ServedPrediction.NewId(), "churn", version, "champion", DateTimeOffset.UtcNow, TimeSpan.FromMilliseconds(1),
        new Frame(new Float64Column("x", [1])), new PredictionBatch(new StringColumn("p", ["yes"]), null, null));

    sealed class Collecting : IPredictionListener
    {
        public List<int> Versions { get; } = [];

        public ValueTask OnPredictionAsync(ServedPrediction prediction, CancellationToken cancellationToken)
        {
            lock (Versions) Versions.Add(prediction.Version);
            return ValueTask.CompletedTask;
        }
    }

    sealed class Failing : IPredictionListener
    {
        public ValueTask OnPredictionAsync(ServedPrediction prediction, CancellationToken cancellationToken) => throw new InvalidOperationException("broken listener");
    }

    sealed class Blocking(TaskCompletionSource release) : IPredictionListener
    {
        public async ValueTask OnPredictionAsync(ServedPrediction prediction, CancellationToken cancellationToken) => await release.Task;
    }

    [Fact]
    public async Task Every_listener_gets_each_prediction_in_order_even_when_another_listener_throws()
    {
        var collecting = new Collecting();
        var feed = new PredictionFeed([new Failing(), collecting]);
        using var stop = new CancellationTokenSource();
        var running = feed.RunAsync(stop.Token);
        for (var v = 1; v <= 3; v++) feed.Publish(Prediction(v));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (collecting.Versions.Count < 3 && DateTime.UtcNow < deadline) await Task.Delay(10);
        stop.Cancel();
        await running;
        Assert.Equal([1, 2, 3], collecting.Versions);
    }

    [Fact]
    public async Task A_stuck_listener_makes_the_feed_drop_predictions_instead_of_blocking_the_publisher()
    {
        var release = new TaskCompletionSource();
        var feed = new PredictionFeed([new Blocking(release)], capacity: 2);
        using var stop = new CancellationTokenSource();
        var running = feed.RunAsync(stop.Token);
        for (var v = 1; v <= 10; v++) feed.Publish(Prediction(v));
        Assert.True(feed.Dropped >= 7);
        release.SetResult();
        stop.Cancel();
        await running;
    }
}

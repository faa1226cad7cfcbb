using Kiln.Data;

namespace Kiln.Serving.Tests;

public class MicroBatcherTests
{
    /// <summary>Doubles x; refuses a negative x; records how many rows each call got.</summary>
    sealed class Doubling
    {
        readonly Lock _lock = new();

        public List<int> CallSizes { get; } = [];

        public PredictionBatch Predict(Frame frame)
        {
            var x = ((Float64Column)frame["x"]).Values.ToArray();
            lock (_lock) CallSizes.Add(x.Length);
            Thread.Sleep(5);
            if (x.Any(v => v < 0)) throw new ArgumentException("x must not be negative");
            return new PredictionBatch(new Float64Column("prediction", [.. x.Select(v => v * 2)]), null, null);
        }
    }

    static Frame Row(double x) => new(new Float64Column("x", [x]));

    [Fact]
    public async Task Concurrent_single_rows_are_predicted_together_and_each_gets_its_own_answer()
    {
        var model = new Doubling();
        var batcher = new MicroBatcher(model.Predict, maxRows: 64);
        var answers = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() => batcher.PredictAsync(Row(i)))));
        Assert.Equal(Enumerable.Range(0, 200).Select(i => 2.0 * i), answers.Select(a => ((Float64Column)a.Predictions)[0]));
        Assert.True(model.CallSizes.Count < 200, $"{model.CallSizes.Count} calls for 200 rows: nothing was batched");
        Assert.True(model.CallSizes.Max() <= 64);
    }

    [Fact]
    public async Task A_row_the_model_refuses_fails_only_its_own_request()
    {
        var model = new Doubling();
        var batcher = new MicroBatcher(model.Predict, maxRows: 64);
        var requests = Enumerable.Range(0, 20).Select(i => Task.Run(() => batcher.PredictAsync(Row(i == 7 ? -1 : i)))).ToList();
        await Assert.ThrowsAsync<ArgumentException>(() => requests[7]);
        for (var i = 0; i < requests.Count; i++)
            if (i != 7) Assert.Equal(2.0 * i, ((Float64Column)(await requests[i]).Predictions)[0]);
    }

    [Fact]
    public async Task A_lone_request_is_predicted_at_once_without_waiting_for_company()
    {
        var model = new Doubling();
        var batcher = new MicroBatcher(model.Predict, maxRows: 64);
        Assert.Equal(6.0, ((Float64Column)(await batcher.PredictAsync(Row(3)).WaitAsync(TimeSpan.FromSeconds(5))).Predictions)[0]);
        Assert.Equal([1], model.CallSizes);
    }
}

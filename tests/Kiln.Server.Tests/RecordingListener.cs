using Kiln.Serving;

namespace Kiln.Server.Tests;

/// <summary>A prediction listener that keeps the first prediction it receives.</summary>
sealed class RecordingListener : IPredictionListener
{
    readonly TaskCompletionSource<ServedPrediction> _first = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<ServedPrediction> FirstAsync() => _first.Task.WaitAsync(TimeSpan.FromSeconds(20));

    public ValueTask OnPredictionAsync(ServedPrediction prediction, CancellationToken cancellationToken)
    {
        _first.TrySetResult(prediction);
        return ValueTask.CompletedTask;
    }
}

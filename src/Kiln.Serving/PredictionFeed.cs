using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kiln.Serving;

/// <summary>
/// Hands answered predictions to the registered <see cref="IPredictionListener"/>s through a bounded channel drained
/// by one background task (<see cref="RunAsync"/>). <see cref="Publish"/> never blocks and never throws: when the
/// channel is full the prediction is dropped and counted in <see cref="Dropped"/>.
/// </summary>
public sealed class PredictionFeed
{
    public const int DefaultCapacity = 10_000;

    readonly IPredictionListener[] _listeners;
    readonly Channel<ServedPrediction> _channel;
    readonly ILogger _logger;
    long _dropped;

    public PredictionFeed(IEnumerable<IPredictionListener> listeners, int capacity = DefaultCapacity, ILogger<PredictionFeed>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(listeners);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _listeners = [.. listeners];
        _logger = logger ?? NullLogger<PredictionFeed>.Instance;
        _channel = Channel.CreateBounded<ServedPrediction>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.DropWrite,
            SingleReader = true,
        }, _ => Interlocked.Increment(ref _dropped));
    }

    /// <summary>Whether anyone listens; when nobody does, callers can skip building the prediction record.</summary>
    public bool HasListeners => _listeners.Length > 0;

    /// <summary>Predictions dropped because the listeners fell behind.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public void Publish(ServedPrediction prediction)
    {
        if (_listeners.Length > 0) _channel.Writer.TryWrite(prediction);
    }

    /// <summary>Delivers published predictions to every listener until cancelled, then delivers what is left.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var reader = _channel.Reader;
        try
        {
            while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
                while (reader.TryRead(out var prediction)) await DeliverAsync(prediction, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _channel.Writer.TryComplete();
            while (reader.TryRead(out var prediction)) await DeliverAsync(prediction, CancellationToken.None).ConfigureAwait(false);
        }
    }

    async Task DeliverAsync(ServedPrediction prediction, CancellationToken cancellationToken)
    {
        foreach (var listener in _listeners)
        {
            try
            {
                await listener.OnPredictionAsync(prediction, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                _logger.LogWarning(e, "prediction listener {Listener} failed on {Model}/{Version}", listener.GetType().Name, prediction.Model, prediction.Version);
            }
        }
    }
}

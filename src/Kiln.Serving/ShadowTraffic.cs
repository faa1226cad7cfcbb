using System.Diagnostics;
using System.Threading.Channels;
using Kiln.Data;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kiln.Serving;

/// <summary>
/// Predicts answered requests again with a deployment's shadow version, off the request path: <see cref="Offer"/>
/// queues the answered request (never blocking; dropped and counted when the queue is full), and one background
/// task (<see cref="RunAsync"/>) predicts it with the shadow and publishes that prediction to the feed, marked
/// <see cref="ServingRole.Shadow"/> with how many rows agreed with the answer that went out. Nothing of it reaches the caller.
/// </summary>
public sealed class ShadowTraffic
{
    public const int DefaultCapacity = 1_000;

    readonly PredictionFeed _feed;
    readonly ILogger _logger;
    readonly Channel<(ServedModel Shadow, ServedPrediction Answered)> _queue;
    long _dropped, _predicted, _failed;

    public ShadowTraffic(PredictionFeed feed, int capacity = DefaultCapacity, ILogger<ShadowTraffic>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _feed = feed;
        _logger = logger ?? NullLogger<ShadowTraffic>.Instance;
        _queue = Channel.CreateBounded<(ServedModel, ServedPrediction)>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.DropWrite,
            SingleReader = true,
        }, _ => Interlocked.Increment(ref _dropped));
    }

    /// <summary>Shadow predictions left out because the shadow fell behind.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Shadow predictions made and published.</summary>
    public long Predicted => Interlocked.Read(ref _predicted);

    /// <summary>Shadow predictions that failed, e.g. the shadow refused rows the answering version took.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Queues <paramref name="answered"/> for <paramref name="shadow"/> to predict; never blocks.</summary>
    public void Offer(ServedModel shadow, ServedPrediction answered)
    {
        ArgumentNullException.ThrowIfNull(shadow);
        ArgumentNullException.ThrowIfNull(answered);
        _queue.Writer.TryWrite((shadow, answered));
    }

    /// <summary>Predicts queued requests with their shadow until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var reader = _queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
                while (reader.TryRead(out var item)) Predict(item.Shadow, item.Answered);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // what is still queued is dropped with the server: shadow answers are an observation, not a duty
        }
    }

    void Predict(ServedModel shadow, ServedPrediction answered)
    {
        var started = Stopwatch.GetTimestamp();
        PredictionBatch outputs;
        try
        {
            outputs = shadow.Predict(answered.Inputs);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Interlocked.Increment(ref _failed);
            _logger.LogWarning("shadow {Shadow} could not predict request {Id}: {Error}", shadow, answered.Id, e.Message);
            return;
        }
        _feed.Publish(new ServedPrediction(ServedPrediction.NewId(), shadow.Name, shadow.Version, null, answered.Time, Stopwatch.GetElapsedTime(started), answered.Inputs, outputs)
        {
            Role = ServingRole.Shadow,
            ServedId = answered.Id,
            AgreedRows = Agreed(answered.Outputs.Predictions, outputs.Predictions),
        });
        Interlocked.Increment(ref _predicted);
    }

    /// <summary>Rows whose predictions are equal: the same class, cluster or number.</summary>
    static int Agreed(Column answered, Column shadow)
    {
        var agreed = 0;
        var rows = Math.Min(answered.Length, shadow.Length);
        for (var r = 0; r < rows; r++)
            if (Equals(answered.GetValue(r), shadow.GetValue(r))) agreed++;
        return agreed;
    }
}

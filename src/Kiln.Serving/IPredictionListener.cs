namespace Kiln.Serving;

/// <summary>
/// Receives every answered prediction, off the request path: a <see cref="PredictionFeed"/> calls listeners one
/// prediction at a time from a background task. A slow listener makes the feed drop predictions (counted), never
/// slows a request; an exception is logged and the feed goes on.
/// </summary>
public interface IPredictionListener
{
    ValueTask OnPredictionAsync(ServedPrediction prediction, CancellationToken cancellationToken);
}

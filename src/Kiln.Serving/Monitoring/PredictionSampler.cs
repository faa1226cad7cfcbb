namespace Kiln.Serving.Monitoring;

/// <summary>
/// Decides which requests are logged: all of the first <c>FullRatePerSecond</c> in each second, then a random share.
/// Lock-free, since it runs on the request path.
/// </summary>
public sealed class PredictionSampler(int fullRatePerSecond, double fractionAbove, TimeProvider? clock = null)
{
    readonly TimeProvider _clock = clock ?? TimeProvider.System;
    long _second = long.MinValue;
    long _countInSecond;

    public bool ShouldLog()
    {
        var second = _clock.GetUtcNow().ToUnixTimeSeconds();
        var current = Interlocked.Read(ref _second);
        if (current != second && Interlocked.CompareExchange(ref _second, second, current) == current)
            Interlocked.Exchange(ref _countInSecond, 0);
        if (Interlocked.Increment(ref _countInSecond) <= fullRatePerSecond) return true;
        return fractionAbove > 0 && Random.Shared.NextDouble() < fractionAbove;
    }
}

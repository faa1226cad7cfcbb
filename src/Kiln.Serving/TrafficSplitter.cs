namespace Kiln.Serving;

/// <summary>
/// Sends each request to the canary with the canary's weight as its probability. Seeded, it is one random sequence
/// shared by every request (taken under a lock), so a test sees the same split every run; unseeded, it is lock-free.
/// </summary>
public sealed class TrafficSplitter(int? seed = null)
{
    readonly Random? _seeded = seed is { } value ? new Random(value) : null;
    readonly Lock _lock = new();

    /// <summary>Whether this request goes to the canary, given its weight in per cent (0–100).</summary>
    public bool ToCanary(int weight)
    {
        if (weight <= 0) return false;
        if (weight >= 100) return true;
        if (_seeded is null) return Random.Shared.Next(100) < weight;
        lock (_lock) return _seeded.Next(100) < weight;
    }
}

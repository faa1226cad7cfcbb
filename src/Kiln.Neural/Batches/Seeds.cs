namespace Kiln.Neural.Batches;

/// <summary>
/// Seeds derived from a run's seed and an epoch or batch number, so that any epoch's order or any batch's random
/// transform can be drawn on its own and still be the same on every run.
/// </summary>
internal static class Seeds
{
    public static long Derive(long seed, long part) => (long)Mix((ulong)seed ^ Mix((ulong)part + 0x9E3779B97F4A7C15UL));

    public static long Derive(long seed, long first, long second) => Derive(Derive(seed, first), second);

    // SplitMix64's finaliser: neighbouring inputs give unrelated outputs
    static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

namespace Kiln.Learn.Trees;

/// <summary>
/// scikit-learn's splitter generator (the xorshift rand_r of sklearn/tree/_utils), so that from the same state a tree
/// draws its features and thresholds in the same order as scikit-learn's and breaks ties between equal splits alike.
/// </summary>
internal struct SplitterRandom(uint state)
{
    const uint RandMax = 0x7FFFFFFF;

    uint _state = state == 0 ? 1 : state;

    uint Next()
    {
        _state ^= _state << 13;
        _state ^= _state >> 17;
        _state ^= _state << 5;
        return _state % (RandMax + 1);
    }

    /// <summary>An integer in [low, high).</summary>
    public int Below(int low, int high) => low + (int)(Next() % (uint)(high - low));

    /// <summary>A number in [low, high].</summary>
    public double Uniform(double low, double high) => (high - low) * Next() / RandMax + low;
}

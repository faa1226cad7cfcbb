namespace Kiln.Data;

/// <summary>The smallest and largest finite values, skipping NaN and infinities as missing.</summary>
public static class FiniteRange
{
    public static (double Minimum, double Maximum)? Of(ReadOnlySpan<double> values)
    {
        double minimum = double.PositiveInfinity, maximum = double.NegativeInfinity;
        foreach (var value in values)
        {
            if (!double.IsFinite(value))
                continue;
            minimum = Math.Min(minimum, value);
            maximum = Math.Max(maximum, value);
        }
        return minimum <= maximum ? (minimum, maximum) : null;
    }
}

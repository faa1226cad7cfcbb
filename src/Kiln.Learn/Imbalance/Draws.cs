using Kiln.Data;

namespace Kiln.Learn.Imbalance;

/// <summary>Batches of seeded draws as plain arrays, for the samplers' index and interpolation loops.</summary>
internal static class Draws
{
    /// <summary><paramref name="count"/> integers uniform in [0, <paramref name="bound"/>).</summary>
    public static int[] Integers(RandomArrays random, int bound, int count)
    {
        var values = new long[count];
        if (count > 0) random.Integers(0, bound, count).FlattenTo(values);
        return Array.ConvertAll(values, v => (int)v);
    }

    /// <summary><paramref name="count"/> doubles uniform in [0, 1).</summary>
    public static double[] Uniform(RandomArrays random, int count)
    {
        var values = new double[count];
        if (count > 0) random.Uniform(count).FlattenTo(values);
        return values;
    }
}

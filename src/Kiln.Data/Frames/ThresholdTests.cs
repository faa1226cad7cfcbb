namespace Kiln.Data;

/// <summary>Comparisons as struct type parameters, so the mask-building loops inline them with no delegate call per row.</summary>
internal static class ThresholdTests
{
    internal interface ITest
    {
        static abstract bool Holds(double value, double threshold);

        /// <summary>The answer for a missing value: false, except for "not equal" (NaN != x is true in pandas).</summary>
        static abstract bool HoldsForMissing { get; }
    }

    internal readonly struct Greater : ITest
    {
        public static bool Holds(double value, double threshold) => value > threshold;
        public static bool HoldsForMissing => false;
    }

    internal readonly struct GreaterOrEqual : ITest
    {
        public static bool Holds(double value, double threshold) => value >= threshold;
        public static bool HoldsForMissing => false;
    }

    internal readonly struct Less : ITest
    {
        public static bool Holds(double value, double threshold) => value < threshold;
        public static bool HoldsForMissing => false;
    }

    internal readonly struct LessOrEqual : ITest
    {
        public static bool Holds(double value, double threshold) => value <= threshold;
        public static bool HoldsForMissing => false;
    }

    internal readonly struct Equal : ITest
    {
        public static bool Holds(double value, double threshold) => value == threshold;
        public static bool HoldsForMissing => false;
    }

    internal readonly struct NotEqual : ITest
    {
        public static bool Holds(double value, double threshold) => value != threshold;
        public static bool HoldsForMissing => true;
    }

    public static BoolColumn Apply<TTest>(string name, ReadOnlySpan<double> values, double threshold) where TTest : ITest
    {
        var result = new bool[values.Length];
        for (var i = 0; i < values.Length; i++)
            result[i] = double.IsNaN(values[i]) ? TTest.HoldsForMissing : TTest.Holds(values[i], threshold);
        return new BoolColumn(name, result);
    }

    public static BoolColumn Apply<TTest>(string name, ReadOnlySpan<long> values, ReadOnlySpan<bool> missing, double threshold) where TTest : ITest
    {
        var result = new bool[values.Length];
        for (var i = 0; i < values.Length; i++)
            result[i] = !missing.IsEmpty && missing[i] ? TTest.HoldsForMissing : TTest.Holds(values[i], threshold);
        return new BoolColumn(name, result);
    }
}

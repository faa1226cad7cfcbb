using Kiln.Data;

namespace Kiln.Learn.Tests.Compose;

/// <summary>The small mixed-type frame the pipeline and column transformer tests share (and fed to scikit-learn for their expected values).</summary>
internal static class ComposeSamples
{
    public static readonly Frame Frame = new(
        new Float64Column("a", [1, 2, 4, 8, 16]),
        new Int64Column("b", [3, 1, 4, 1, 5]),
        new StringColumn("city", ["Paris", "Lyon", "Paris", "Nice", "Lyon"]),
        new Int64Column("c", [10, 20, 30, 40, 50]));
}

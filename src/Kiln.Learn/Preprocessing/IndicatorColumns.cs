using Kiln.Data;

namespace Kiln.Learn.Preprocessing;

/// <summary>
/// Spreads per-row output positions into 0/1 float64 columns: each input column's rows say which of its outputs
/// is one (−1 for none). Every output column is written in one sequential pass, all of them in parallel.
/// </summary>
internal static class IndicatorColumns
{
    public static Column[] Expand(IReadOnlyList<int[]> targets, IReadOnlyList<IReadOnlyList<string>> names)
    {
        var sources = new List<(int Input, int Position)>();
        for (var j = 0; j < names.Count; j++)
            for (var k = 0; k < names[j].Count; k++) sources.Add((j, k));
        var output = new Column[sources.Count];
        Parallel.For(0, output.Length, o =>
        {
            var (input, position) = sources[o];
            var rows = targets[input];
            var values = GC.AllocateUninitializedArray<double>(rows.Length);
            for (var i = 0; i < values.Length; i++) values[i] = rows[i] == position ? 1 : 0;
            output[o] = new Float64Column(names[input][position], values);
        });
        return output;
    }
}

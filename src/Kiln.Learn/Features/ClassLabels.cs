using System.Globalization;
using Kiln.Data;

namespace Kiln.Learn.Features;

/// <summary>A class target as dense codes 0..k−1 in order of first appearance, with each class's row count.</summary>
public sealed class ClassLabels
{
    ClassLabels(int[] codes, int[] counts)
    {
        Codes = codes;
        Counts = counts;
    }

    public int[] Codes { get; }
    public int[] Counts { get; }
    public int ClassCount => Counts.Length;

    /// <summary>Codes the target's values; a missing label is an error naming the row.</summary>
    public static ClassLabels Of(Column target, string estimator)
    {
        var codes = new int[target.Length];
        var counts = new List<int>();
        if (target is StringColumn text)
        {
            var remap = new Dictionary<int, int>();
            for (var i = 0; i < codes.Length; i++)
            {
                var raw = text.Codes[i];
                if (raw < 0) throw Missing(target, i, estimator);
                codes[i] = Code(remap, raw, counts);
            }
        }
        else
        {
            if (target.Type == DataType.DateTime)
                throw new ArgumentException($"{estimator}: the target '{target.Name}' is datetime; class labels are text, int64, bool or float64", nameof(target));
            var values = target.AsFloat64().Values;
            var lookup = new Dictionary<double, int>();
            for (var i = 0; i < codes.Length; i++)
            {
                if (double.IsNaN(values[i])) throw Missing(target, i, estimator);
                codes[i] = Code(lookup, values[i], counts);
            }
        }
        return new ClassLabels(codes, [.. counts]);
    }

    static int Code<T>(Dictionary<T, int> lookup, T value, List<int> counts) where T : notnull
    {
        if (!lookup.TryGetValue(value, out var code))
        {
            code = counts.Count;
            lookup.Add(value, code);
            counts.Add(0);
        }
        counts[code]++;
        return code;
    }

    static ArgumentException Missing(Column target, int row, string estimator) =>
        new($"{estimator}: the target '{target.Name}' is missing at row {row.ToString(CultureInfo.InvariantCulture)}; drop or fill unlabelled rows first", nameof(target));
}

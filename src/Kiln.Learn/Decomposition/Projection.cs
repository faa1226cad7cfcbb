using System.Numerics.Tensors;
using Kiln.Data;

namespace Kiln.Learn.Decomposition;

/// <summary>Projects rows onto row-major components: one output column per component, optionally centred first and scaled after.</summary>
internal static class Projection
{
    public static Frame Apply(FeatureMatrix x, double[]? means, double[] components, IReadOnlyList<string> names, double[]? divisors)
    {
        var (rows, width, count) = (x.RowCount, x.FeatureCount, names.Count);
        var outputs = new double[count][];
        for (var k = 0; k < count; k++) outputs[k] = new double[rows];
        var values = x.Memory;
        Parallel.For(0, rows, () => new double[width], (i, _, row) =>
        {
            var input = values.Span.Slice(i * width, width);
            if (means is null) input.CopyTo(row);
            else TensorPrimitives.Subtract(input, means, row);
            for (var k = 0; k < count; k++)
            {
                var projection = TensorPrimitives.Dot(row, components.AsSpan(k * width, width));
                outputs[k][i] = divisors is null ? projection : projection / divisors[k];
            }
            return row;
        }, _ => { });
        var columns = new Column[count];
        for (var k = 0; k < count; k++) columns[k] = new Float64Column(names[k], outputs[k]);
        return new Frame(columns);
    }
}

using System.Numerics.Tensors;

namespace Kiln.Learn.Decomposition;

/// <summary>Householder QR of a column-major block, keeping only the triangular factor.</summary>
internal static class Householder
{
    /// <summary>
    /// Reduces the column-major <paramref name="block"/> (rows × columns, rows ≥ columns) to upper-triangular form in place
    /// by Householder reflections, and writes R (columns × columns, row-major) to <paramref name="r"/>.
    /// </summary>
    public static void Triangularise(Span<double> block, int rows, int columns, Span<double> r)
    {
        r.Clear();
        for (var k = 0; k < columns; k++)
        {
            var v = block.Slice(k * rows + k, rows - k);
            var norm = Math.Sqrt(TensorPrimitives.Dot<double>(v, v));
            if (norm == 0)
            {
                // nothing below the diagonal to eliminate: the row of R is what is left in the block
                for (var j = k + 1; j < columns; j++) r[k * columns + j] = block[j * rows + k];
                continue;
            }
            // reflect x onto −sign(x₀)‖x‖e₀, the choice that never subtracts nearly equal numbers
            var diagonal = v[0] >= 0 ? -norm : norm;
            v[0] -= diagonal;
            var scale = 2 / TensorPrimitives.Dot<double>(v, v);
            for (var j = k + 1; j < columns; j++)
            {
                var column = block.Slice(j * rows + k, rows - k);
                var factor = -scale * TensorPrimitives.Dot<double>(v, column);
                TensorPrimitives.MultiplyAdd(v, factor, column, column);
                r[k * columns + j] = column[0];
            }
            r[k * columns + k] = diagonal;
        }
    }
}

using Kiln.Data;

namespace Kiln.Learn.Tests.Decomposition;

/// <summary>Seeded tables of many rows with correlated columns, and their Gram matrices computed the plain way to check against.</summary>
internal static class TallTables
{
    /// <summary>Each column a different mix of a few normal draws, plus <paramref name="offset"/> × (column + 1).</summary>
    public static Frame Correlated(int rows, int columns, double offset, long seed)
    {
        var draws = new double[rows * 3];
        new RandomArrays(seed).Normal(draws.Length).FlattenTo(draws);
        var result = new Column[columns];
        for (var j = 0; j < columns; j++)
        {
            var values = new double[rows];
            for (var i = 0; i < rows; i++)
                values[i] = offset * (j + 1) + (j + 1) * draws[3 * i] + 0.5 * (j % 2 == 0 ? 1 : -1) * draws[3 * i + 1] + 0.1 * j * draws[3 * i + 2];
            result[j] = new Float64Column($"x{j}", values);
        }
        return new Frame(result);
    }

    /// <summary>Σ (x − centre)(x − centre)ᵀ over the rows, term by term.</summary>
    public static double[,] Gram(Frame table, bool centred)
    {
        var columns = Enumerable.Range(0, table.ColumnCount).Select(j => ((Float64Column)table[j]).Values.ToArray()).ToArray();
        var centres = columns.Select(c => centred ? c.Average() : 0).ToArray();
        var gram = new double[columns.Length, columns.Length];
        for (var a = 0; a < columns.Length; a++)
            for (var b = 0; b < columns.Length; b++)
                for (var i = 0; i < columns[a].Length; i++)
                    gram[a, b] += (columns[a][i] - centres[a]) * (columns[b][i] - centres[b]);
        return gram;
    }

    /// <summary>The largest |G·v − λv| over the entries, relative to λ: zero when v is an eigenvector of G with eigenvalue λ.</summary>
    public static double EigenResidual(double[,] gram, ReadOnlySpan<double> vector, double eigenvalue)
    {
        double largest = 0;
        for (var a = 0; a < vector.Length; a++)
        {
            double product = 0;
            for (var b = 0; b < vector.Length; b++) product += gram[a, b] * vector[b];
            largest = Math.Max(largest, Math.Abs(product - eigenvalue * vector[a]) / eigenvalue);
        }
        return largest;
    }
}

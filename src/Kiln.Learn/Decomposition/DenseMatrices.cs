using Kiln.Data;
using MathNet.Numerics.LinearAlgebra;

namespace Kiln.Learn.Decomposition;

/// <summary>Moves between Kiln's row-major feature matrices and the linear-algebra library's dense matrices.</summary>
internal static class DenseMatrices
{
    /// <summary>The features, each column minus <paramref name="means"/> (none when null), as a dense matrix.</summary>
    public static Matrix<double> Of(FeatureMatrix x, double[]? means)
    {
        var (rows, columns) = (x.RowCount, x.FeatureCount);
        var matrix = Matrix<double>.Build.Dense(rows, columns);
        var storage = (double[])matrix.AsColumnMajorArray();
        var values = x.Values;
        for (var i = 0; i < rows; i++)
            for (var j = 0; j < columns; j++)
                storage[j * rows + i] = values[i * columns + j] - (means?[j] ?? 0);
        return matrix;
    }

    /// <summary>The mean of each column.</summary>
    public static double[] ColumnMeans(FeatureMatrix x)
    {
        var means = new double[x.FeatureCount];
        for (var i = 0; i < x.RowCount; i++)
        {
            var row = x.Row(i);
            for (var j = 0; j < means.Length; j++) means[j] += row[j];
        }
        for (var j = 0; j < means.Length; j++) means[j] /= x.RowCount;
        return means;
    }

    /// <summary>A matrix's rows, row-major, for saving and for span arithmetic.</summary>
    public static double[] RowMajor(Matrix<double> matrix) => matrix.ToRowMajorArray();
}

using Kiln.Data;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace Kiln.Learn.Decomposition;

/// <summary>
/// Thin and randomized singular value decompositions of a dense matrix. The right vectors' signs are left as they come:
/// <see cref="BlockedColumns.FlipSigns"/> fixes them against the data, as scikit-learn's svd_flip does.
/// </summary>
internal static class Svd
{
    /// <summary>
    /// The exact thin SVD: singular values (descending) and right singular vectors as rows. A QR step first keeps the
    /// work at min(rows, columns)² beside the data, so a long or a wide matrix never builds its full U or V.
    /// </summary>
    public static (double[] Singular, Matrix<double> RightVectors) Thin(Matrix<double> x)
    {
        if (x.RowCount >= x.ColumnCount)
        {
            var r = x.RowCount == x.ColumnCount ? x : x.QR(QRMethod.Thin).R;
            var svd = r.Svd(computeVectors: true);
            return (svd.S.ToArray(), svd.VT);
        }
        // X' = QR gives X = (Q U_R S V_Rᵀ)ᵀ = V_R S (Q U_R)ᵀ, so the right vectors of X are the columns of Q U_R
        var qr = x.Transpose().QR(QRMethod.Thin);
        var small = qr.R.Svd(computeVectors: true);
        return (small.S.ToArray(), (qr.Q * small.U).Transpose());
    }

    /// <summary>
    /// Randomized SVD (Halko, Martinsson and Tropp, as scikit-learn's randomized_svd): a seeded Gaussian sketch of
    /// <paramref name="count"/> + <paramref name="oversamples"/> directions, <paramref name="iterations"/> QR-normalised power iterations.
    /// Given the triangular factor R of a tall X = QR it finds the same right vectors and singular values as on X itself,
    /// since every step is unchanged by the orthonormal Q on the left.
    /// </summary>
    public static (double[] Singular, Matrix<double> RightVectors) Randomized(Matrix<double> x, int count, int oversamples, int iterations, long seed)
    {
        // sketch the smaller side, as scikit-learn does, so the range finder works with the short dimension
        var transpose = x.RowCount < x.ColumnCount;
        var a = transpose ? x.Transpose() : x;
        var size = Math.Min(count + oversamples, Math.Min(a.RowCount, a.ColumnCount));
        var draws = new double[a.ColumnCount * size];
        new RandomArrays(seed).Normal(draws.Length).FlattenTo(draws);
        var q = a * Matrix<double>.Build.Dense(a.ColumnCount, size, draws);
        for (var i = 0; i < iterations; i++)
        {
            q = q.QR(QRMethod.Thin).Q;
            q = (a.TransposeThisAndMultiply(q)).QR(QRMethod.Thin).Q;
            q = a * q;
        }
        q = q.QR(QRMethod.Thin).Q;
        var b = q.TransposeThisAndMultiply(a);
        var svd = b.Svd(computeVectors: true);
        var singular = svd.S.ToArray()[..count];
        var right = transpose
            ? (q * svd.U).SubMatrix(0, q.RowCount, 0, count).Transpose()
            : svd.VT.SubMatrix(0, count, 0, svd.VT.ColumnCount);
        return (singular, right);
    }
}

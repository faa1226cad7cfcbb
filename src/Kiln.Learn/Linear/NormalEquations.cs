namespace Kiln.Learn.Linear;

/// <summary>
/// Solves (G + λI) w = b for a symmetric positive semi-definite G: Cholesky on the diagonally scaled system when it
/// is positive definite, otherwise the minimum-norm solution from an eigendecomposition (what a least-squares solver gives).
/// </summary>
internal static class NormalEquations
{
    /// <summary>Eigenvalues below this fraction of the largest count as zero: the columns are linearly dependent.</summary>
    const double RankTolerance = 1e-10;

    public static (double[] Solution, int Rank) Solve(double[] gram, double[] rhs, double ridge)
    {
        var p = rhs.Length;
        if (p == 0) return ([], 0);
        // scaling to a unit diagonal makes the pivot test independent of the columns' units
        var scale = new double[p];
        for (var j = 0; j < p; j++)
        {
            var d = gram[j * p + j] + ridge;
            scale[j] = d > 0 ? 1 / Math.Sqrt(d) : 0;
        }
        var factor = new double[p * p];
        for (var j = 0; j < p; j++)
            for (var k = 0; k < p; k++)
                factor[j * p + k] = (gram[j * p + k] + (j == k ? ridge : 0)) * scale[j] * scale[k];
        if (Array.IndexOf(scale, 0.0) < 0 && TryCholesky(factor, p))
        {
            var solution = new double[p];
            for (var j = 0; j < p; j++) solution[j] = rhs[j] * scale[j];
            SolveFactored(factor, p, solution);
            for (var j = 0; j < p; j++) solution[j] *= scale[j];
            return (solution, p);
        }
        return PseudoInverse(gram, rhs, ridge);
    }

    static bool TryCholesky(double[] a, int p)
    {
        for (var j = 0; j < p; j++)
        {
            var sum = a[j * p + j];
            for (var k = 0; k < j; k++) sum -= a[j * p + k] * a[j * p + k];
            if (!(sum > RankTolerance)) return false;
            var pivot = Math.Sqrt(sum);
            a[j * p + j] = pivot;
            for (var i = j + 1; i < p; i++)
            {
                var s = a[i * p + j];
                for (var k = 0; k < j; k++) s -= a[i * p + k] * a[j * p + k];
                a[i * p + j] = s / pivot;
            }
        }
        return true;
    }

    /// <summary>Forward then back substitution with the lower-triangular factor L (L Lᵀ = A), in place.</summary>
    static void SolveFactored(double[] lower, int p, double[] b)
    {
        for (var i = 0; i < p; i++)
        {
            var s = b[i];
            for (var k = 0; k < i; k++) s -= lower[i * p + k] * b[k];
            b[i] = s / lower[i * p + i];
        }
        for (var i = p - 1; i >= 0; i--)
        {
            var s = b[i];
            for (var k = i + 1; k < p; k++) s -= lower[k * p + i] * b[k];
            b[i] = s / lower[i * p + i];
        }
    }

    static (double[] Solution, int Rank) PseudoInverse(double[] gram, double[] rhs, double ridge)
    {
        var p = rhs.Length;
        var a = (double[])gram.Clone();
        for (var j = 0; j < p; j++) a[j * p + j] += ridge;
        var (eigenvalues, vectors) = SymmetricEigen(a, p);
        var largest = 0.0;
        foreach (var value in eigenvalues) largest = Math.Max(largest, value);
        var solution = new double[p];
        var rank = 0;
        for (var e = 0; e < p; e++)
        {
            if (!(eigenvalues[e] > RankTolerance * largest)) continue;
            rank++;
            double projection = 0;
            for (var j = 0; j < p; j++) projection += vectors[j * p + e] * rhs[j];
            projection /= eigenvalues[e];
            for (var j = 0; j < p; j++) solution[j] += projection * vectors[j * p + e];
        }
        return (solution, rank);
    }

    /// <summary>Cyclic Jacobi rotations: eigenvalues and the eigenvectors as the columns of a row-major p × p matrix.</summary>
    static (double[] Values, double[] Vectors) SymmetricEigen(double[] a, int p)
    {
        var v = new double[p * p];
        for (var j = 0; j < p; j++) v[j * p + j] = 1;
        for (var sweep = 0; sweep < 100; sweep++)
        {
            double off = 0, diagonal = 0;
            for (var i = 0; i < p; i++)
            {
                diagonal += a[i * p + i] * a[i * p + i];
                for (var j = i + 1; j < p; j++) off += a[i * p + j] * a[i * p + j];
            }
            if (off <= 1e-30 * diagonal || off == 0) break;
            for (var i = 0; i < p; i++)
                for (var j = i + 1; j < p; j++)
                {
                    var aij = a[i * p + j];
                    if (aij == 0) continue;
                    var theta = (a[j * p + j] - a[i * p + i]) / (2 * aij);
                    var t = Math.Sign(theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
                    if (theta == 0) t = 1;
                    var c = 1 / Math.Sqrt(t * t + 1);
                    var s = t * c;
                    for (var k = 0; k < p; k++)
                    {
                        var (aki, akj) = (a[k * p + i], a[k * p + j]);
                        a[k * p + i] = c * aki - s * akj;
                        a[k * p + j] = s * aki + c * akj;
                    }
                    for (var k = 0; k < p; k++)
                    {
                        var (aik, ajk) = (a[i * p + k], a[j * p + k]);
                        a[i * p + k] = c * aik - s * ajk;
                        a[j * p + k] = s * aik + c * ajk;
                    }
                    for (var k = 0; k < p; k++)
                    {
                        var (vki, vkj) = (v[k * p + i], v[k * p + j]);
                        v[k * p + i] = c * vki - s * vkj;
                        v[k * p + j] = s * vki + c * vkj;
                    }
                }
        }
        var values = new double[p];
        for (var j = 0; j < p; j++) values[j] = a[j * p + j];
        return (values, v);
    }
}

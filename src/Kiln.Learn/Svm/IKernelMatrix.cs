namespace Kiln.Learn.Svm;

/// <summary>The matrix Q of the dual problem as the solver reads it, in the solver's current order of variables.</summary>
internal interface IKernelMatrix
{
    /// <summary>The first <paramref name="length"/> entries of row i; valid while at most one other row is asked for.</summary>
    ReadOnlySpan<float> Row(int i, int length);

    /// <summary>Q[i, i] for every variable.</summary>
    double[] Diagonal { get; }

    /// <summary>Exchanges variables i and j.</summary>
    void Swap(int i, int j);
}

namespace Kiln.Learn.Svm;

/// <summary>
/// Kernel values of one training row against a range of training rows, held as one contiguous row-major matrix with
/// precomputed squared norms; the scratch space is allocated once. A row is computed on one core: the classifier's
/// pairs of classes already run in parallel, and splitting one row across cores measured slower on a shared machine.
/// </summary>
internal sealed class KernelRows
{
    readonly double[] _data;
    readonly double[] _norms;
    readonly int _width;
    readonly KernelFunction _kernel;
    readonly double[] _scratch;

    public KernelRows(double[] data, int count, int width, KernelFunction kernel)
    {
        _data = data;
        _width = width;
        _kernel = kernel;
        _norms = KernelFunction.SquaredNorms(data, count, width);
        _scratch = new double[count];
    }

    /// <summary>K(row, row) for every row.</summary>
    public double[] Diagonal()
    {
        var diagonal = new double[_norms.Length];
        for (var i = 0; i < diagonal.Length; i++) diagonal[i] = _kernel.Self(_norms[i]);
        return diagonal;
    }

    /// <summary>K(row, j) for j in [from, to), into the returned span (valid until the next call).</summary>
    public ReadOnlySpan<double> Compute(int row, int from, int to)
    {
        var output = _scratch.AsSpan(from, to - from);
        _kernel.Evaluate(_data.AsSpan(row * _width, _width), _norms[row], _data.AsSpan(from * _width, (to - from) * _width),
            _norms.AsSpan(from, to - from), _width, output);
        return output;
    }

    /// <summary>Exchanges rows i and j of the matrix, keeping their norms with them.</summary>
    public void Swap(int i, int j)
    {
        var (a, b) = (i * _width, j * _width);
        for (var k = 0; k < _width; k++) (_data[a + k], _data[b + k]) = (_data[b + k], _data[a + k]);
        (_norms[i], _norms[j]) = (_norms[j], _norms[i]);
    }
}

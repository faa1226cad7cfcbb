namespace Kiln.Learn.Svm;

/// <summary>
/// Kernel values of one training row against a range of training rows, held as one contiguous row-major matrix with
/// precomputed squared norms. A long range is split across the cores; the scratch space is allocated once.
/// </summary>
internal sealed class KernelRows
{
    // below this many multiply-adds a row is computed on one core: splitting would cost more than it saves
    const int ParallelWork = 1 << 16;
    const int MinimumChunk = 512;

    readonly double[] _data;
    readonly double[] _norms;
    readonly int _width;
    readonly KernelFunction _kernel;
    readonly double[] _scratch;
    readonly Action<int> _chunk;
    int _row, _from, _to, _chunkSize;

    public KernelRows(double[] data, int count, int width, KernelFunction kernel)
    {
        _data = data;
        _width = width;
        _kernel = kernel;
        _norms = KernelFunction.SquaredNorms(data, count, width);
        _scratch = new double[count];
        _chunk = ComputeChunk;
    }

    public KernelFunction Kernel => _kernel;

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
        var count = to - from;
        if ((long)count * _width < ParallelWork || Environment.ProcessorCount == 1)
        {
            Evaluate(row, from, to);
        }
        else
        {
            (_row, _from, _to) = (row, from, to);
            var chunks = Math.Min(Environment.ProcessorCount * 2, Math.Max(1, count / MinimumChunk));
            _chunkSize = (count + chunks - 1) / chunks;
            Parallel.For(0, chunks, _chunk);
        }
        return _scratch.AsSpan(from, count);
    }

    /// <summary>Exchanges rows i and j of the matrix, keeping their norms with them.</summary>
    public void Swap(int i, int j)
    {
        var (a, b) = (i * _width, j * _width);
        for (var k = 0; k < _width; k++) (_data[a + k], _data[b + k]) = (_data[b + k], _data[a + k]);
        (_norms[i], _norms[j]) = (_norms[j], _norms[i]);
    }

    void ComputeChunk(int chunk)
    {
        var start = _from + chunk * _chunkSize;
        var end = Math.Min(_to, start + _chunkSize);
        if (start < end) Evaluate(_row, start, end);
    }

    void Evaluate(int row, int from, int to) =>
        _kernel.Evaluate(_data.AsSpan(row * _width, _width), _norms[row], _data.AsSpan(from * _width, (to - from) * _width),
            _norms.AsSpan(from, to - from), _width, _scratch.AsSpan(from, to - from));
}

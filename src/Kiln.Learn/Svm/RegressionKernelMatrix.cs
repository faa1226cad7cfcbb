namespace Kiln.Learn.Svm;

/// <summary>
/// Q of ε-regression's dual, 2n variables over n rows: variable k is row k with sign +1 and variable n + k the same
/// row with sign −1, so Q[a, b] = signₐ·sign_b·K(x_row(a), x_row(b)). Whole kernel rows are cached by training row.
/// </summary>
internal sealed class RegressionKernelMatrix : IKernelMatrix
{
    readonly KernelRows _rows;
    readonly KernelCache _cache;
    readonly int _count;
    readonly sbyte[] _sign;
    readonly int[] _row;
    readonly float[][] _buffers;
    // which variable and how many entries each buffer holds (-1: none), so a row asked for again is not gathered again
    readonly int[] _bufferVariable = [-1, -1];
    readonly int[] _bufferLength = [0, 0];
    int _lastBuffer;

    public RegressionKernelMatrix(double[] data, int count, int width, KernelFunction kernel, double cacheMegabytes)
    {
        _count = count;
        _rows = new KernelRows(data, count, width, kernel);
        _cache = new KernelCache(count, count, cacheMegabytes);
        _sign = new sbyte[2 * count];
        _row = new int[2 * count];
        var kernelDiagonal = _rows.Diagonal();
        Diagonal = new double[2 * count];
        for (var k = 0; k < count; k++)
        {
            (_sign[k], _sign[k + count]) = (1, -1);
            (_row[k], _row[k + count]) = (k, k);
            Diagonal[k] = Diagonal[k + count] = kernelDiagonal[k];
        }
        // two buffers, because the solver holds two rows at once
        _buffers = [new float[2 * count], new float[2 * count]];
    }

    public double[] Diagonal { get; }

    public ReadOnlySpan<float> Row(int i, int length)
    {
        for (var b = 0; b < 2; b++)
            if (_bufferVariable[b] == i && _bufferLength[b] >= length)
            {
                _lastBuffer = b;
                return _buffers[b].AsSpan(0, length);
            }
        var row = _row[i];
        var data = _cache.Get(row, out var filled);
        if (filled < _count)
        {
            var values = _rows.Compute(row, filled, _count);
            for (var j = filled; j < _count; j++) data[j] = (float)values[j - filled];
            _cache.MarkFilled(row, _count);
        }
        // never the buffer handed out last: the solver may still be reading it
        _lastBuffer = 1 - _lastBuffer;
        var buffer = _buffers[_lastBuffer];
        (_bufferVariable[_lastBuffer], _bufferLength[_lastBuffer]) = (i, length);
        float sign = _sign[i];
        for (var j = 0; j < length; j++) buffer[j] = sign * _sign[j] * data[_row[j]];
        return buffer.AsSpan(0, length);
    }

    public void Swap(int i, int j)
    {
        _bufferVariable[0] = _bufferVariable[1] = -1;
        (_sign[i], _sign[j]) = (_sign[j], _sign[i]);
        (_row[i], _row[j]) = (_row[j], _row[i]);
        (Diagonal[i], Diagonal[j]) = (Diagonal[j], Diagonal[i]);
    }
}

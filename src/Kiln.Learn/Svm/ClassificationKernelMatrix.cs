namespace Kiln.Learn.Svm;

/// <summary>Q[i, j] = yᵢ·yⱼ·K(xᵢ, xⱼ) of a two-class problem, rows cached and computed only over the active variables.</summary>
internal sealed class ClassificationKernelMatrix : IKernelMatrix
{
    readonly KernelRows _rows;
    readonly KernelCache _cache;
    readonly sbyte[] _y;

    /// <param name="data">The problem's rows, row-major; the matrix owns and reorders it.</param>
    public ClassificationKernelMatrix(double[] data, int count, int width, sbyte[] y, KernelFunction kernel, double cacheMegabytes)
    {
        _rows = new KernelRows(data, count, width, kernel);
        _cache = new KernelCache(count, count, cacheMegabytes);
        _y = (sbyte[])y.Clone();
        Diagonal = _rows.Diagonal();
    }

    public double[] Diagonal { get; }

    public ReadOnlySpan<float> Row(int i, int length)
    {
        var data = _cache.Get(i, out var filled);
        if (filled < length)
        {
            var values = _rows.Compute(i, filled, length);
            var yi = _y[i];
            for (var j = filled; j < length; j++) data[j] = (float)(yi * _y[j] * values[j - filled]);
            _cache.MarkFilled(i, length);
        }
        return data[..length];
    }

    public void Swap(int i, int j)
    {
        _cache.Swap(i, j);
        _rows.Swap(i, j);
        (_y[i], _y[j]) = (_y[j], _y[i]);
        (Diagonal[i], Diagonal[j]) = (Diagonal[j], Diagonal[i]);
    }
}

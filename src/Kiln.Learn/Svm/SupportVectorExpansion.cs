using System.Numerics.Tensors;

namespace Kiln.Learn.Svm;

/// <summary>
/// Kernel values of new rows against the support vectors only, blocked so a slice of support vectors stays in cache
/// while a block of rows is evaluated against it, and blocks of rows run in parallel.
/// </summary>
internal sealed class SupportVectorExpansion
{
    const int RowBlock = 64;
    const int VectorBlock = 512;

    readonly double[] _vectors;
    readonly double[] _norms;

    public SupportVectorExpansion(KernelFunction kernel, double[] vectors, int count, int width)
    {
        Kernel = kernel;
        _vectors = vectors;
        Count = count;
        Width = width;
        _norms = KernelFunction.SquaredNorms(vectors, count, width);
    }

    public KernelFunction Kernel { get; }
    public int Count { get; }
    public int Width { get; }
    public ReadOnlySpan<double> Vectors => _vectors;

    /// <summary>
    /// Calls <paramref name="combine"/> with each row's position and its kernel values against every support vector;
    /// <paramref name="rowCount"/> rows of <paramref name="rows"/> (row-major, <see cref="Width"/> wide).
    /// </summary>
    public void ForEachRow(ReadOnlyMemory<double> rows, int rowCount, RowKernelValues combine)
    {
        var blocks = (rowCount + RowBlock - 1) / RowBlock;
        Parallel.For(0, blocks, () => new double[RowBlock * Count], (block, _, values) =>
        {
            var data = rows.Span;
            var start = block * RowBlock;
            var end = Math.Min(rowCount, start + RowBlock);
            Span<double> rowNorms = stackalloc double[RowBlock];
            for (var i = start; i < end; i++)
            {
                var x = data.Slice(i * Width, Width);
                rowNorms[i - start] = TensorPrimitives.Dot(x, x);
            }
            for (var from = 0; from < Count; from += VectorBlock)
            {
                var to = Math.Min(Count, from + VectorBlock);
                var vectors = _vectors.AsSpan(from * Width, (to - from) * Width);
                var norms = _norms.AsSpan(from, to - from);
                for (var i = start; i < end; i++)
                    Kernel.Evaluate(data.Slice(i * Width, Width), rowNorms[i - start], vectors, norms, Width,
                        values.AsSpan((i - start) * Count + from, to - from));
            }
            for (var i = start; i < end; i++) combine(i, values.AsSpan((i - start) * Count, Count));
            return values;
        }, _ => { });
    }
}

/// <summary>Receives one row's kernel values against every support vector.</summary>
internal delegate void RowKernelValues(int row, ReadOnlySpan<double> kernelValues);

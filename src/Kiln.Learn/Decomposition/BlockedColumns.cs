using System.Numerics.Tensors;
using Kiln.Data;
using MathNet.Numerics.LinearAlgebra;

namespace Kiln.Learn.Decomposition;

/// <summary>
/// A data matrix read straight from its frame columns (each optionally minus a centre) in blocks of rows, so the
/// decompositions never build a row-major or a centred copy of the whole table.
/// </summary>
internal sealed class BlockedColumns
{
    const int MinimumRowsPerBlock = 2048;

    readonly Float64Column[] _columns;
    readonly double[] _centres;
    readonly int _rowsPerBlock;

    /// <param name="centres">Subtracted from each column as it is read; none leaves the values as they are.</param>
    public BlockedColumns(Float64Column[] columns, double[]? centres)
    {
        _columns = columns;
        _centres = centres ?? new double[columns.Length];
        RowCount = columns.Length == 0 ? 0 : columns[0].Length;
        // at least four rows per column, so the stacked triangular factors stay a quarter of the data's size
        _rowsPerBlock = Math.Max(MinimumRowsPerBlock, 4 * columns.Length);
    }

    public int RowCount { get; }

    public int ColumnCount => _columns.Length;

    /// <summary>Whether there are at least as many rows as columns, which <see cref="TriangularFactor"/> needs.</summary>
    public bool IsTall => RowCount >= ColumnCount;

    /// <summary>The mean of each column.</summary>
    public static double[] Means(Float64Column[] columns)
    {
        var means = new double[columns.Length];
        for (var j = 0; j < means.Length; j++) means[j] = TensorPrimitives.Sum(columns[j].Values) / columns[j].Length;
        return means;
    }

    /// <summary>The sum of the squared (centred) values, column by column: ‖X‖² of the matrix as read.</summary>
    public double SumOfSquares()
    {
        double total = 0;
        for (var j = 0; j < ColumnCount; j++)
        {
            var values = _columns[j].Values;
            var centre = _centres[j];
            for (var i = 0; i < values.Length; i++) total += (values[i] - centre) * (values[i] - centre);
        }
        return total;
    }

    /// <summary>The matrix as read, as a dense matrix: for data too wide for <see cref="TriangularFactor"/>.</summary>
    public Matrix<double> ToDense()
    {
        var matrix = Matrix<double>.Build.Dense(RowCount, ColumnCount);
        var storage = (double[])matrix.AsColumnMajorArray();
        for (var j = 0; j < ColumnCount; j++)
            TensorPrimitives.Subtract(_columns[j].Values, _centres[j], storage.AsSpan(j * RowCount, RowCount));
        return matrix;
    }

    /// <summary>
    /// The upper-triangular R of X = QR (columns × columns), by a tall-skinny QR: each block of rows is factorised on its
    /// own (in parallel), then the blocks' stacked R factors once more. RᵀR = XᵀX, so R has X's singular values and right
    /// singular vectors, and Q is never formed. The blocks are fixed by the row count, so the result does not depend on threads.
    /// </summary>
    public Matrix<double> TriangularFactor()
    {
        var d = ColumnCount;
        var blocks = Math.Max(1, RowCount / _rowsPerBlock);
        var stacked = new double[blocks * d * d];
        Parallel.For(0, blocks, () => new double[(_rowsPerBlock * 2) * d], (block, _, buffer) =>
        {
            var (start, count) = BlockRows(block, blocks);
            for (var j = 0; j < d; j++)
                TensorPrimitives.Subtract(_columns[j].Values.Slice(start, count), _centres[j], buffer.AsSpan(j * count, count));
            Householder.Triangularise(buffer.AsSpan(0, count * d), count, d, stacked.AsSpan(block * d * d, d * d));
            return buffer;
        }, _ => { });
        if (blocks == 1) return Matrix<double>.Build.DenseOfRowMajor(d, d, stacked);
        // the stacked factors, rows of block after block, laid out column-major for the second factorisation
        var rows = blocks * d;
        var columnMajor = new double[rows * d];
        for (var b = 0; b < blocks; b++)
            for (var i = 0; i < d; i++)
                for (var j = 0; j < d; j++)
                    columnMajor[j * rows + b * d + i] = stacked[b * d * d + i * d + j];
        var r = new double[d * d];
        Householder.Triangularise(columnMajor, rows, d, r);
        return Matrix<double>.Build.DenseOfRowMajor(d, d, r);
    }

    /// <summary>
    /// scikit-learn's svd_flip on the left vectors X·v without forming them: flips each of the first <paramref name="count"/>
    /// rows of <paramref name="components"/> (row-major) so that the projection of largest magnitude (the first on a tie) is positive.
    /// </summary>
    /// <param name="projectionMeans">When given, also returns each projection's variance (ddof 0) about these means; else null.</param>
    public double[]? FlipSigns(double[] components, int count, double[]? projectionMeans)
    {
        var d = ColumnCount;
        var blocks = (RowCount + _rowsPerBlock - 1) / _rowsPerBlock;
        var largest = new double[blocks * count];
        var squares = new double[blocks * count];
        Parallel.For(0, blocks, () => (new double[_rowsPerBlock], NewArrays(count, _rowsPerBlock)), (block, _, buffers) =>
        {
            var start = block * _rowsPerBlock;
            var rows = Math.Min(_rowsPerBlock, RowCount - start);
            var (deviation, projections) = buffers;
            Project(start, rows, components, count, deviation, projections, 0);
            for (var k = 0; k < count; k++)
            {
                var projection = projections[k].AsSpan(0, rows);
                var best = 0;
                for (var i = 1; i < rows; i++)
                    if (Math.Abs(projection[i]) > Math.Abs(projection[best])) best = i;
                largest[block * count + k] = projection[best];
                if (projectionMeans is null) continue;
                double sum = 0;
                foreach (var value in projection) sum += (value - projectionMeans[k]) * (value - projectionMeans[k]);
                squares[block * count + k] = sum;
            }
            return buffers;
        }, _ => { });
        for (var k = 0; k < count; k++)
        {
            // blocks in row order, a later block winning only when strictly larger: the first row on a tie, as NumPy's argmax
            var winner = largest[k];
            for (var b = 1; b < blocks; b++)
                if (Math.Abs(largest[b * count + k]) > Math.Abs(winner)) winner = largest[b * count + k];
            if (winner < 0) TensorPrimitives.Negate(components.AsSpan(k * d, d), components.AsSpan(k * d, d));
        }
        if (projectionMeans is null) return null;
        var variances = new double[count];
        for (var k = 0; k < count; k++)
        {
            double total = 0;
            for (var b = 0; b < blocks; b++) total += squares[b * count + k];
            variances[k] = total / RowCount;
        }
        return variances;
    }

    /// <summary>Projects every row onto the first <paramref name="count"/> components, one output array per component, in parallel blocks.</summary>
    public double[][] ProjectAll(double[] components, int count)
    {
        var outputs = NewArrays(count, RowCount);
        var blocks = (RowCount + _rowsPerBlock - 1) / _rowsPerBlock;
        Parallel.For(0, blocks, () => new double[_rowsPerBlock], (block, _, deviation) =>
        {
            var start = block * _rowsPerBlock;
            Project(start, Math.Min(_rowsPerBlock, RowCount - start), components, count, deviation, outputs, start);
            return deviation;
        }, _ => { });
        return outputs;
    }

    /// <summary>Rows start..start+rows projected onto each component k, into outputs[k] from <paramref name="offset"/> on.</summary>
    void Project(int start, int rows, double[] components, int count, double[] deviation, double[][] outputs, int offset)
    {
        for (var k = 0; k < count; k++) outputs[k].AsSpan(offset, rows).Clear();
        var centred = deviation.AsSpan(0, rows);
        for (var j = 0; j < ColumnCount; j++)
        {
            // centre each column before weighting it, so a large offset cannot cancel away the digits of the projection
            TensorPrimitives.Subtract(_columns[j].Values.Slice(start, rows), _centres[j], centred);
            for (var k = 0; k < count; k++)
            {
                var output = outputs[k].AsSpan(offset, rows);
                TensorPrimitives.MultiplyAdd(centred, components[k * ColumnCount + j], output, output);
            }
        }
    }

    static double[][] NewArrays(int count, int length)
    {
        var arrays = new double[count][];
        for (var k = 0; k < count; k++) arrays[k] = new double[length];
        return arrays;
    }

    /// <summary>The rows of a factorisation block; the last block also takes the remainder, so no block is shorter than the columns.</summary>
    (int Start, int Count) BlockRows(int block, int blocks)
    {
        var start = block * _rowsPerBlock;
        return (start, block == blocks - 1 ? RowCount - start : _rowsPerBlock);
    }
}

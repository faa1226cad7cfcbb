using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Kiln.Data;
using Kiln.Learn.Preprocessing;

namespace Kiln.Learn.Neighbors;

/// <summary>
/// Exact k-nearest-neighbour search over fixed training rows. Brute force works in tiles: a block of query rows against
/// a cache-sized tile of training rows, Euclidean ranked by ‖t‖² − 2q·t and cosine by −q̂·t̂ (one dot product per pair),
/// keeping the k best per query by insertion; the chosen neighbours' distances are then computed exactly. Query blocks
/// run in parallel. Ties go to the earlier training row.
/// </summary>
internal sealed class NeighborSearch
{
    const int QueryBlock = 32;
    const int TrainingTile = 256;

    readonly double[] _rows;
    readonly int _rowCount;
    readonly int _width;
    readonly DistanceMetric _metric;
    readonly double[] _squaredNorms;
    readonly double[] _unitRows;

    readonly KdTree? _tree;

    public NeighborSearch(double[] rows, int rowCount, int width, DistanceMetric metric, NeighborAlgorithm algorithm)
    {
        CheckAlgorithm(metric, algorithm);
        // a tree pays on few features and enough rows; in higher dimensions it ends up visiting most leaves anyway
        var useTree = algorithm == NeighborAlgorithm.KdTree
            || (algorithm == NeighborAlgorithm.Auto && metric != DistanceMetric.Cosine && width <= 15 && rowCount > 256);
        _tree = useTree ? new KdTree(rows, rowCount, width, metric) : null;
        _rows = rows;
        _rowCount = rowCount;
        _width = width;
        _metric = metric;
        _squaredNorms = metric == DistanceMetric.Euclidean ? new double[rowCount] : [];
        _unitRows = metric == DistanceMetric.Cosine ? new double[rows.Length] : [];
        for (var t = 0; t < rowCount; t++)
        {
            var row = rows.AsSpan(t * width, width);
            if (metric == DistanceMetric.Euclidean) _squaredNorms[t] = TensorPrimitives.Dot(row, row);
            if (metric == DistanceMetric.Cosine) Normalise(row, _unitRows.AsSpan(t * width, width));
        }
    }

    public int RowCount => _rowCount;

    /// <summary>The training rows, row-major.</summary>
    public double[] Rows => _rows;

    /// <summary>Refuses settings no search can honour: a k above the training rows (naming n-neighbors and the row count), a KD-tree for cosine.</summary>
    public static void CheckSettings(int k, int rowCount, DistanceMetric metric, NeighborAlgorithm algorithm, string estimator)
    {
        if (k > rowCount)
            throw new ArgumentException(
                $"{estimator}: parameter 'n-neighbors' is {k} but the training set has only {rowCount} rows; lower n-neighbors to at most {rowCount}", "NNeighbors");
        CheckAlgorithm(metric, algorithm);
    }

    static void CheckAlgorithm(DistanceMetric metric, NeighborAlgorithm algorithm)
    {
        if (algorithm == NeighborAlgorithm.KdTree && metric == DistanceMetric.Cosine)
            throw new ArgumentException("parameter 'algorithm' is kd-tree, which searches by euclidean or manhattan distance; use brute or auto for cosine", "Algorithm");
    }

    /// <summary>A search over the training rows, after <see cref="CheckSettings"/>.</summary>
    public static NeighborSearch Over(FeatureMatrix x, int k, DistanceMetric metric, NeighborAlgorithm algorithm, string estimator)
    {
        CheckSettings(k, x.RowCount, metric, algorithm, estimator);
        // the rows are only ever read, so the matrix's own array is shared rather than copied
        var rows = MemoryMarshal.TryGetArray(x.Memory, out var whole) && whole.Offset == 0 && whole.Count == whole.Array!.Length
            ? whole.Array
            : x.ToArray();
        return new NeighborSearch(rows, x.RowCount, x.FeatureCount, metric, algorithm);
    }

    /// <summary>
    /// The <paramref name="k"/> nearest training rows of each query row, nearest first: <c>Indices[q * k + j]</c> and
    /// <c>Distances[q * k + j]</c>.
    /// </summary>
    public (int[] Indices, double[] Distances) Find(ReadOnlyMemory<double> queries, int queryCount, int k)
    {
        var indices = new int[queryCount * k];
        var distances = new double[queryCount * k];
        var blocks = (queryCount + QueryBlock - 1) / QueryBlock;
        Parallel.For(0, blocks, () => new double[(QueryBlock + 1) * _width], (block, _, scratch) =>
        {
            var first = block * QueryBlock;
            var count = Math.Min(QueryBlock, queryCount - first);
            var span = queries.Span;
            var queryRows = span.Slice(first * _width, count * _width);
            if (_metric == DistanceMetric.Cosine)
            {
                for (var q = 0; q < count; q++) Normalise(queryRows.Slice(q * _width, _width), scratch.AsSpan(q * _width, _width));
                queryRows = scratch.AsSpan(0, count * _width);
            }
            var scores = distances.AsSpan(first * k, count * k);
            var nearest = indices.AsSpan(first * k, count * k);
            scores.Fill(double.PositiveInfinity);
            nearest.Fill(-1);
            if (_tree is not null)
                for (var q = 0; q < count; q++) _tree.Search(queryRows.Slice(q * _width, _width), scores.Slice(q * k, k), nearest.Slice(q * k, k));
            else
                ScanBlock(queryRows, count, scores, nearest, scratch);
            for (var q = 0; q < count; q++)
                ExactDistances(span.Slice((first + q) * _width, _width), nearest.Slice(q * k, k), scores.Slice(q * k, k));
            return scratch;
        }, _ => { });
        return (indices, distances);
    }

    /// <summary>What a fitted model does with one query row's neighbours and their weights.</summary>
    public delegate void NeighborAction(int row, ReadOnlySpan<int> neighbors, ReadOnlySpan<double> weights);

    /// <summary>Finds each row's k neighbours and hands them with their weights to <paramref name="action"/>, rows in parallel.</summary>
    public void ForEachRow(FeatureMatrix x, int k, NeighborWeighting weighting, NeighborAction action)
    {
        var (indices, distances) = Find(x.Memory, x.RowCount, k);
        Parallel.For(0, x.RowCount, () => new double[k], (i, _, weights) =>
        {
            Weights(distances.AsSpan(i * k, k), weighting, weights);
            action(i, indices.AsSpan(i * k, k), weights);
            return weights;
        }, _ => { });
    }

    /// <summary>The k nearest training rows of each row of a frame, after the same checks as prediction.</summary>
    public (int[] Indices, double[] Distances) Find(IModel model, Frame features, int k)
    {
        var x = NumericInput.CheckedMatrix(model, features);
        return Find(x.Memory, x.RowCount, k);
    }

    /// <summary>Inverse-distance or equal weights for each neighbour; neighbours at distance zero, if any, decide alone (as scikit-learn).</summary>
    public static void Weights(ReadOnlySpan<double> distances, NeighborWeighting weighting, Span<double> weights)
    {
        if (weighting == NeighborWeighting.Uniform)
        {
            weights.Fill(1);
            return;
        }
        var exact = distances.IndexOf(0.0) >= 0;
        for (var j = 0; j < distances.Length; j++)
            weights[j] = exact ? (distances[j] == 0 ? 1 : 0) : 1 / distances[j];
    }

    /// <summary>A block of query rows against every training row, tile by tile so the tile stays in cache across the block.</summary>
    void ScanBlock(ReadOnlySpan<double> queryRows, int count, Span<double> scores, Span<int> nearest, double[] scratch)
    {
        var k = scores.Length / count;
        for (var tile = 0; tile < _rowCount; tile += TrainingTile)
        {
            var tileEnd = Math.Min(_rowCount, tile + TrainingTile);
            var q = 0;
            if (_metric != DistanceMetric.Manhattan)
                for (; q + 4 <= count; q += 4)
                    ScanTileByFour(queryRows.Slice(q * _width, 4 * _width), tile, tileEnd, scores.Slice(q * k, 4 * k), nearest.Slice(q * k, 4 * k));
            for (; q < count; q++)
                ScanTile(queryRows.Slice(q * _width, _width), tile, tileEnd, scores.Slice(q * k, k), nearest.Slice(q * k, k), scratch);
        }
    }

    /// <summary>Four query rows against a tile, two training rows at a time: each loaded vector feeds several dot products.</summary>
    void ScanTileByFour(ReadOnlySpan<double> queries, int tile, int tileEnd, Span<double> scores, Span<int> nearest)
    {
        var k = scores.Length / 4;
        var rows = _metric == DistanceMetric.Cosine ? _unitRows : _rows;
        Span<double> dots = stackalloc double[8];
        var t = tile;
        for (; t + 2 <= tileEnd; t += 2)
        {
            DotsFourByTwo(queries, rows.AsSpan(t * _width, 2 * _width), _width, dots);
            for (var r = 0; r < 2; r++)
                for (var q = 0; q < 4; q++)
                    Offer(Score(t + r, dots[r * 4 + q]), t + r, scores.Slice(q * k, k), nearest.Slice(q * k, k));
        }
        for (; t < tileEnd; t++)
            for (var q = 0; q < 4; q++)
                Offer(Score(t, TensorPrimitives.Dot(queries.Slice(q * _width, _width), rows.AsSpan(t * _width, _width))), t, scores.Slice(q * k, k), nearest.Slice(q * k, k));
    }

    /// <summary>The ranking score from a dot product: ‖t‖² − 2q·t for Euclidean (‖q‖² is the same for every t), −q̂·t̂ for cosine.</summary>
    double Score(int row, double dot) => _metric == DistanceMetric.Euclidean ? _squaredNorms[row] - 2 * dot : -dot;

    /// <summary>dots[r * 4 + q] = queries row q · training row r, with eight vector accumulators.</summary>
    static void DotsFourByTwo(ReadOnlySpan<double> queries, ReadOnlySpan<double> training, int width, Span<double> dots)
    {
        ref var q = ref MemoryMarshal.GetReference(queries);
        ref var t = ref MemoryMarshal.GetReference(training);
        var w = (nuint)width;
        var step = (nuint)Vector<double>.Count;
        Vector<double> a0 = default, a1 = default, a2 = default, a3 = default, b0 = default, b1 = default, b2 = default, b3 = default;
        nuint j = 0;
        for (; j + step <= w; j += step)
        {
            var t0 = Vector.LoadUnsafe(ref t, j);
            var t1 = Vector.LoadUnsafe(ref t, w + j);
            var q0 = Vector.LoadUnsafe(ref q, j);
            var q1 = Vector.LoadUnsafe(ref q, w + j);
            var q2 = Vector.LoadUnsafe(ref q, 2 * w + j);
            var q3 = Vector.LoadUnsafe(ref q, 3 * w + j);
            a0 = Vector.FusedMultiplyAdd(q0, t0, a0);
            a1 = Vector.FusedMultiplyAdd(q1, t0, a1);
            a2 = Vector.FusedMultiplyAdd(q2, t0, a2);
            a3 = Vector.FusedMultiplyAdd(q3, t0, a3);
            b0 = Vector.FusedMultiplyAdd(q0, t1, b0);
            b1 = Vector.FusedMultiplyAdd(q1, t1, b1);
            b2 = Vector.FusedMultiplyAdd(q2, t1, b2);
            b3 = Vector.FusedMultiplyAdd(q3, t1, b3);
        }
        dots[0] = Vector.Sum(a0);
        dots[1] = Vector.Sum(a1);
        dots[2] = Vector.Sum(a2);
        dots[3] = Vector.Sum(a3);
        dots[4] = Vector.Sum(b0);
        dots[5] = Vector.Sum(b1);
        dots[6] = Vector.Sum(b2);
        dots[7] = Vector.Sum(b3);
        for (; j < w; j++)
            for (var r = 0; r < 2; r++)
                for (var row = 0; row < 4; row++)
                    dots[r * 4 + row] += queries[row * width + (int)j] * training[r * width + (int)j];
    }

    /// <summary>
    /// Inserts a candidate into a query's k best, sorted by (score, row): the lower row wins a tie whatever order
    /// candidates arrive in, so brute force and the tree agree.
    /// </summary>
    internal static void Offer(double score, int row, Span<double> scores, Span<int> nearest)
    {
        var at = scores.Length - 1;
        if (score > scores[at] || (score == scores[at] && nearest[at] >= 0 && row > nearest[at])) return;
        while (at > 0 && (scores[at - 1] > score || (scores[at - 1] == score && nearest[at - 1] > row)))
        {
            scores[at] = scores[at - 1];
            nearest[at] = nearest[at - 1];
            at--;
        }
        scores[at] = score;
        nearest[at] = row;
    }

    void ScanTile(ReadOnlySpan<double> query, int tile, int tileEnd, Span<double> scores, Span<int> nearest, double[] scratch)
    {
        for (var t = tile; t < tileEnd; t++)
        {
            var score = _metric switch
            {
                DistanceMetric.Euclidean => _squaredNorms[t] - 2 * TensorPrimitives.Dot(query, _rows.AsSpan(t * _width, _width)),
                DistanceMetric.Cosine => -TensorPrimitives.Dot(query, _unitRows.AsSpan(t * _width, _width)),
                _ => Manhattan(query, _rows.AsSpan(t * _width, _width), scratch.AsSpan(scratch.Length - _width)),
            };
            Offer(score, t, scores, nearest);
        }
    }

    /// <summary>Replaces ranking scores by true distances, re-sorting in case rounding in the dot-product form swapped near ties.</summary>
    void ExactDistances(ReadOnlySpan<double> query, Span<int> nearest, Span<double> distances)
    {
        for (var j = 0; j < nearest.Length; j++)
            distances[j] = Distance(query, nearest[j]);
        for (var j = 1; j < nearest.Length; j++)
        {
            var (distance, index) = (distances[j], nearest[j]);
            var at = j;
            while (at > 0 && (distances[at - 1] > distance || (distances[at - 1] == distance && nearest[at - 1] > index)))
            {
                distances[at] = distances[at - 1];
                nearest[at] = nearest[at - 1];
                at--;
            }
            distances[at] = distance;
            nearest[at] = index;
        }
    }

    double Distance(ReadOnlySpan<double> query, int row)
    {
        var other = _rows.AsSpan(row * _width, _width);
        switch (_metric)
        {
            case DistanceMetric.Euclidean:
                return TensorPrimitives.Distance(query, other);
            case DistanceMetric.Manhattan:
                double sum = 0;
                for (var j = 0; j < query.Length; j++) sum += Math.Abs(query[j] - other[j]);
                return sum;
            default:
                var (queryNorm, otherNorm) = (TensorPrimitives.Norm(query), TensorPrimitives.Norm(other));
                var cosine = queryNorm == 0 || otherNorm == 0 ? 0 : TensorPrimitives.Dot(query, other) / (queryNorm * otherNorm);
                return Math.Clamp(1 - cosine, 0, 2);
        }
    }

    static double Manhattan(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> difference)
    {
        TensorPrimitives.Subtract(a, b, difference);
        return TensorPrimitives.SumOfMagnitudes<double>(difference);
    }

    /// <summary>The row scaled to unit length; a zero row stays zero, as scikit-learn's normalize leaves it.</summary>
    static void Normalise(ReadOnlySpan<double> row, Span<double> unit)
    {
        var norm = TensorPrimitives.Norm(row);
        if (norm == 0) unit.Clear();
        else TensorPrimitives.Divide(row, norm, unit);
    }
}

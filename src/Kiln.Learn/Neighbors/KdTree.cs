namespace Kiln.Learn.Neighbors;

/// <summary>
/// A KD-tree over row-major rows for exact Euclidean or Manhattan k-nearest-neighbour search: each node splits its rows
/// at the median of their widest feature, and a search skips a subtree when the splitting plane alone is farther than
/// the k-th best so far. Scores are squared Euclidean or Manhattan distances; ties go to the lower row index.
/// </summary>
internal sealed class KdTree
{
    const int LeafSize = 24;

    readonly double[] _rows;
    readonly int _width;
    readonly bool _squared;
    readonly int[] _order;
    readonly List<Node> _nodes = [];

    readonly record struct Node(int Start, int End, int Feature, double Split, int Left, int Right);

    public KdTree(double[] rows, int rowCount, int width, DistanceMetric metric)
    {
        _rows = rows;
        _width = width;
        _squared = metric == DistanceMetric.Euclidean;
        _order = new int[rowCount];
        for (var i = 0; i < rowCount; i++) _order[i] = i;
        Build(0, rowCount, new double[rowCount]);
    }

    /// <summary>Fills <paramref name="scores"/> and <paramref name="nearest"/> (sorted, +∞ and −1 at first) with the k best rows.</summary>
    public void Search(ReadOnlySpan<double> query, Span<double> scores, Span<int> nearest) => Visit(0, query, scores, nearest);

    int Build(int start, int end, double[] keys)
    {
        var index = _nodes.Count;
        _nodes.Add(new Node(start, end, -1, 0, -1, -1));
        if (end - start <= LeafSize) return index;
        var feature = WidestFeature(start, end);
        if (feature < 0) return index;
        for (var i = start; i < end; i++) keys[i] = _rows[_order[i] * _width + feature];
        // sorting by value then row keeps the tree, and so every tie, the same from run to run
        Array.Sort(keys, _order, start, end - start);
        var middle = (start + end) / 2;
        var split = keys[middle];
        var left = Build(start, middle, keys);
        var right = Build(middle, end, keys);
        _nodes[index] = new Node(start, end, feature, split, left, right);
        return index;
    }

    /// <summary>The feature whose values spread widest over the node's rows, or −1 when every row is the same point.</summary>
    int WidestFeature(int start, int end)
    {
        var (best, widest) = (-1, 0.0);
        for (var f = 0; f < _width; f++)
        {
            double low = double.PositiveInfinity, high = double.NegativeInfinity;
            for (var i = start; i < end; i++)
            {
                var value = _rows[_order[i] * _width + f];
                low = Math.Min(low, value);
                high = Math.Max(high, value);
            }
            if (high - low > widest) (best, widest) = (f, high - low);
        }
        return best;
    }

    void Visit(int index, ReadOnlySpan<double> query, Span<double> scores, Span<int> nearest)
    {
        var node = _nodes[index];
        if (node.Left < 0)
        {
            for (var i = node.Start; i < node.End; i++) NeighborSearch.Offer(Score(query, _order[i]), _order[i], scores, nearest);
            return;
        }
        var gap = query[node.Feature] - node.Split;
        var (near, far) = gap < 0 ? (node.Left, node.Right) : (node.Right, node.Left);
        Visit(near, query, scores, nearest);
        var bound = _squared ? gap * gap : Math.Abs(gap);
        if (bound <= scores[^1]) Visit(far, query, scores, nearest);
    }

    double Score(ReadOnlySpan<double> query, int row)
    {
        var other = _rows.AsSpan(row * _width, _width);
        double sum = 0;
        for (var j = 0; j < query.Length; j++)
        {
            var difference = query[j] - other[j];
            sum += _squared ? difference * difference : Math.Abs(difference);
        }
        return sum;
    }
}

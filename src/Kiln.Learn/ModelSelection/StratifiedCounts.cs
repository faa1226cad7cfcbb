using Kiln.Data;

namespace Kiln.Learn.ModelSelection;

/// <summary>How many rows of each class go to each split, so that every split keeps the classes' shares.</summary>
internal static class StratifiedCounts
{
    /// <summary>
    /// scikit-learn's <c>_approximate_mode</c>: each class gets the floor of its share of <paramref name="draws"/>,
    /// and the rows left over go to the largest remainders, ties broken at random.
    /// </summary>
    public static int[] ApproximateMode(int[] classCounts, int draws, RandomArrays random)
    {
        long total = 0;
        foreach (var count in classCounts) total += count;
        var result = new int[classCounts.Length];
        var remainders = new double[classCounts.Length];
        long given = 0;
        for (var c = 0; c < result.Length; c++)
        {
            // the same operations in the same order as NumPy, so ties and remainders agree bit for bit
            var continuous = classCounts[c] / (double)total * draws;
            var floored = Math.Floor(continuous);
            result[c] = (int)floored;
            remainders[c] = continuous - floored;
            given += result[c];
        }
        var needed = (int)(draws - given);
        foreach (var value in remainders.Distinct().OrderDescending())
        {
            if (needed <= 0) break;
            var tied = Enumerable.Range(0, remainders.Length).Where(c => remainders[c] == value).ToArray();
            var take = Math.Min(tied.Length, needed);
            if (take < tied.Length) random.Shuffle<int>(tied);
            for (var i = 0; i < take; i++) result[tied[i]]++;
            needed -= take;
        }
        return result;
    }

    /// <summary>
    /// Controlled rounding of <c>counts[c] · sizes[s] / n</c> (where both lists sum to n): every cell is that
    /// share's floor or ceiling, every class's cells sum to its count and every split's cells to its size.
    /// The cells that round up are found as a flow from classes to splits (Cox, 1987: one always exists).
    /// </summary>
    public static int[][] Apportion(int[] counts, int[] sizes)
    {
        long n = 0;
        foreach (var count in counts) n += count;
        var cells = new int[counts.Length][];
        var rowNeed = new int[counts.Length];
        var columnNeed = (int[])sizes.Clone();
        var roundable = new List<(int Class, int Split, long Remainder)>();
        for (var c = 0; c < counts.Length; c++)
        {
            cells[c] = new int[sizes.Length];
            rowNeed[c] = counts[c];
            for (var s = 0; s < sizes.Length; s++)
            {
                var share = (long)counts[c] * sizes[s];
                cells[c][s] = (int)(share / n);
                rowNeed[c] -= cells[c][s];
                columnNeed[s] -= cells[c][s];
                if (share % n != 0) roundable.Add((c, s, share % n));
            }
        }
        var flow = new RoundingFlow(counts.Length, sizes.Length, rowNeed, columnNeed, [.. roundable.OrderByDescending(r => r.Remainder)]);
        foreach (var (c, s) in flow.RoundedUp()) cells[c][s]++;
        return cells;
    }

    /// <summary>
    /// Source → class (capacity: rows it still needs) → split (one per roundable cell) → sink (rows the split needs).
    /// Cells are first taken greedily by descending remainder — for two parts that is exactly scikit-learn's choice —
    /// and augmenting paths then reroute whatever the greedy pass could not place.
    /// </summary>
    sealed class RoundingFlow
    {
        readonly List<int>[] _edgesOf;
        readonly List<(int To, int Capacity)> _edges = [];
        readonly List<(int Class, int Split, int Edge)> _cellEdges = [];
        readonly int _source, _sink;
        readonly int[] _fromSource, _toSink;

        public RoundingFlow(int classes, int splits, int[] rowNeed, int[] columnNeed, List<(int Class, int Split, long Remainder)> roundable)
        {
            _source = classes + splits;
            _sink = _source + 1;
            _edgesOf = new List<int>[_sink + 1];
            for (var v = 0; v < _edgesOf.Length; v++) _edgesOf[v] = [];
            _fromSource = new int[classes];
            _toSink = new int[splits];
            for (var c = 0; c < classes; c++) _fromSource[c] = Add(_source, c, rowNeed[c]);
            foreach (var (c, s, _) in roundable) _cellEdges.Add((c, s, Add(c, classes + s, 1)));
            for (var s = 0; s < splits; s++) _toSink[s] = Add(classes + s, _sink, columnNeed[s]);
        }

        public IEnumerable<(int Class, int Split)> RoundedUp()
        {
            foreach (var (c, s, edge) in _cellEdges)
                if (_edges[_fromSource[c]].Capacity > 0 && _edges[_toSink[s]].Capacity > 0)
                    foreach (var e in (ReadOnlySpan<int>)[_fromSource[c], edge, _toSink[s]]) Push(e);
            while (Augment()) { }
            foreach (var (c, s, edge) in _cellEdges)
                if (_edges[edge].Capacity == 0) yield return (c, s);
        }

        int Add(int from, int to, int capacity)
        {
            _edgesOf[from].Add(_edges.Count);
            _edges.Add((to, capacity));
            _edgesOf[to].Add(_edges.Count);
            _edges.Add((from, 0));
            return _edges.Count - 2;
        }

        /// <summary>One breadth-first augmenting path of one unit (every path's bottleneck is a unit cell edge).</summary>
        bool Augment()
        {
            var via = new int[_sink + 1];
            via.AsSpan().Fill(-1);
            var queue = new Queue<int>();
            queue.Enqueue(_source);
            while (queue.Count > 0 && via[_sink] < 0)
            {
                var v = queue.Dequeue();
                foreach (var e in _edgesOf[v])
                {
                    var (to, capacity) = _edges[e];
                    if (capacity == 0 || to == _source || via[to] >= 0) continue;
                    via[to] = e;
                    queue.Enqueue(to);
                }
            }
            if (via[_sink] < 0) return false;
            for (var v = _sink; v != _source; v = _edges[via[v] ^ 1].To) Push(via[v]);
            return true;
        }

        /// <summary>Sends one unit along an edge, opening its reverse for rerouting.</summary>
        void Push(int e)
        {
            _edges[e] = (_edges[e].To, _edges[e].Capacity - 1);
            _edges[e ^ 1] = (_edges[e ^ 1].To, _edges[e ^ 1].Capacity + 1);
        }
    }
}

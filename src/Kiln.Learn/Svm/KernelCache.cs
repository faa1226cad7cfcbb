namespace Kiln.Learn.Svm;

/// <summary>
/// Least-recently-used cache of kernel-matrix rows stored as float32, as libsvm's: at most as many rows as the byte
/// budget holds (never fewer than two, since the solver uses two rows at once). Each row has room for every column and
/// remembers how many leading columns are filled, so a row computed for the shrunk active set is extended, not redone.
/// Rows live in large uninitialised slabs (few objects for the collector to move, no zeroing of memory about to be
/// overwritten), allocated while the cache fills and reused after, so a running solver does not allocate.
/// </summary>
internal sealed class KernelCache
{
    readonly int _length;
    readonly int _capacity;
    // rows per slab: slabs of about 4 MB
    readonly int _slabRows;
    readonly List<float[]> _slabs = [];
    readonly int[] _slotOfRow;
    readonly int[] _spareSlots;
    int _spareCount;
    int _slotsMade;
    readonly int[] _filled;
    readonly int[] _previous;
    readonly int[] _next;
    readonly (int I, int J)[] _pending;
    int _pendingCount;
    int _cached;

    public KernelCache(int rows, int length, double megabytes)
    {
        _length = length;
        var budget = (long)(megabytes * (1 << 20)) / (4L * Math.Max(1, length));
        _capacity = (int)Math.Clamp(budget, 2, rows);
        _slabRows = Math.Clamp((1 << 20) / Math.Max(1, length), 1, _capacity);
        _slotOfRow = new int[rows];
        Array.Fill(_slotOfRow, -1);
        _spareSlots = new int[_capacity];
        _filled = new int[rows];
        // a circular list through the sentinel at index rows: _next[sentinel] is the least recently used row
        _previous = new int[rows + 1];
        _next = new int[rows + 1];
        _previous[rows] = _next[rows] = rows;
        // one shrinking pass moves each variable at most once
        _pending = new (int, int)[rows];
    }

    /// <summary>The cached row (full length) and how many leading columns it holds; the row becomes the most recently used.</summary>
    public Span<float> Get(int row, out int filled)
    {
        if (_pendingCount > 0) ApplyPendingSwaps();
        if (_slotOfRow[row] >= 0)
        {
            Unlink(row);
            Append(row);
            filled = _filled[row];
            return Slot(_slotOfRow[row]);
        }
        if (_cached == _capacity) Evict(_next[_slotOfRow.Length]);
        _slotOfRow[row] = _spareCount > 0 ? _spareSlots[--_spareCount] : NewSlot();
        _filled[row] = 0;
        _cached++;
        Append(row);
        filled = 0;
        return Slot(_slotOfRow[row]);
    }

    Span<float> Slot(int slot) => _slabs[slot / _slabRows].AsSpan(slot % _slabRows * _length, _length);

    int NewSlot()
    {
        if (_slotsMade % _slabRows == 0)
            _slabs.Add(GC.AllocateUninitializedArray<float>(Math.Min(_slabRows, _capacity - _slotsMade) * _length));
        return _slotsMade++;
    }

    /// <summary>Records that the row now holds its first <paramref name="filled"/> columns.</summary>
    public void MarkFilled(int row, int filled) => _filled[row] = Math.Max(_filled[row], filled);

    /// <summary>
    /// Exchanges rows and columns i and j, as the solver does when it moves a variable out of the active set. Rows move at
    /// once; columns move when a row is next asked for, every pending exchange applied row by row while the row is in cache.
    /// </summary>
    public void Swap(int i, int j)
    {
        if (i == j) return;
        if (_pendingCount == _pending.Length) ApplyPendingSwaps();
        if (_slotOfRow[i] >= 0) Unlink(i);
        if (_slotOfRow[j] >= 0) Unlink(j);
        (_slotOfRow[i], _slotOfRow[j]) = (_slotOfRow[j], _slotOfRow[i]);
        (_filled[i], _filled[j]) = (_filled[j], _filled[i]);
        if (_slotOfRow[i] >= 0) Append(i);
        if (_slotOfRow[j] >= 0) Append(j);
        _pending[_pendingCount++] = (Math.Min(i, j), Math.Max(i, j));
    }

    /// <summary>Applies the pending column exchanges to every cached row; a row holding column i but not j cannot follow and is dropped.</summary>
    void ApplyPendingSwaps()
    {
        var swaps = _pending.AsSpan(0, _pendingCount);
        _pendingCount = 0;
        var sentinel = _slotOfRow.Length;
        for (var row = _next[sentinel]; row != sentinel;)
        {
            var following = _next[row];
            var data = Slot(_slotOfRow[row]);
            var filled = _filled[row];
            foreach (var (i, j) in swaps)
            {
                if (filled <= i) continue;
                if (filled <= j)
                {
                    Evict(row);
                    break;
                }
                (data[i], data[j]) = (data[j], data[i]);
            }
            row = following;
        }
    }

    void Evict(int row)
    {
        Unlink(row);
        _spareSlots[_spareCount++] = _slotOfRow[row];
        _slotOfRow[row] = -1;
        _filled[row] = 0;
        _cached--;
    }

    void Unlink(int row)
    {
        _next[_previous[row]] = _next[row];
        _previous[_next[row]] = _previous[row];
    }

    void Append(int row)
    {
        var sentinel = _slotOfRow.Length;
        _next[row] = sentinel;
        _previous[row] = _previous[sentinel];
        _next[_previous[sentinel]] = row;
        _previous[sentinel] = row;
    }
}

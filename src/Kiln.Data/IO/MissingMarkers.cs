using System.Text;

namespace Kiln.Data;

/// <summary>The set of values that read as missing, matched on UTF-8 bytes.</summary>
internal sealed class MissingMarkers
{
    readonly byte[][] _markers;
    readonly int _longest;

    public MissingMarkers(IEnumerable<string> markers)
    {
        _markers = [.. markers.Where(m => m.Length > 0).Select(Encoding.UTF8.GetBytes)];
        _longest = _markers.Length == 0 ? 0 : _markers.Max(m => m.Length);
    }

    public bool Contains(ReadOnlySpan<byte> field)
    {
        if (field.IsEmpty) return true;
        if (field.Length > _longest) return false;
        foreach (var marker in _markers)
            if (field.SequenceEqual(marker)) return true;
        return false;
    }
}

using System.Globalization;
using System.Text;

namespace Kiln.Data;

/// <summary>Pearson correlations between named columns: a symmetric matrix with ones on the diagonal (NaN where undefined).</summary>
public sealed class CorrelationMatrix
{
    readonly double[] _values;
    readonly string[] _names;

    internal CorrelationMatrix(string[] names, double[] values)
    {
        _names = names;
        _values = values;
    }

    public IReadOnlyList<string> Names => _names;

    public int Size => _names.Length;

    public double this[int row, int column] => _values[row * _names.Length + column];

    public double this[string row, string column] => this[IndexOf(row), IndexOf(column)];

    /// <summary>Row-major values, <see cref="Size"/> × <see cref="Size"/>.</summary>
    public ReadOnlySpan<double> Values => _values;

    public int IndexOf(string name)
    {
        var index = Array.IndexOf(_names, name);
        return index >= 0 ? index : throw new UnknownColumnException(name, _names);
    }

    /// <summary>As a frame: a <c>column</c> column holding the names, then one float64 column per name (pandas prints it this way).</summary>
    public Frame ToFrame()
    {
        var columns = new List<Column> { new StringColumn("column", _names) };
        for (var j = 0; j < _names.Length; j++)
        {
            var values = new double[_names.Length];
            for (var i = 0; i < values.Length; i++) values[i] = this[i, j];
            columns.Add(new Float64Column(_names[j], values));
        }
        return new Frame(columns);
    }

    public override string ToString()
    {
        var width = Math.Max(9, _names.Length == 0 ? 0 : _names.Max(n => n.Length));
        var text = new StringBuilder().Append(' ', width);
        foreach (var name in _names) text.Append("  ").Append(name.PadLeft(width));
        for (var i = 0; i < _names.Length; i++)
        {
            text.Append('\n').Append(_names[i].PadRight(width));
            for (var j = 0; j < _names.Length; j++)
                text.Append("  ").Append(this[i, j].ToString("0.000000", CultureInfo.InvariantCulture).PadLeft(width));
        }
        return text.ToString();
    }
}

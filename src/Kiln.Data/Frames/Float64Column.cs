using System.Globalization;

namespace Kiln.Data;

/// <summary>A column of doubles; NaN marks a missing value, as in pandas.</summary>
public sealed partial class Float64Column : Column
{
    readonly double[] _values;
    int _missing = -1;

    public Float64Column(string name, double[] values) : base(name) => _values = values;

    public override DataType Type => DataType.Float64;
    public override int Length => _values.Length;
    public ReadOnlySpan<double> Values => _values;
    public double this[int row] => _values[row];

    public override bool IsMissing(int row) => double.IsNaN(_values[row]);

    public override int MissingCount
    {
        get
        {
            if (_missing < 0)
            {
                var count = 0;
                foreach (var v in _values) if (double.IsNaN(v)) count++;
                _missing = count;
            }
            return _missing;
        }
    }

    public override object? GetValue(int row) => double.IsNaN(_values[row]) ? null : _values[row];
    public override Column Rename(string name) => new Float64Column(name, _values);
    public override long MemoryBytes => _values.LongLength * sizeof(double);

    public override Column Take(ReadOnlySpan<int> rows)
    {
        var result = new double[rows.Length];
        for (var i = 0; i < rows.Length; i++)
            result[i] = rows[i] < 0 ? double.NaN : _values[rows[i]];
        return new Float64Column(Name, result);
    }

    public override string Format(int row) =>
        double.IsNaN(_values[row]) ? "NaN" : _values[row].ToString("G6", CultureInfo.InvariantCulture);
}

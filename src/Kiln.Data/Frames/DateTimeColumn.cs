using System.Globalization;

namespace Kiln.Data;

public sealed class DateTimeColumn(string name, DateTime[] values, bool[]? missing = null)
    : ValueColumn<DateTime>(name, values, missing)
{
    public override DataType Type => DataType.DateTime;
    protected override Column Create(string name, DateTime[] values, bool[]? missing) => new DateTimeColumn(name, values, missing);

    public override string Format(int row)
    {
        if (IsMissing(row)) return "NaT";
        var value = this[row];
        return value.TimeOfDay == TimeSpan.Zero
            ? value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
    }
}

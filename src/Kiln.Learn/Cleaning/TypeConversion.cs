using Kiln.Data;

namespace Kiln.Learn.Cleaning;

/// <summary>
/// Finds text columns that really hold numbers, amounts, percentages, booleans or dates, and converts them. A column
/// converts to the first kind, in the order boolean, number, percent, currency, date, whose values parse for at least
/// <c>minShare</c> of its present rows (plain numbers count towards percent and currency columns, where they are taken
/// in the column's units). Dates are day-first when some value's first number exceeds 12, month-first when some
/// second number does; when neither or both happen the order is ambiguous and only ISO dates count.
/// Values that fail to parse in a converted column become missing and are counted.
/// </summary>
public static class TypeConversion
{
    /// <summary>Infers every text column's kind on <paramref name="frame"/> and converts it, without a fitted model.</summary>
    public static TypeConversionResult Convert(Frame frame, double minShare = 0.95)
    {
        var columns = new Column[frame.ColumnCount];
        var reports = new List<ColumnConversionReport>();
        for (var j = 0; j < columns.Length; j++)
        {
            if (frame[j] is not StringColumn text)
            {
                columns[j] = frame[j];
                continue;
            }
            var (kind, order) = Infer(text, minShare);
            var (converted, failed) = ConvertColumn(text, kind, order);
            columns[j] = converted;
            reports.Add(new ColumnConversionReport(text.Name, kind, order, failed));
        }
        return new TypeConversionResult(new Frame(columns), reports);
    }

    /// <summary>The kind (and date order) a text column holds, judged on its present values.</summary>
    public static (TextValueKind Kind, DateOrder Order) Infer(StringColumn column, double minShare = 0.95)
    {
        if (!(minShare > 0 && minShare <= 1))
            throw new ArgumentOutOfRangeException(nameof(minShare), minShare, "minShare must be above 0 and at most 1");
        var rowsOfCategory = new int[column.Categories.Count];
        var present = 0;
        foreach (var code in column.Codes)
        {
            if (code < 0) continue;
            rowsOfCategory[code]++;
            present++;
        }
        if (present == 0) return (TextValueKind.Text, DateOrder.Iso);
        int booleans = 0, numbers = 0, percents = 0, currencies = 0;
        bool dayFirst = false, monthFirst = false;
        for (var c = 0; c < rowsOfCategory.Length; c++)
        {
            var rows = rowsOfCategory[c];
            if (rows == 0) continue;
            var value = column.Categories[c];
            if (MessyValueParser.TryParseBoolean(value, out _)) booleans += rows;
            if (MessyValueParser.TryParseNumber(value, out _)) numbers += rows;
            else if (MessyValueParser.TryParsePercent(value, out _)) percents += rows;
            else if (MessyValueParser.TryParseCurrency(value, out _)) currencies += rows;
            var evidence = MessyValueParser.OrderEvidence(value);
            dayFirst |= evidence == DateOrder.DayFirst;
            monthFirst |= evidence == DateOrder.MonthFirst;
        }
        var needed = minShare * present;
        if (booleans >= needed) return (TextValueKind.Boolean, DateOrder.Iso);
        if (numbers >= needed) return (TextValueKind.Number, DateOrder.Iso);
        if (percents > 0 && percents + numbers >= needed) return (TextValueKind.Percent, DateOrder.Iso);
        if (currencies > 0 && currencies + numbers >= needed) return (TextValueKind.Currency, DateOrder.Iso);
        var order = dayFirst == monthFirst ? DateOrder.Iso : dayFirst ? DateOrder.DayFirst : DateOrder.MonthFirst;
        var dates = 0;
        for (var c = 0; c < rowsOfCategory.Length; c++)
            if (rowsOfCategory[c] > 0 && MessyValueParser.TryParseDate(column.Categories[c], order, out _)) dates += rowsOfCategory[c];
        return dates >= needed && dates > 0 ? (TextValueKind.Date, order) : (TextValueKind.Text, DateOrder.Iso);
    }

    /// <summary>Converts a text column to <paramref name="kind"/>, parsing each distinct value once; returns how many present rows failed.</summary>
    public static (Column Column, int FailedCount) ConvertColumn(StringColumn column, TextValueKind kind, DateOrder order = DateOrder.Iso)
    {
        var categories = column.Categories;
        var codes = column.Codes;
        var parsed = new bool[categories.Count];
        var failed = 0;
        switch (kind)
        {
            case TextValueKind.Text:
                return (column, 0);
            case TextValueKind.Boolean:
            {
                var byCategory = new bool[categories.Count];
                for (var c = 0; c < byCategory.Length; c++) parsed[c] = MessyValueParser.TryParseBoolean(categories[c], out byCategory[c]);
                var (values, missing, failedRows) = Gather(codes, parsed, byCategory);
                return (new BoolColumn(column.Name, values, missing), failedRows);
            }
            case TextValueKind.Date:
            {
                var byCategory = new DateTime[categories.Count];
                for (var c = 0; c < byCategory.Length; c++) parsed[c] = MessyValueParser.TryParseDate(categories[c], order, out byCategory[c]);
                var (values, missing, failedRows) = Gather(codes, parsed, byCategory);
                return (new DateTimeColumn(column.Name, values, missing), failedRows);
            }
            default:
            {
                var byCategory = new double[categories.Count];
                for (var c = 0; c < byCategory.Length; c++) parsed[c] = ParseNumeric(categories[c], kind, out byCategory[c]);
                var values = new double[codes.Length];
                for (var i = 0; i < codes.Length; i++)
                {
                    var code = codes[i];
                    if (code >= 0 && parsed[code]) values[i] = byCategory[code];
                    else
                    {
                        values[i] = double.NaN;
                        if (code >= 0) failed++;
                    }
                }
                return (new Float64Column(column.Name, values), failed);
            }
        }
    }

    /// <summary>Each row's parsed value by its category code; missing rows and failed values are masked, and failures counted.</summary>
    static (T[] Values, bool[] Missing, int Failed) Gather<T>(ReadOnlySpan<int> codes, bool[] parsed, T[] byCategory) where T : unmanaged
    {
        var values = new T[codes.Length];
        var missing = new bool[codes.Length];
        var failed = 0;
        for (var i = 0; i < codes.Length; i++)
        {
            var code = codes[i];
            if (code >= 0 && parsed[code]) values[i] = byCategory[code];
            else
            {
                missing[i] = true;
                if (code >= 0) failed++;
            }
        }
        return (values, missing, failed);
    }

    static bool ParseNumeric(string text, TextValueKind kind, out double value)
    {
        if (kind == TextValueKind.Percent && MessyValueParser.TryParsePercent(text, out value)) return true;
        if (kind == TextValueKind.Currency && MessyValueParser.TryParseCurrency(text, out value)) return true;
        if (!MessyValueParser.TryParseNumber(text, out value)) return false;
        // a bare number in a percent column is already in percent, like its neighbours
        if (kind == TextValueKind.Percent) value /= 100;
        return true;
    }
}

using System.Globalization;

namespace Kiln.Data;

/// <summary>
/// Decides whether a column looks like an identifier rather than a feature, and says why in words a user reads beside
/// the column's name. Two kinds are caught: text, or whole numbers numbering the rows or named as an id, with a
/// different value in every row (a passenger's id or name), and text of reference codes that are mostly distinct (a ticket number such as "A/5 21171" or "347082") —
/// a one-hot of those gets a column per one or two rows, so a model can only memorise them.
/// </summary>
internal static class IdentifierRule
{
    /// <summary>A code column has at least this many distinct values per present value: most codes label one or two rows.</summary>
    const double MostlyDistinct = 0.5;

    /// <summary>Share of the present values that must look like codes.</summary>
    const double MostlyCodes = 0.9;

    /// <summary>Share of the present values that parse as numbers for the column to be numbers kept as text (as the type converter reads them), not codes.</summary>
    const double MostlyNumbers = 0.95;

    /// <summary>A code is a short token or two ("PC 17599", "STON/O2. 3101282"); longer text is prose, not a reference.</summary>
    const int MaxCodeWords = 3;

    /// <summary>
    /// Why <paramref name="column"/> looks like an identifier, or <c>null</c> when it looks like a feature. A mostly missing
    /// column is never flagged: whether it has a value at all is then what it tells (Titanic's Cabin is recorded
    /// mostly for first-class passengers), and the profile warns about its missing values instead.
    /// </summary>
    public static string? Reason(Column column, int unique, int rows)
    {
        var present = column.Length - column.MissingCount;
        if (rows <= 1 || unique <= 1 || present < rows / 2.0) return null;
        if (unique == present && (column is StringColumn || column is Int64Column numbers && IsNumbering(numbers, present)))
            return "a different value in every row: likely an identifier, not a feature";
        if (column is not StringColumn text || unique < MostlyDistinct * present) return null;
        return CodeReason(text, unique, rows);
    }

    static string? CodeReason(StringColumn text, int unique, int rows)
    {
        var categories = text.Categories;
        var isCode = new bool[categories.Count];
        var isNumber = new bool[categories.Count];
        for (var c = 0; c < categories.Count; c++)
        {
            isCode[c] = LooksLikeCode(categories[c]);
            isNumber[c] = double.TryParse(categories[c], NumberStyles.Float, CultureInfo.InvariantCulture, out _);
        }
        int present = 0, codes = 0, numbers = 0;
        var examples = new List<string>(2);
        foreach (var code in text.Codes)
        {
            if (code < 0) continue;
            present++;
            if (isNumber[code]) numbers++;
            if (!isCode[code]) continue;
            codes++;
            if (examples.Count < 2 && !examples.Contains(categories[code])) examples.Add(categories[code]);
        }
        if (codes < MostlyCodes * present || numbers >= MostlyNumbers * present) return null;
        return $"{unique} different codes in {rows} rows, such as {string.Join(" and ", examples.Select(e => $"'{e}'"))}: " +
               "likely a reference number, not a feature";
    }

    /// <summary>
    /// Whole numbers all different are an identifier when they number the rows (1 to n, as Ames' Order) or the name says
    /// so (PassengerId, PID, customer_id); otherwise they are a quantity that happens not to repeat, such as a day's
    /// traded volume, and stay a feature.
    /// </summary>
    static bool IsNumbering(Int64Column column, int present)
    {
        long min = long.MaxValue, max = long.MinValue;
        var values = column.Values;
        for (var i = 0; i < values.Length; i++)
        {
            if (column.IsMissing(i)) continue;
            min = Math.Min(min, values[i]);
            max = Math.Max(max, values[i]);
        }
        return max - min == present - 1 || NamesAnIdentifier(column.Name);
    }

    /// <summary>"id" alone, or ending in "Id" or "ID" (PassengerId, PID) or in "id" after a separator (customer_id), but not "Paid".</summary>
    static bool NamesAnIdentifier(string name) =>
        name.Equals("id", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith("Id", StringComparison.Ordinal) || name.EndsWith("ID", StringComparison.Ordinal)
        || name.Length > 2 && name.EndsWith("id", StringComparison.OrdinalIgnoreCase) && name[^3] is '_' or '-' or '.' or ' ';

    /// <summary>A code holds a digit and is at most a few words: "A/5 21171", "347082", "C85".</summary>
    static bool LooksLikeCode(string value)
    {
        if (!value.Any(char.IsAsciiDigit)) return false;
        return value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length <= MaxCodeWords;
    }
}

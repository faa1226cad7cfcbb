namespace Kiln.Data;

/// <summary>
/// The ISO-8601 date and time layouts (and yyyy/MM/dd) that readers take as dates without guessing day/month order;
/// exact-format patterns for <see cref="DateTime.TryParseExact(string, string[], IFormatProvider, System.Globalization.DateTimeStyles, out DateTime)"/>.
/// </summary>
public static class IsoDateFormats
{
    public static IReadOnlyList<string> All { get; } =
    [
        "yyyy-MM-dd", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF",
        "yyyy-MM-ddTHH:mm:ss.FFFFFFF", "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK", "yyyy/MM/dd",
    ];
}

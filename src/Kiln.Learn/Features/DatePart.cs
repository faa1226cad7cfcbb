using System.Globalization;

namespace Kiln.Learn.Features;

/// <summary>The calendar parts <see cref="DatetimeFeatures"/> can extract, each named as users type it (<c>day-of-week</c>).</summary>
internal static class DatePart
{
    /// <summary>Every part by name, with its value as pandas' <c>Series.dt</c> gives it (day of week: Monday = 0).</summary>
    public static readonly IReadOnlyDictionary<string, Func<DateTime, long>> All = new Dictionary<string, Func<DateTime, long>>(StringComparer.Ordinal)
    {
        ["year"] = d => d.Year,
        ["quarter"] = d => (d.Month - 1) / 3 + 1,
        ["month"] = d => d.Month,
        ["week-of-year"] = d => ISOWeek.GetWeekOfYear(d),
        ["day"] = d => d.Day,
        ["day-of-week"] = d => ((int)d.DayOfWeek + 6) % 7,
        ["day-of-year"] = d => d.DayOfYear,
        ["hour"] = d => d.Hour,
        ["minute"] = d => d.Minute,
        ["second"] = d => d.Second,
        ["is-weekend"] = d => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 1 : 0,
        ["is-month-start"] = d => d.Day == 1 ? 1 : 0,
        ["is-month-end"] = d => d.Day == DateTime.DaysInMonth(d.Year, d.Month) ? 1 : 0,
    };

    public static bool IsFlag(string part) => part.StartsWith("is-", StringComparison.Ordinal);

    /// <summary>Parses a comma-separated list of part names; an unknown or repeated name is an error listing the parts.</summary>
    public static string[] Parse(string list)
    {
        var parts = new List<string>();
        foreach (var raw in list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var part = raw.ToLowerInvariant().Replace('_', '-');
            if (!All.ContainsKey(part))
                throw new ArgumentException($"datetime-features: parameter 'parts' names '{raw}', which is not a date part (parts: {string.Join(", ", All.Keys)})", "parts");
            if (parts.Contains(part))
                throw new ArgumentException($"datetime-features: parameter 'parts' names '{part}' twice", "parts");
            parts.Add(part);
        }
        if (parts.Count == 0)
            throw new ArgumentException($"datetime-features: parameter 'parts' names no date part (parts: {string.Join(", ", All.Keys)})", "parts");
        return [.. parts];
    }
}

using System.Globalization;
using Kiln.Tracking;

namespace Kiln.Cli;

/// <summary>How runs, metrics and times read in tables: short ids, local minutes, compact durations and numbers.</summary>
public static class TrackingDisplay
{
    public static string ShortId(string runId) => runId.Length > 8 ? runId[..8] : runId;

    public static string Time(DateTimeOffset time) => time.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Duration(TimeSpan? duration) => duration switch
    {
        null => "",
        { TotalSeconds: < 60 } d => d.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s",
        { TotalHours: < 1 } d => $"{(int)d.TotalMinutes} min {d.Seconds} s",
        { } d => $"{(int)d.TotalHours} h {d.Minutes} min",
    };

    public static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    public static string Status(RunStatus status) => status.ToString().ToUpperInvariant();

    /// <summary>The first few latest metrics as <c>key=value</c>, for one-line listings.</summary>
    public static string MetricsLine(Run run, int count = 3) =>
        string.Join("  ", run.Metrics.Values.OrderBy(m => m.Key, StringComparer.Ordinal).Take(count).Select(m => $"{m.Key}={Number(m.Value)}"))
        + (run.Metrics.Count > count ? "  …" : "");
}

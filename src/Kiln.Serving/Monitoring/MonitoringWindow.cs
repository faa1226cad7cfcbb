using System.Globalization;

namespace Kiln.Serving.Monitoring;

/// <summary>Reads the start of a monitoring window: an ISO 8601 time, or a span back from now such as 30m, 24h or 7d.</summary>
public static class MonitoringWindow
{
    public static DateTimeOffset ParseSince(string text, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        text = text.Trim();
        if (text.Length >= 2 && char.IsAsciiLetter(text[^1]) && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && amount >= 0)
        {
            TimeSpan? span = char.ToLowerInvariant(text[^1]) switch
            {
                's' => TimeSpan.FromSeconds(amount),
                'm' => TimeSpan.FromMinutes(amount),
                'h' => TimeSpan.FromHours(amount),
                'd' => TimeSpan.FromDays(amount),
                'w' => TimeSpan.FromDays(7 * amount),
                _ => null,
            };
            if (span is { } back) return now - back;
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
            return time;
        throw new FormatException($"since '{text}' is neither a time (2026-11-24T08:00:00Z) nor a span back from now (30m, 24h, 7d, 2w)");
    }
}

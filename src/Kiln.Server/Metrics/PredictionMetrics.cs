using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Kiln.Server.Metrics;

/// <summary>
/// Prediction request counters and a latency histogram per model, version and status, kept with lock-free counters
/// and written in the Prometheus text exposition format (version 0.0.4) by <see cref="Write"/>.
/// </summary>
public sealed class PredictionMetrics
{
    /// <summary>Latency bucket bounds in seconds, fine below 10 ms where a healthy model answers.</summary>
    static readonly double[] Bounds = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    readonly ConcurrentDictionary<(string Model, string Version, int Status), Series> _series = new();

    /// <summary>Counts one answered request; <paramref name="version"/> is empty when no version was resolved.</summary>
    public void Record(string model, string version, int status, TimeSpan latency, int rows)
    {
        var series = _series.GetOrAdd((model, version, status), _ => new Series());
        series.Add(latency.TotalSeconds, rows);
    }

    /// <summary>The requests answered for one model since the server started, by version and HTTP status.</summary>
    public IReadOnlyDictionary<(string Version, int Status), long> CountsOf(string model) =>
        _series.Where(s => s.Key.Model == model).ToDictionary(s => (s.Key.Version, s.Key.Status), s => s.Value.Count);

    /// <summary>The exposition text: requests, errors, rows and the latency histogram.</summary>
    public void Write(StringBuilder text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var all = _series.OrderBy(s => s.Key.Model, StringComparer.Ordinal).ThenBy(s => s.Key.Version, StringComparer.Ordinal).ThenBy(s => s.Key.Status).ToList();

        Header(text, "kiln_prediction_requests_total", "counter", "Prediction requests answered, by model, version and HTTP status.");
        foreach (var (key, series) in all)
            Line(text, "kiln_prediction_requests_total", Labels(key.Model, key.Version) + $",status=\"{key.Status.ToString(CultureInfo.InvariantCulture)}\"", series.Count);

        Header(text, "kiln_prediction_errors_total", "counter", "Prediction requests answered with a 4xx or 5xx status, by model and version.");
        foreach (var group in all.Where(s => s.Key.Status >= 400).GroupBy(s => (s.Key.Model, s.Key.Version)))
            Line(text, "kiln_prediction_errors_total", Labels(group.Key.Model, group.Key.Version), group.Sum(s => s.Value.Count));

        Header(text, "kiln_prediction_rows_total", "counter", "Input rows predicted, by model and version.");
        foreach (var group in all.Where(s => s.Key.Status < 400).GroupBy(s => (s.Key.Model, s.Key.Version)))
            Line(text, "kiln_prediction_rows_total", Labels(group.Key.Model, group.Key.Version), group.Sum(s => s.Value.Rows));

        Header(text, "kiln_prediction_duration_seconds", "histogram", "Time from a prediction request's arrival to its answer, by model and version.");
        foreach (var group in all.GroupBy(s => (s.Key.Model, s.Key.Version)))
        {
            var labels = Labels(group.Key.Model, group.Key.Version);
            var cumulative = 0L;
            for (var b = 0; b < Bounds.Length; b++)
            {
                cumulative += group.Sum(s => s.Value.Bucket(b));
                Line(text, "kiln_prediction_duration_seconds_bucket", labels + $",le=\"{Bounds[b].ToString(CultureInfo.InvariantCulture)}\"", cumulative);
            }
            var count = group.Sum(s => s.Value.Count);
            Line(text, "kiln_prediction_duration_seconds_bucket", labels + ",le=\"+Inf\"", count);
            text.Append("kiln_prediction_duration_seconds_sum{").Append(labels).Append("} ")
                .Append(group.Sum(s => s.Value.Seconds).ToString("R", CultureInfo.InvariantCulture)).Append('\n');
            Line(text, "kiln_prediction_duration_seconds_count", labels, count);
        }
    }

    static void Header(StringBuilder text, string name, string type, string help) =>
        text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n').Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');

    static void Line(StringBuilder text, string name, string labels, long value) =>
        text.Append(name).Append('{').Append(labels).Append("} ").Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');

    static string Labels(string model, string version) => $"model=\"{Escape(model)}\",version=\"{Escape(version)}\"";

    static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>The counters of one label set; updated with interlocked operations only.</summary>
    sealed class Series
    {
        readonly long[] _buckets = new long[Bounds.Length];
        long _count;
        long _rows;
        long _microseconds;

        public long Count => Interlocked.Read(ref _count);

        public long Rows => Interlocked.Read(ref _rows);

        public double Seconds => Interlocked.Read(ref _microseconds) / 1e6;

        public long Bucket(int index) => Interlocked.Read(ref _buckets[index]);

        public void Add(double seconds, int rows)
        {
            var index = Array.BinarySearch(Bounds, seconds);
            if (index < 0) index = ~index;
            if (index < _buckets.Length) Interlocked.Increment(ref _buckets[index]);
            Interlocked.Increment(ref _count);
            Interlocked.Add(ref _rows, rows);
            Interlocked.Add(ref _microseconds, (long)(seconds * 1e6));
        }
    }
}

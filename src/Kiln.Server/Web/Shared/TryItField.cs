using System.Globalization;
using Kiln.Data;
using Kiln.Serving;
using Kiln.Serving.Monitoring;
using Kiln.Tracking;

namespace Kiln.Server.Web.Shared;

/// <summary>
/// One input of the "try it" form: a feature of the served model's schema with its type, and — when the version's
/// training reference knows them — its categories and a typical value to start from.
/// </summary>
/// <param name="Categories">The categories seen in training, most frequent first; null when unknown or numeric.</param>
/// <param name="Example">A typical training value (the median, the most frequent category), or null.</param>
public sealed record TryItField(string Name, DataType Type, IReadOnlyList<string>? Categories, object? Example)
{
    public bool IsNumeric => Type is DataType.Float64 or DataType.Int64;

    /// <summary>The fields of a served version, in its schema's order, with what its training reference says about each.</summary>
    public static async Task<IReadOnlyList<TryItField>> OfAsync(TrackingStore tracking, ServedModel served, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(served);
        ReferenceProfile? reference = null;
        try
        {
            reference = (await ReferenceLocator.FindAsync(tracking, served.Name, served.Version, cancellationToken).ConfigureAwait(false)).Profile;
        }
        catch (Exception e) when (e is InvalidDataException or TrackingException or IOException)
        {
            // the form still works without categories and examples; the monitoring page reports a damaged reference
        }
        var features = reference?.Features.ToDictionary(f => f.Name, StringComparer.Ordinal) ?? [];
        return [.. served.Schema.Columns.Select(c => Of(c.Name, c.Type, features.GetValueOrDefault(c.Name)))];
    }

    internal static TryItField Of(string name, DataType type, FeatureReference? feature)
    {
        // a yes/no feature is a check box, so only text gets a list
        if (feature?.Categories is { Count: > 0 } categories && type == DataType.String)
        {
            var ordered = categories.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Key).ToList();
            return new TryItField(name, type, ordered, ordered[0]);
        }
        if (type is DataType.Float64 or DataType.Int64 && feature?.Sample is { Length: > 0 } sample)
        {
            var sorted = sample.Where(double.IsFinite).Order().ToArray();
            if (sorted.Length > 0)
            {
                var median = sorted[sorted.Length / 2];
                return new TryItField(name, type, null, type == DataType.Int64 ? Math.Round(median) : median);
            }
        }
        return new TryItField(name, type, null, type switch
        {
            DataType.Float64 or DataType.Int64 => 0.0,
            DataType.Bool => false,
            DataType.DateTime => DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
            _ => "",
        });
    }
}

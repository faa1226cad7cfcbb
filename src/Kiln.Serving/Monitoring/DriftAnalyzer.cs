using System.Globalization;
using System.Text.Json;

namespace Kiln.Serving.Monitoring;

/// <summary>Compares one model version's logged traffic with its training reference and checks it against the thresholds.</summary>
public static class DriftAnalyzer
{
    /// <param name="reference">The version's training reference; null measures traffic and quality only.</param>
    /// <param name="referenceSource">Where the reference came from, or why there is none.</param>
    /// <param name="feedback">True labels by prediction id and row.</param>
    public static VersionMonitoring Analyze(int version, IReadOnlyList<LoggedPrediction> predictions, ReferenceProfile? reference, string referenceSource,
        IReadOnlyDictionary<(string PredictionId, int Row), string> feedback, DriftThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(feedback);
        ArgumentNullException.ThrowIfNull(thresholds);
        thresholds.Validate();
        var rows = predictions.SelectMany(p => p.Rows).ToList();
        var outputs = predictions.SelectMany(p => p.Outputs).ToList();
        var alerts = new List<string>();
        var features = new List<FeatureDrift>();
        FeatureDrift? predictionDrift = null;
        if (reference is not null && rows.Count > 0)
        {
            foreach (var feature in reference.Features)
            {
                var drift = Compare(feature, rows.Select(row => row.TryGetValue(feature.Name, out var value) ? value : default), thresholds);
                features.Add(drift);
                if (drift.Drifted) alerts.Add($"feature '{feature.Name}' drifted: {Describe(drift)}");
            }
            var classification = reference.IsClassification;
            predictionDrift = Compare(reference.Predictions,
                outputs.Select(o => classification ? Text(o.Label) : o.Value is { } v ? JsonSerializer.SerializeToElement(v) : Text(o.Label)), thresholds);
            if (predictionDrift.Drifted) alerts.Add($"predictions drifted: {Describe(predictionDrift)}");
        }
        var quality = Quality(predictions, feedback, reference);
        if (quality.Labelled >= thresholds.MinimumLabelled)
        {
            if (thresholds.MinimumAccuracy is { } least && quality.Accuracy is { } accuracy && accuracy < least)
                alerts.Add($"live accuracy {Format(accuracy)} on {quality.Labelled} labelled rows is below {Format(least)}");
            if (thresholds.MaximumMeanAbsoluteError is { } most && quality.MeanAbsoluteError is { } error && error > most)
                alerts.Add($"live mean absolute error {Format(error)} on {quality.Labelled} labelled rows is above {Format(most)}");
        }
        return new VersionMonitoring(version, predictions.Count, rows.Count,
            predictions.Count == 0 ? null : predictions.Min(p => p.Time), predictions.Count == 0 ? null : predictions.Max(p => p.Time),
            predictions.Count == 0 ? null : predictions.Average(p => p.LatencyMilliseconds),
            referenceSource, features, predictionDrift, quality, alerts);
    }

    /// <summary>The drift of one feature's live values (JSON values as logged; an absent value is missing) from its reference.</summary>
    public static FeatureDrift Compare(FeatureReference reference, IEnumerable<JsonElement> live, DriftThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return reference.Kind == FeatureKind.Numeric ? CompareNumeric(reference, live, thresholds) : CompareCategorical(reference, live, thresholds);
    }

    static FeatureDrift CompareNumeric(FeatureReference reference, IEnumerable<JsonElement> live, DriftThresholds thresholds)
    {
        var values = new List<double>();
        long missing = 0;
        foreach (var element in live)
            if (FeatureValues.Number(element) is { } number) values.Add(number);
            else missing++;
        double? psi = null;
        TestResult? ks = null;
        if (values.Count > 0 && reference.Counts is { } counts && counts.Sum() > 0)
        {
            var liveCounts = new long[counts.Length];
            foreach (var value in values) liveCounts[reference.BinOf(value)]++;
            psi = DriftStatistics.PopulationStabilityIndex(counts, liveCounts);
            if (reference.Sample is { Length: > 0 } sample) ks = DriftStatistics.KolmogorovSmirnov(sample, values.ToArray());
        }
        var drifted = values.Count >= thresholds.MinimumRows && (psi >= thresholds.Psi || ks?.PValue < thresholds.PValue);
        return new FeatureDrift(reference.Name, FeatureKind.Numeric, values.Count + missing, missing, psi, ks, null, [], drifted);
    }

    static FeatureDrift CompareCategorical(FeatureReference reference, IEnumerable<JsonElement> live, DriftThresholds thresholds)
    {
        var liveCounts = new Dictionary<string, long>(StringComparer.Ordinal);
        long missing = 0, present = 0;
        foreach (var element in live)
        {
            if (FeatureValues.Category(element) is not { } category)
            {
                missing++;
                continue;
            }
            present++;
            liveCounts[category] = liveCounts.GetValueOrDefault(category) + 1;
        }
        var known = reference.Categories ?? new Dictionary<string, long>();
        var unseen = liveCounts.Keys.Where(c => !known.ContainsKey(c)).Order(StringComparer.Ordinal).ToList();
        double? psi = null;
        TestResult? chi = null;
        if (present > 0 && known.Values.Sum() > 0)
        {
            var categories = known.Keys.Concat(unseen).ToList();
            var referenceRow = categories.Select(c => known.GetValueOrDefault(c)).ToArray();
            var liveRow = categories.Select(c => liveCounts.GetValueOrDefault(c)).ToArray();
            psi = DriftStatistics.PopulationStabilityIndex(referenceRow, liveRow);
            if (categories.Count > 1) chi = DriftStatistics.ChiSquare([referenceRow, liveRow]).Result;
        }
        var drifted = present >= thresholds.MinimumRows && (psi >= thresholds.Psi || chi?.PValue < thresholds.PValue);
        return new FeatureDrift(reference.Name, FeatureKind.Categorical, present + missing, missing, psi, null, chi, unseen, drifted);
    }

    /// <summary>Live quality of <paramref name="predictions"/> from feedback; a shadow's prediction is scored by the feedback on the answer it shadowed.</summary>
    public static LiveQuality Quality(IReadOnlyList<LoggedPrediction> predictions, IReadOnlyDictionary<(string PredictionId, int Row), string> feedback, ReferenceProfile? reference)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(feedback);
        long labelled = 0, right = 0, numeric = 0;
        double absolute = 0, squared = 0;
        foreach (var prediction in predictions)
            for (var row = 0; row < prediction.Outputs.Count; row++)
            {
                if (!feedback.TryGetValue((prediction.ServedId ?? prediction.Id, row), out var label)) continue;
                labelled++;
                var output = prediction.Outputs[row];
                if (output.Label is not null && string.Equals(output.Label, label, StringComparison.Ordinal)) right++;
                if (output.Value is { } value && double.TryParse(label, NumberStyles.Float, CultureInfo.InvariantCulture, out var truth))
                {
                    numeric++;
                    absolute += Math.Abs(value - truth);
                    squared += (value - truth) * (value - truth);
                }
            }
        var regression = reference is { IsClassification: false } || (reference is null && numeric > 0);
        return new LiveQuality(labelled,
            labelled == 0 || regression ? null : (double)right / labelled,
            numeric == 0 ? null : absolute / numeric,
            numeric == 0 ? null : Math.Sqrt(squared / numeric),
            reference?.TrainingAccuracy);
    }

    static JsonElement Text(string? text) => text is null ? default : JsonSerializer.SerializeToElement(text);

    static string Describe(FeatureDrift drift)
    {
        var parts = new List<string>();
        if (drift.Psi is { } psi) parts.Add($"PSI {Format(psi)}");
        if (drift.KolmogorovSmirnov is { } ks) parts.Add($"KS {Format(ks.Statistic)} (p {Format(ks.PValue)})");
        if (drift.ChiSquare is { } chi) parts.Add($"χ² {Format(chi.Statistic)} (p {Format(chi.PValue)})");
        if (drift.Unseen.Count > 0) parts.Add($"{drift.Unseen.Count} unseen categories");
        return string.Join(", ", parts) + $" over {drift.Rows - drift.Missing} rows";
    }

    static string Format(double value) => value.ToString("G3", CultureInfo.InvariantCulture);
}

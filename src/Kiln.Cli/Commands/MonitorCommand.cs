using System.CommandLine;
using System.Globalization;
using Kiln.Serving.Monitoring;
using Kiln.Tracking;
using Spectre.Console;

namespace Kiln.Cli.Commands;

/// <summary><c>kiln monitor NAME</c>: per-version drift against the training data, live accuracy and alerts, from the prediction log.</summary>
public static class MonitorCommand
{
    static readonly Argument<string> Name = new("name") { Description = "A registered model" };

    static readonly Option<string> Since = new("--since") { Description = "Only predictions from this time (2026-11-24T08:00Z) or this span back (30m, 24h, 7d)" };

    static readonly Option<string> Log = new("--log") { Description = "The prediction log's folder (default: $KILN_HOME/predictions, where kiln serve writes it)" };

    static readonly Option<double> Psi = new("--psi") { Description = "PSI at or above which a feature has drifted", DefaultValueFactory = _ => new DriftThresholds().Psi };

    static readonly Option<double> PValue = new("--p-value") { Description = "Kolmogorov–Smirnov or chi-square p-value below which a feature has drifted", DefaultValueFactory = _ => new DriftThresholds().PValue };

    static readonly Option<int> MinimumRows = new("--min-rows") { Description = "Live rows needed before drift raises an alert", DefaultValueFactory = _ => new DriftThresholds().MinimumRows };

    /// <summary>The drift thresholds' options, shared with <c>kiln data validate</c>.</summary>
    internal static IReadOnlyList<Option> ThresholdOptions { get; } = [Psi, PValue, MinimumRows];

    /// <summary>The drift thresholds the command line sets, checked.</summary>
    internal static DriftThresholds Thresholds(ParseResult parseResult)
    {
        var thresholds = new DriftThresholds { Psi = parseResult.GetValue(Psi), PValue = parseResult.GetValue(PValue), MinimumRows = parseResult.GetValue(MinimumRows) };
        thresholds.Validate();
        return thresholds;
    }

    static readonly Option<double?> MinimumAccuracy = new("--min-accuracy") { Description = "Alert when live accuracy from feedback falls below this" };

    public static Command Create()
    {
        var command = new Command("monitor", "Drift of a served model's inputs and predictions against its training data, live accuracy from feedback, and alerts");
        command.Arguments.Add(Name);
        Option[] options = [Since, Log, .. ThresholdOptions, MinimumAccuracy, TrackingOptionsCli.Database, CliOutput.JsonOption];
        foreach (var option in options) command.Options.Add(option);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = new CliOutput(parseResult);
            var thresholds = Thresholds(parseResult) with { MinimumAccuracy = parseResult.GetValue(MinimumAccuracy) };
            thresholds.Validate();
            DateTimeOffset? since = parseResult.GetValue(Since) is { } text ? MonitoringWindow.ParseSince(text, DateTimeOffset.UtcNow) : null;
            var folder = parseResult.GetValue(Log) ?? PredictionLogOptions.FolderUnder(TrackingOptions.FromEnvironment().ResolvedHome);
            var tracking = TrackingOptionsCli.Open(parseResult, cancellationToken);
            var report = await new ModelMonitor(tracking, folder, thresholds).ReportAsync(parseResult.GetValue(Name)!, since, cancellationToken);
            if (output.IsJson) output.WriteJson(report);
            else Write(output, report, folder, thresholds);
            return 0;
        });
        return command;
    }

    static void Write(CliOutput output, MonitoringReport report, string folder, DriftThresholds thresholds)
    {
        if (report.Versions.Count == 0)
        {
            output.Writer.WriteLine($"no logged predictions for '{report.Model}'{(report.Since is { } s ? $" since {s:u}" : "")} in {folder}; serve it (kiln serve) and send requests first");
            return;
        }
        output.Console.MarkupLineInterpolated($"deployment: {(report.Deployment is { } deployment ? $"primary {deployment}" : "none (the bare name serves champion, else the latest version)")}");
        WriteSplit(output, report);
        foreach (var version in report.Versions)
        {
            output.Console.MarkupLineInterpolated($"[bold]{report.Model} version {version.Version}[/]: {version.Requests:N0} requests, {version.Rows:N0} rows, {version.First:u} – {version.Last:u}, mean latency {F(version.MeanLatencyMilliseconds)} ms");
            output.Console.MarkupLineInterpolated($"reference: {version.Reference}");
            WriteDrift(output, version.Features, version.Predictions, thresholds);
            var quality = version.Quality;
            if (quality.Labelled == 0) output.Writer.WriteLine("live quality: no feedback yet (POST /api/models/NAME/feedback)");
            else if (quality.Accuracy is { } accuracy)
                output.Writer.WriteLine($"live accuracy {F(accuracy)} on {quality.Labelled:N0} labelled rows" + (quality.ReferenceAccuracy is { } trained ? $" (training {F(trained)})" : ""));
            else output.Writer.WriteLine($"live MAE {F(quality.MeanAbsoluteError)}, RMSE {F(quality.RootMeanSquaredError)} on {quality.Labelled:N0} labelled rows");
            foreach (var alert in version.Alerts) output.Console.MarkupLineInterpolated($"[red]ALERT[/] {alert}");
            if (!version.Alert) output.Writer.WriteLine("no alerts");
            output.Writer.WriteLine();
        }
    }

    /// <summary>A table of each feature's drift and the predictions' (when measured), with whether it counts as drift.</summary>
    internal static void WriteDrift(CliOutput output, IReadOnlyList<FeatureDrift> features, FeatureDrift? predictions, DriftThresholds thresholds)
    {
        if (features.Count == 0) return;
        var table = new Table().Border(TableBorder.Rounded).AddColumns("feature", "kind", "rows", "missing", "PSI", "KS D (p)", "χ² (p)", "unseen", "drift");
        foreach (var feature in features.Append(predictions).OfType<FeatureDrift>())
            table.AddRow(
                Markup.Escape(feature == predictions ? "(predictions)" : feature.Name),
                feature.Kind == FeatureKind.Numeric ? "numeric" : "categorical",
                feature.Rows.ToString("N0", CultureInfo.InvariantCulture),
                feature.Missing.ToString("N0", CultureInfo.InvariantCulture),
                F(feature.Psi),
                feature.KolmogorovSmirnov is { } ks ? $"{F(ks.Statistic)} ({F(ks.PValue)})" : "",
                feature.ChiSquare is { } chi ? $"{F(chi.Statistic)} ({F(chi.PValue)})" : "",
                Markup.Escape(string.Join(", ", feature.Unseen.Take(5)) + (feature.Unseen.Count > 5 ? ", …" : "")),
                feature.Drifted ? "[red]yes[/]" : feature.Rows < thresholds.MinimumRows ? $"too few rows (< {thresholds.MinimumRows:N0})" : "no");
        output.Console.Write(table);
    }

    /// <summary>Requests per version and role, each role's share of the answers, live accuracy, and how often a shadow agreed.</summary>
    static void WriteSplit(CliOutput output, MonitoringReport report)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumns("version", "role", "requests", "rows", "share", "live accuracy (labelled)", "agreed with answer");
        foreach (var version in report.Versions)
            foreach (var role in version.Roles)
                table.AddRow(
                    version.Version.ToString(CultureInfo.InvariantCulture),
                    role.Role,
                    role.Requests.ToString("N0", CultureInfo.InvariantCulture),
                    role.Rows.ToString("N0", CultureInfo.InvariantCulture),
                    role.Share is { } share ? share.ToString("P1", CultureInfo.InvariantCulture) : "",
                    role.Quality.Labelled == 0 ? "" : role.Quality.Accuracy is { } accuracy
                        ? $"{F(accuracy)} ({role.Quality.Labelled:N0})"
                        : $"MAE {F(role.Quality.MeanAbsoluteError)} ({role.Quality.Labelled:N0})",
                    role.Agreement is { } agreed ? agreed.ToString("P1", CultureInfo.InvariantCulture) : "");
        output.Console.Write(table);
    }

    static string F(double? value) => value?.ToString("G4", CultureInfo.InvariantCulture) ?? "";
}

using System.CommandLine;
using Kiln.Tracking;
using Spectre.Console;

namespace Kiln.Cli.Commands;

/// <summary><c>kiln runs list|show|compare|delete|restore</c>: the recorded runs, one in detail, several side by side.</summary>
public static class RunsCommands
{
    public static Command Create()
    {
        var runs = new Command("runs", "Recorded runs: every kiln train (and other recorded commands) with its params, metrics and artifacts");
        runs.Options.Add(TrackingOptionsCli.Database);
        runs.Subcommands.Add(List());
        runs.Subcommands.Add(Show());
        runs.Subcommands.Add(Compare());
        runs.Subcommands.Add(ChangeLifecycle("delete", "Mark runs deleted (kept until restored; hidden from listings)", deleted: true));
        runs.Subcommands.Add(ChangeLifecycle("restore", "Bring back deleted runs", deleted: false));
        return runs;
    }

    static Command List()
    {
        var experiment = new Option<string>("--experiment") { Description = "Only runs of this experiment (name or id)" };
        var status = new Option<RunStatus?>("--status") { Description = "Only runs in this state: running, finished, failed, killed" };
        var deleted = new Option<bool>("--deleted") { Description = "List deleted runs instead" };
        var limit = new Option<int>("--limit") { Description = "At most this many runs, newest first", DefaultValueFactory = _ => 50 };
        var command = new Command("list", "List runs, newest first: id, name, experiment, status, start, duration and metrics");
        foreach (var option in new Option[] { experiment, status, deleted, limit, CliOutput.JsonOption }) command.Options.Add(option);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = new CliOutput(parseResult);
            var store = TrackingOptionsCli.Open(parseResult, cancellationToken);
            var experiments = (await store.Experiments.ListAsync(LifecycleView.All, cancellationToken)).ToDictionary(e => e.Id);
            IReadOnlyList<long>? only = parseResult.GetValue(experiment) is { } wanted
                ? [(await ExperimentsCommands.FindAsync(store, wanted, cancellationToken)).Id] : null;
            var runs = await store.Runs.SearchAsync(new RunQuery
            {
                ExperimentIds = only,
                Status = parseResult.GetValue(status),
                View = parseResult.GetValue(deleted) ? LifecycleView.DeletedOnly : LifecycleView.ActiveOnly,
                MaxResults = parseResult.GetValue(limit),
            }, cancellationToken);
            if (output.IsJson)
            {
                output.WriteJson(runs);
                return 0;
            }
            if (runs.Count == 0)
            {
                output.Writer.WriteLine("no runs recorded yet: kiln train records one");
                return 0;
            }
            var table = new Table().Border(TableBorder.Rounded).AddColumns("run", "name", "experiment", "status", "started", "duration", "metrics");
            foreach (var run in runs)
                table.AddRow(TrackingDisplay.ShortId(run.Id), Markup.Escape(run.Name), Markup.Escape(experiments.TryGetValue(run.ExperimentId, out var e) ? e.Name : $"{run.ExperimentId}"),
                    TrackingDisplay.Status(run.Status), TrackingDisplay.Time(run.StartTime), TrackingDisplay.Duration(run.Duration), Markup.Escape(TrackingDisplay.MetricsLine(run)));
            output.Console.Write(table);
            return 0;
        });
        return command;
    }

    static Command Show()
    {
        var id = new Argument<string>("run") { Description = "The run's id, or its first digits (at least 4)" };
        var command = new Command("show", "Show one run: how it was made, its params, latest metrics, tags, artifacts and registered versions");
        command.Arguments.Add(id);
        command.Options.Add(CliOutput.JsonOption);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = new CliOutput(parseResult);
            var store = TrackingOptionsCli.Open(parseResult, cancellationToken);
            var run = await store.Runs.GetAsync(await store.Runs.ResolveIdAsync(parseResult.GetValue(id)!, cancellationToken), cancellationToken);
            var experiment = await store.Experiments.GetAsync(run.ExperimentId, cancellationToken);
            var artifacts = await ListAllArtifactsAsync(store, run.Id, cancellationToken);
            var versions = await store.Registry.ListVersionsOfRunAsync(run.Id, cancellationToken);
            if (output.IsJson)
            {
                output.WriteJson(new { Run = run, Experiment = experiment.Name, Artifacts = artifacts, RegisteredVersions = versions.Select(v => new { v.Name, v.Version, v.Aliases }) });
                return 0;
            }
            var about = new Table().Border(TableBorder.Rounded).Title($"run {run.Id}").AddColumns("", "").HideHeaders();
            about.AddRow("name", Markup.Escape(run.Name));
            about.AddRow("experiment", Markup.Escape($"{experiment.Name} ({experiment.Id})"));
            about.AddRow("status", TrackingDisplay.Status(run.Status) + (run.Lifecycle == LifecycleStage.Deleted ? " (deleted)" : ""));
            about.AddRow("started", TrackingDisplay.Time(run.StartTime));
            if (run.EndTime is { } end) about.AddRow("ended", $"{TrackingDisplay.Time(end)} ({TrackingDisplay.Duration(run.Duration)})");
            if (run.Command is { } line) about.AddRow("command", Markup.Escape(line));
            if (run.SourceVersion is { } version) about.AddRow("source version", Markup.Escape(version));
            if (run.Seed is { } seed) about.AddRow("seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (run.DataFingerprint is { } fingerprint) about.AddRow("data fingerprint", fingerprint);
            output.Console.Write(about);
            WritePairs(output, "params", run.Params.Select(p => (p.Key, p.Value)));
            WritePairs(output, "metrics (latest)", run.Metrics.Values.Select(m => (m.Key, $"{TrackingDisplay.Number(m.Value)}  (step {m.Step})")));
            WritePairs(output, "tags", run.Tags.Select(t => (t.Key, t.Value)));
            WritePairs(output, "artifacts", artifacts.Select(a => (a.Path, a.Size is { } size ? $"{size:N0} bytes" : "")));
            WritePairs(output, "registered as", versions.Select(v => ($"{v.Name} version {v.Version}", string.Join(", ", v.Aliases))));
            return 0;
        });
        return command;
    }

    static Command Compare()
    {
        var ids = new Argument<string[]>("runs") { Description = "Two or more run ids (or their first digits)", Arity = new ArgumentArity(2, 20) };
        var command = new Command("compare", "Put runs side by side: status, duration, every param (differences marked *) and every latest metric");
        command.Arguments.Add(ids);
        command.Options.Add(CliOutput.JsonOption);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = new CliOutput(parseResult);
            var store = TrackingOptionsCli.Open(parseResult, cancellationToken);
            var runs = new List<Run>();
            foreach (var id in parseResult.GetValue(ids)!)
                runs.Add(await store.Runs.GetAsync(await store.Runs.ResolveIdAsync(id, cancellationToken), cancellationToken));
            var paramKeys = runs.SelectMany(r => r.Params.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
            var metricKeys = runs.SelectMany(r => r.Metrics.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
            var differing = paramKeys.Where(k => runs.Select(r => r.Params.GetValueOrDefault(k)).Distinct().Count() > 1).ToList();
            if (output.IsJson)
            {
                output.WriteJson(new
                {
                    Runs = runs.Select(r => new { r.Id, r.Name, r.Status, r.StartTime, r.Duration }),
                    Params = paramKeys.ToDictionary(k => k, k => runs.Select(r => r.Params.GetValueOrDefault(k)).ToList()),
                    DifferingParams = differing,
                    Metrics = metricKeys.ToDictionary(k => k, k => runs.Select(r => r.Metrics.TryGetValue(k, out var m) ? m.Value : (double?)null).ToList()),
                });
                return 0;
            }
            var table = new Table().Border(TableBorder.Rounded).AddColumn("");
            foreach (var run in runs) table.AddColumn(Markup.Escape($"{TrackingDisplay.ShortId(run.Id)} {run.Name}"));
            table.AddRow(["status", .. runs.Select(r => TrackingDisplay.Status(r.Status))]);
            table.AddRow(["duration", .. runs.Select(r => TrackingDisplay.Duration(r.Duration))]);
            foreach (var key in paramKeys)
                table.AddRow([Markup.Escape((differing.Contains(key) ? "* " : "  ") + key), .. runs.Select(r => Markup.Escape(r.Params.GetValueOrDefault(key) ?? "—"))]);
            foreach (var key in metricKeys)
            {
                var values = runs.Select(r => r.Metrics.TryGetValue(key, out var m) ? m.Value : (double?)null).ToList();
                table.AddRow([Markup.Escape(key), .. values.Select(v => v is { } x ? TrackingDisplay.Number(x) : "—")]);
            }
            output.Console.Write(table);
            if (differing.Count > 0) output.Writer.WriteLine($"* params that differ: {string.Join(", ", differing)}");
            return 0;
        });
        return command;
    }

    static Command ChangeLifecycle(string name, string description, bool deleted)
    {
        var ids = new Argument<string[]>("runs") { Description = "Run ids (or their first digits)", Arity = ArgumentArity.OneOrMore };
        var command = new Command(name, description);
        command.Arguments.Add(ids);
        command.Options.Add(CliOutput.JsonOption);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = new CliOutput(parseResult);
            var store = TrackingOptionsCli.Open(parseResult, cancellationToken);
            var changed = new List<string>();
            foreach (var id in parseResult.GetValue(ids)!)
            {
                var full = await store.Runs.ResolveIdAsync(id, cancellationToken);
                if (deleted) await store.Runs.DeleteAsync(full, cancellationToken);
                else await store.Runs.RestoreAsync(full, cancellationToken);
                changed.Add(full);
            }
            if (output.IsJson) output.WriteJson(new { Runs = changed, Lifecycle = deleted ? LifecycleStage.Deleted : LifecycleStage.Active });
            else foreach (var id in changed) output.Writer.WriteLine($"{(deleted ? "deleted" : "restored")} run {id}");
            return 0;
        });
        return command;
    }

    /// <summary>Every artifact file of a run, folders opened.</summary>
    static async Task<List<ArtifactEntry>> ListAllArtifactsAsync(TrackingStore store, string runId, CancellationToken cancellationToken)
    {
        var files = new List<ArtifactEntry>();
        var folders = new Queue<string>([""]);
        while (folders.TryDequeue(out var folder))
            foreach (var entry in await store.Runs.ListArtifactsAsync(runId, folder, cancellationToken))
                if (entry.IsDirectory) folders.Enqueue(entry.Path);
                else files.Add(entry);
        return files;
    }

    static void WritePairs(CliOutput output, string title, IEnumerable<(string Key, string Value)> pairs)
    {
        var rows = pairs.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        if (rows.Count == 0) return;
        var table = new Table().Border(TableBorder.Rounded).Title(title).AddColumns("", "").HideHeaders();
        foreach (var (key, value) in rows) table.AddRow(Markup.Escape(key), Markup.Escape(value));
        output.Console.Write(table);
    }
}

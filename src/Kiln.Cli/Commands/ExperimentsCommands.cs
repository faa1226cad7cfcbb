using System.CommandLine;
using System.Globalization;
using Kiln.Tracking;
using Spectre.Console;

namespace Kiln.Cli.Commands;

/// <summary><c>kiln experiments list|create|delete|restore</c>: the named groups that runs are recorded in.</summary>
public static class ExperimentsCommands
{
    public static Command Create()
    {
        var experiments = new Command("experiments", "Experiments: named groups of runs (kiln train --experiment NAME records into one)");
        experiments.Options.Add(TrackingOptionsCli.Database);
        experiments.Subcommands.Add(List());
        experiments.Subcommands.Add(CreateOne());
        experiments.Subcommands.Add(ChangeLifecycle("delete", "Mark an experiment and its runs deleted (the name stays taken until restored)", deleted: true));
        experiments.Subcommands.Add(ChangeLifecycle("restore", "Bring back a deleted experiment and its runs", deleted: false));
        return experiments;
    }

    /// <summary>The experiment a user named: by id when the text is a number that is one, by name otherwise.</summary>
    public static async Task<Experiment> FindAsync(TrackingStore store, string nameOrId, CancellationToken cancellationToken)
    {
        if (long.TryParse(nameOrId, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            try { return await store.Experiments.GetAsync(id, cancellationToken); }
            catch (TrackingException e) when (e.Code == TrackingErrorCode.ResourceDoesNotExist) { }
        }
        return await store.Experiments.GetByNameAsync(nameOrId, cancellationToken);
    }

    static Command List()
    {
        var deleted = new Option<bool>("--deleted") { Description = "List deleted experiments instead" };
        var command = new Command("list", "List experiments with their number of runs");
        command.Options.Add(deleted);
        command.Options.Add(CliOutput.JsonOption);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = new CliOutput(parseResult);
            var store = TrackingOptionsCli.Open(parseResult, cancellationToken);
            var view = parseResult.GetValue(deleted) ? LifecycleView.DeletedOnly : LifecycleView.ActiveOnly;
            var experiments = await store.Experiments.ListAsync(view, cancellationToken);
            var counts = await store.Runs.CountByExperimentAsync(view, cancellationToken);
            if (output.IsJson)
            {
                output.WriteJson(experiments.Select(e => new { e.Id, e.Name, e.Lifecycle, e.CreationTime, e.Tags, Runs = counts.GetValueOrDefault(e.Id) }));
                return 0;
            }
            var table = new Table().Border(TableBorder.Rounded).AddColumns("id", "name", "runs", "created", "tags");
            foreach (var e in experiments)
                table.AddRow(e.Id.ToString(CultureInfo.InvariantCulture), Markup.Escape(e.Name), counts.GetValueOrDefault(e.Id).ToString(CultureInfo.InvariantCulture),
                    TrackingDisplay.Time(e.CreationTime), Markup.Escape(string.Join(", ", e.Tags.Select(t => $"{t.Key}={t.Value}"))));
            output.Console.Write(table);
            return 0;
        });
        return command;
    }

    static Command CreateOne()
    {
        var name = new Argument<string>("name") { Description = "A unique name" };
        var tags = new Option<string[]>("--tag") { Description = "A tag as key=value; repeatable", AllowMultipleArgumentsPerToken = true };
        var command = new Command("create", "Create an experiment");
        command.Arguments.Add(name);
        command.Options.Add(tags);
        command.Options.Add(CliOutput.JsonOption);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = new CliOutput(parseResult);
            var store = TrackingOptionsCli.Open(parseResult, cancellationToken);
            var experiment = await store.Experiments.CreateAsync(parseResult.GetValue(name)!,
                KeyValueOptions.Parse(parseResult.GetValue(tags) ?? [], "--tag", "team=crm"), cancellationToken);
            if (output.IsJson) output.WriteJson(experiment);
            else output.Writer.WriteLine($"created experiment {experiment.Id} '{experiment.Name}'");
            return 0;
        });
        return command;
    }

    static Command ChangeLifecycle(string verb, string description, bool deleted)
    {
        var experiment = new Argument<string>("experiment") { Description = "The experiment's name or id" };
        var command = new Command(verb, description);
        command.Arguments.Add(experiment);
        command.Options.Add(CliOutput.JsonOption);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = new CliOutput(parseResult);
            var store = TrackingOptionsCli.Open(parseResult, cancellationToken);
            var found = await FindAsync(store, parseResult.GetValue(experiment)!, cancellationToken);
            if (deleted) await store.Experiments.DeleteAsync(found.Id, cancellationToken);
            else await store.Experiments.RestoreAsync(found.Id, cancellationToken);
            var after = await store.Experiments.GetAsync(found.Id, cancellationToken);
            if (output.IsJson) output.WriteJson(after);
            else output.Writer.WriteLine($"{(deleted ? "deleted" : "restored")} experiment {after.Id} '{after.Name}' and its runs");
            return 0;
        });
        return command;
    }
}

using System.CommandLine;
using System.Globalization;
using Kiln.Tracking;
using Spectre.Console;

namespace Kiln.Cli.Commands;

/// <summary><c>kiln registry list|show|register|alias|update|delete</c>: registered models, their numbered versions and aliases.</summary>
public static class RegistryCommands
{
    public static Command Create()
    {
        var registry = new Command("registry", "The model registry: named models, numbered versions from runs or package files, aliases such as champion");
        registry.Options.Add(TrackingOptionsCli.Database);
        registry.Subcommands.Add(List());
        registry.Subcommands.Add(Show());
        registry.Subcommands.Add(Register());
        registry.Subcommands.Add(Alias());
        registry.Subcommands.Add(Update());
        registry.Subcommands.Add(Delete());
        return registry;
    }

    static Command List()
    {
        var command = new Command("list", "List registered models: latest version, aliases, description");
        command.Options.Add(CliOutput.JsonOption);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = new CliOutput(parseResult);
            var models = await TrackingOptionsCli.Open(parseResult, cancellationToken).Registry.ListModelsAsync(cancellationToken);
            if (output.IsJson)
            {
                output.WriteJson(models);
                return 0;
            }
            if (models.Count == 0)
            {
                output.Writer.WriteLine("no registered models yet: kiln registry register NAME PACKAGE-OR-RUN");
                return 0;
            }
            var table = new Table().Border(TableBorder.Rounded).AddColumns("name", "latest", "aliases", "updated", "description");
            foreach (var m in models)
                table.AddRow(Markup.Escape(m.Name), m.LatestVersion?.ToString(CultureInfo.InvariantCulture) ?? "—", Markup.Escape(Aliases(m.Aliases)),
                    TrackingDisplay.Time(m.LastUpdatedTime), Markup.Escape(m.Description ?? ""));
            output.Console.Write(table);
            return 0;
        });
        return command;
    }

    static Command Show()
    {
        var name = new Argument<string>("name") { Description = "The registered model" };
        var command = new Command("show", "Show a registered model and its versions: aliases, status, source run, description, tags");
        command.Arguments.Add(name);
        command.Options.Add(CliOutput.JsonOption);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = new CliOutput(parseResult);
            var registry = TrackingOptionsCli.Open(parseResult, cancellationToken).Registry;
            var model = await registry.GetModelAsync(parseResult.GetValue(name)!, cancellationToken);
            var versions = await registry.ListVersionsAsync(model.Name, cancellationToken);
            if (output.IsJson)
            {
                output.WriteJson(new { Model = model, Versions = versions });
                return 0;
            }
            output.Writer.WriteLine($"{model.Name}: {versions.Count} version(s){(model.Description is { } d ? " — " + d : "")}");
            if (model.Tags.Count > 0) output.Writer.WriteLine("tags: " + string.Join(", ", model.Tags.Select(t => $"{t.Key}={t.Value}")));
            var table = new Table().Border(TableBorder.Rounded).AddColumns("version", "aliases", "status", "run", "created", "source", "description", "tags");
            foreach (var v in versions)
                table.AddRow(v.Version.ToString(CultureInfo.InvariantCulture), Markup.Escape(string.Join(", ", v.Aliases)), v.Status.ToString(),
                    v.RunId is { } run ? TrackingDisplay.ShortId(run) : "—", TrackingDisplay.Time(v.CreationTime), Markup.Escape(v.Source),
                    Markup.Escape(v.Description ?? ""), Markup.Escape(string.Join(", ", v.Tags.Select(t => $"{t.Key}={t.Value}"))));
            output.Console.Write(table);
            return 0;
        });
        return command;
    }

    static Command Register()
    {
        var name = new Argument<string>("name") { Description = "The registered model (created when new)" };
        var source = new Argument<string>("source") { Description = "A model package file, or the id (first digits will do) of a run that logged one" };
        var artifact = new Option<string>("--artifact") { Description = "With a run: the package's artifact path (default: the package the run logged)" };
        var description = new Option<string>("--description") { Description = "What this version is" };
        var aliases = new Option<string[]>("--alias") { Description = "Point these aliases at the new version; repeatable", AllowMultipleArgumentsPerToken = true };
        var tags = new Option<string[]>("--tag") { Description = "A version tag as key=value; repeatable", AllowMultipleArgumentsPerToken = true };
        var command = new Command("register", "Register a model package as the next version of a model; a file is traced back to the run that wrote it");
        command.Arguments.Add(name);
        command.Arguments.Add(source);
        foreach (var option in new Option[] { artifact, description, aliases, tags, CliOutput.JsonOption }) command.Options.Add(option);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = new CliOutput(parseResult);
            var store = TrackingOptionsCli.Open(parseResult, cancellationToken);
            var from = await SourceAsync(store, parseResult.GetValue(source)!, parseResult.GetValue(artifact), cancellationToken) with
            {
                Description = parseResult.GetValue(description),
                Aliases = parseResult.GetValue(aliases),
                Tags = KeyValueOptions.Parse(parseResult.GetValue(tags) ?? [], "--tag", "validated=yes"),
            };
            var version = await store.Registry.RegisterAsync(parseResult.GetValue(name)!, from, cancellationToken);
            if (output.IsJson) output.WriteJson(version);
            else
            {
                output.Writer.WriteLine($"registered {version.Name} version {version.Version}" + (version.Aliases.Count > 0 ? $" ({string.Join(", ", version.Aliases)})" : ""));
                output.Writer.WriteLine($"source: {version.Source}" + (version.RunId is { } run ? $" (run {TrackingDisplay.ShortId(run)})" : ""));
            }
            return 0;
        });
        return command;
    }

    /// <summary>
    /// Where a version comes from. A file: the run whose logged package has the same SHA-256, when there is one (its
    /// stored copy is registered, so the version points at its run), else the file alone. Otherwise a run id.
    /// </summary>
    static async Task<NewModelVersion> SourceAsync(TrackingStore store, string source, string? artifact, CancellationToken cancellationToken)
    {
        if (File.Exists(source))
        {
            if (artifact is not null) throw new ArgumentException("--artifact goes with a run id, not a package file");
            var hash = await RunRecorder.Sha256Async(source, cancellationToken);
            var runs = await store.Runs.SearchAsync(new RunQuery { Tags = new Dictionary<string, string> { [RunRecorder.PackageHashTag] = hash }, MaxResults = 1 }, cancellationToken);
            return runs is [var run] && run.Tags.TryGetValue(RunRecorder.PackageTag, out var logged)
                ? NewModelVersion.FromRun(run.Id, logged)
                : NewModelVersion.FromFile(source);
        }
        if (Directory.Exists(source)) throw new ArgumentException($"{source} is a folder; give a model package file or a run id");
        if (!source.All(char.IsAsciiHexDigit)) throw new FileNotFoundException($"{source} is neither a model package file nor a run id", source);
        var found = await store.Runs.GetAsync(await store.Runs.ResolveIdAsync(source, cancellationToken), cancellationToken);
        var path = artifact ?? (found.Tags.TryGetValue(RunRecorder.PackageTag, out var tagged) ? tagged
            : throw new ArgumentException($"run {found.Id} logged no model package; give its artifact path with --artifact (kiln runs show {TrackingDisplay.ShortId(found.Id)} lists them)"));
        return NewModelVersion.FromRun(found.Id, path);
    }

    static Command Alias()
    {
        var name = new Argument<string>("name") { Description = "The registered model" };
        var alias = new Argument<string>("alias") { Description = "champion, challenger or any name of letters, digits, _ and -" };
        var version = new Argument<int?>("version") { Description = "The version the alias should name (leave out with --delete)", Arity = ArgumentArity.ZeroOrOne };
        var delete = new Option<bool>("--delete") { Description = "Remove the alias" };
        var command = new Command("alias", "Point an alias at a version (moving it in one step if it named another) or remove it");
        command.Arguments.Add(name);
        command.Arguments.Add(alias);
        command.Arguments.Add(version);
        command.Options.Add(delete);
        command.Options.Add(CliOutput.JsonOption);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = new CliOutput(parseResult);
            var registry = TrackingOptionsCli.Open(parseResult, cancellationToken).Registry;
            var (model, aliasName, number) = (parseResult.GetValue(name)!, parseResult.GetValue(alias)!, parseResult.GetValue(version));
            if (parseResult.GetValue(delete))
            {
                if (number is not null) throw new ArgumentException("--delete removes the alias; give no version with it");
                await registry.DeleteAliasAsync(model, aliasName, cancellationToken);
            }
            else await registry.SetAliasAsync(model, aliasName, number ?? throw new ArgumentException($"give the version '{aliasName}' should name, or --delete"), cancellationToken);
            var after = await registry.GetModelAsync(model, cancellationToken);
            if (output.IsJson) output.WriteJson(new { after.Name, after.Aliases });
            else output.Writer.WriteLine(number is { } n ? $"{model}@{aliasName} is version {n}" : $"removed {model}@{aliasName}");
            return 0;
        });
        return command;
    }

    static Command Update()
    {
        var name = new Argument<string>("name") { Description = "The registered model" };
        var version = new Option<int?>("--version") { Description = "Change this version instead of the model" };
        var description = new Option<string>("--description") { Description = "The new description" };
        var tags = new Option<string[]>("--tag") { Description = "Set a tag as key=value; repeatable", AllowMultipleArgumentsPerToken = true };
        var removeTags = new Option<string[]>("--remove-tag") { Description = "Remove a tag by key; repeatable", AllowMultipleArgumentsPerToken = true };
        var command = new Command("update", "Change the description or tags of a registered model or one of its versions");
        command.Arguments.Add(name);
        foreach (var option in new Option[] { version, description, tags, removeTags, CliOutput.JsonOption }) command.Options.Add(option);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = new CliOutput(parseResult);
            var registry = TrackingOptionsCli.Open(parseResult, cancellationToken).Registry;
            var (model, number) = (parseResult.GetValue(name)!, parseResult.GetValue(version));
            var setTags = KeyValueOptions.Parse(parseResult.GetValue(tags) ?? [], "--tag", "validated=yes");
            var text = parseResult.GetValue(description);
            if (number is { } v)
            {
                if (text is not null) await registry.UpdateVersionAsync(model, v, text, cancellationToken);
                foreach (var (key, value) in setTags) await registry.SetVersionTagAsync(model, v, key, value, cancellationToken);
                foreach (var key in parseResult.GetValue(removeTags) ?? []) await registry.DeleteVersionTagAsync(model, v, key, cancellationToken);
                var after = await registry.GetVersionAsync(model, v, cancellationToken);
                if (output.IsJson) output.WriteJson(after);
                else output.Writer.WriteLine($"updated {model} version {v}");
            }
            else
            {
                if (text is not null) await registry.UpdateModelAsync(model, text, cancellationToken);
                foreach (var (key, value) in setTags) await registry.SetModelTagAsync(model, key, value, cancellationToken);
                foreach (var key in parseResult.GetValue(removeTags) ?? []) await registry.DeleteModelTagAsync(model, key, cancellationToken);
                var after = await registry.GetModelAsync(model, cancellationToken);
                if (output.IsJson) output.WriteJson(after);
                else output.Writer.WriteLine($"updated {model}");
            }
            return 0;
        });
        return command;
    }

    static Command Delete()
    {
        var name = new Argument<string>("name") { Description = "The registered model" };
        var version = new Option<int?>("--version") { Description = "Delete only this version (its aliases go with it)" };
        var command = new Command("delete", "Delete a registered model with all its versions, or one version");
        command.Arguments.Add(name);
        command.Options.Add(version);
        command.Options.Add(CliOutput.JsonOption);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = new CliOutput(parseResult);
            var registry = TrackingOptionsCli.Open(parseResult, cancellationToken).Registry;
            var model = parseResult.GetValue(name)!;
            if (parseResult.GetValue(version) is { } v) await registry.DeleteVersionAsync(model, v, cancellationToken);
            else await registry.DeleteModelAsync(model, cancellationToken);
            var what = parseResult.GetValue(version) is { } n ? $"{model} version {n}" : model;
            if (output.IsJson) output.WriteJson(new { Deleted = what });
            else output.Writer.WriteLine($"deleted {what}");
            return 0;
        });
        return command;
    }

    static string Aliases(IReadOnlyDictionary<string, int> aliases) =>
        string.Join(", ", aliases.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}→{a.Value}"));
}

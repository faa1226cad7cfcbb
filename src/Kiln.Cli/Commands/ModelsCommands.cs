using System.CommandLine;
using System.Globalization;
using Kiln.Learn;
using Spectre.Console;

namespace Kiln.Cli.Commands;

/// <summary><c>kiln models list|show</c>: the estimator catalog — models, transformers and samplers — with each hyperparameter's type, default, range and help.</summary>
public static class ModelsCommands
{
    public static Command Create()
    {
        var models = new Command("models", "The catalog: every model, transformer and sampler by name, with its parameters");
        models.Subcommands.Add(List());
        models.Subcommands.Add(Show());
        return models;
    }

    static Command List()
    {
        var command = new Command("list", "List the models, transformers and samplers: name, task and what each does");
        command.Options.Add(CliOutput.JsonOption);
        command.SetAction(parseResult =>
        {
            var output = new CliOutput(parseResult);
            var entries = EstimatorCatalog.All;
            if (output.IsJson)
            {
                output.WriteJson(entries.Select(e => new { e.Name, Role = Kebab.Of(e.Role.ToString()), e.Help, e.Capabilities }));
                return 0;
            }
            var table = new Table().Border(TableBorder.Rounded).AddColumns("name", "task", "what it does", "capabilities");
            foreach (var e in entries)
                table.AddRow(e.Name, Kebab.Of(e.Role.ToString()), Markup.Escape(e.Help), string.Join(", ", e.Capabilities));
            output.Console.Write(table);
            return 0;
        });
        return command;
    }

    static Command Show()
    {
        var name = new Argument<string>("name") { Description = "The estimator's name, as `kiln models list` shows it" };
        var command = new Command("show", "Show a model's parameters: type, default, allowed values and help");
        command.Arguments.Add(name);
        command.Options.Add(CliOutput.JsonOption);
        command.SetAction(parseResult =>
        {
            var output = new CliOutput(parseResult);
            var entry = EstimatorCatalog.Find(parseResult.GetValue(name)!);
            var parameters = entry.Parameters.Select(p => new
            {
                p.Name, p.Type, Default = Text(p.Default), p.Allowed, p.Nullable, p.Help, p.Search,
            }).ToList();
            if (output.IsJson)
            {
                output.WriteJson(new { entry.Name, Role = Kebab.Of(entry.Role.ToString()), entry.Help, entry.Capabilities, Parameters = parameters });
                return 0;
            }
            output.Console.MarkupLine($"[bold]{entry.Name}[/] ({Kebab.Of(entry.Role.ToString())}): {Markup.Escape(entry.Help)}");
            if (entry.Capabilities.Count > 0) output.Console.MarkupLine($"[dim]capabilities: {string.Join(", ", entry.Capabilities)}[/]");
            var table = new Table().Border(TableBorder.Rounded).AddColumns("parameter", "type", "default", "allowed", "help");
            foreach (var p in parameters)
                table.AddRow(p.Name, p.Type, Markup.Escape(p.Default), Markup.Escape(p.Allowed + (p.Nullable ? " or none" : "")), Markup.Escape(p.Help));
            output.Console.Write(table);
            var searched = entry.Parameters.Where(p => p.Search is not null).Select(p => $"{p.Name}={p.Search}").ToList();
            if (searched.Count > 0) output.Writer.WriteLine($"`kiln tune` searches by default: {string.Join(";", searched)}");
            return 0;
        });
        return command;
    }

    static string Text(object? value) => value switch
    {
        null => "none",
        bool b => b ? "true" : "false",
        Enum e => Kebab.Of(e.ToString()),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

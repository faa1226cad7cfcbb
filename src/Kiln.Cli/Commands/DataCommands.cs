using System.CommandLine;
using System.Globalization;
using Kiln.Data;
using Kiln.Plots;
using Spectre.Console;

namespace Kiln.Cli.Commands;

/// <summary><c>kiln data …</c>: look at a table — head, info, describe, profile, plot — split it, and validate a batch against a model's training data.</summary>
public static class DataCommands
{
    public static Command Create()
    {
        var data = new Command("data", """
            Inspect, profile and plot a table: CSV, JSON Lines, Parquet or any delimited text file.
            Text files of other names read as pandas' read_csv reads them, for example:
              kiln data info letter-recognition.data     (comma-separated, no header: column_1 … column_17)
              kiln data info SMSSpamCollection --sep '\t' --names label,text --quote none
            """);
        data.Subcommands.Add(Head());
        data.Subcommands.Add(Info());
        data.Subcommands.Add(Describe());
        data.Subcommands.Add(Profile());
        data.Subcommands.Add(PlotCommand.Create());
        data.Subcommands.Add(SplitCommand.Create());
        data.Subcommands.Add(ValidateCommand.Create());
        return data;
    }

    /// <summary>A command that reads a frame with the shared input options and can print JSON.</summary>
    internal static Command Reading(string name, string description)
    {
        var command = new Command(name, description);
        FrameInput.AddTo(command);
        command.Options.Add(CliOutput.JsonOption);
        return command;
    }

    static Command Info()
    {
        var command = Reading("info", "Show the columns' types, non-missing counts and memory (pandas' info)");
        command.SetAction((parseResult, cancellationToken) =>
        {
            var output = new CliOutput(parseResult);
            var (frame, _) = FrameInput.Read(parseResult, cancellationToken);
            var info = frame.Info();
            if (output.IsJson) output.WriteJson(info);
            else output.Writer.WriteLine(info);
            return Task.FromResult(0);
        });
        return command;
    }

    static Command Describe()
    {
        var all = new Option<bool>("--all") { Description = "Describe every column, not only the numeric ones" };
        var command = Reading("describe", "Summary statistics per column: count, mean, std, min, quartiles, max; unique/top/freq for text");
        command.Options.Add(all);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var output = new CliOutput(parseResult);
            var (frame, _) = FrameInput.Read(parseResult, cancellationToken);
            var description = parseResult.GetValue(all) ? frame.Describe([.. frame.ColumnNames]) : frame.Describe();
            if (output.IsJson) output.WriteJson(description.Columns);
            else output.Writer.WriteLine(description);
            return Task.FromResult(0);
        });
        return command;
    }

    static Command Profile()
    {
        var target = new Option<string>("--target") { Description = "The column a model would predict: adds its class balance and correlations" };
        var outFolder = new Option<string>("--out") { Description = "Folder for the HTML report and its JSON (default: the current folder)" };
        var command = Reading("profile", "Profile a table: types, missing values, duplicates, outliers, distributions, correlations, class balance");
        command.Options.Add(target);
        command.Options.Add(outFolder);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var output = new CliOutput(parseResult);
            var (frame, path) = FrameInput.Read(parseResult, cancellationToken);
            var written = ProfileWriter.Write(frame, path, parseResult.GetValue(target), parseResult.GetValue(outFolder) ?? ".");
            if (output.IsJson)
            {
                output.WriteJson(written.Profile);
                return Task.FromResult(0);
            }
            Summarise(output, written);
            return Task.FromResult(0);
        });
        return command;
    }

    internal static void Summarise(CliOutput output, ProfileWriter.Written written)
    {
        var profile = written.Profile;
        output.Console.MarkupLine($"[bold]{Markup.Escape(profile.Source)}[/]: {profile.RowCount:N0} rows × {profile.ColumnCount} columns, " +
            $"{profile.MissingCells:N0} missing cells, {profile.DuplicateRows:N0} duplicate rows");
        foreach (var warning in profile.Warnings) output.Console.MarkupLine($"  [yellow]![/] {Markup.Escape(warning)}");
        output.Console.MarkupLine($"report: [link]{Markup.Escape(written.ReportPath)}[/]");
        output.Console.MarkupLine($"json:   {Markup.Escape(written.JsonPath)}");
    }

    static Command Head()
    {
        var rows = new Option<int>("--rows", "-n") { Description = "How many rows", DefaultValueFactory = _ => 5 };
        var tail = new Option<bool>("--tail") { Description = "Show the last rows instead of the first" };
        var command = new Command("head", "Show the first (or last) rows");
        FrameInput.AddTo(command);
        command.Options.Add(rows);
        command.Options.Add(tail);
        command.Options.Add(CliOutput.JsonOption);
        command.SetAction(parseResult =>
        {
            var output = new CliOutput(parseResult);
            var (frame, _) = FrameInput.Read(parseResult);
            var count = parseResult.GetValue(rows);
            if (count < 0) throw new ArgumentException($"--rows must be 0 or more, not {count}");
            var part = parseResult.GetValue(tail) ? frame.Tail(count) : frame.Head(count);
            if (output.IsJson) output.WriteJson(FrameTable.Records(part));
            else output.Console.Write(FrameTable.Render(part));
            return 0;
        });
        return command;
    }
}

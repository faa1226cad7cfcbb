using System.CommandLine;

namespace Kiln.Cli.Commands;

/// <summary><c>kiln data …</c>: look at a table — head, info, describe, profile, plot.</summary>
public static class DataCommands
{
    public static Command Create()
    {
        var data = new Command("data", "Inspect, profile and plot a CSV file");
        data.Subcommands.Add(Head());
        return data;
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

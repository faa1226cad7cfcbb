using System.CommandLine;
using Kiln.Cli.Commands;

namespace Kiln.Cli;

/// <summary>The <c>kiln</c> command: composes the command groups and runs one invocation.</summary>
public static class KilnApp
{
    public static RootCommand CreateRoot()
    {
        var root = new RootCommand("Kiln: a machine-learning workbench — data, models, vision, tracking and serving.");
        root.Subcommands.Add(UpCommand.Create());
        root.Subcommands.Add(DataCommands.Create());
        root.Subcommands.Add(DatasetsCommands.Create());
        root.Subcommands.Add(PrepCommand.Create());
        root.Subcommands.Add(ModelsCommands.Create());
        foreach (var command in TrainCommands.Create()) root.Subcommands.Add(command);
        root.Subcommands.Add(EvaluateCommand.Create());
        root.Subcommands.Add(CompareCommand.Create());
        root.Subcommands.Add(TuneCommand.Create());
        root.Subcommands.Add(CurvesCommand.Create());
        root.Subcommands.Add(ExplainCommand.Create());
        root.Subcommands.Add(NnCommands.Create());
        root.Subcommands.Add(RunsCommands.Create());
        root.Subcommands.Add(ExperimentsCommands.Create());
        root.Subcommands.Add(RegistryCommands.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(MonitorCommand.Create());
        root.Subcommands.Add(DeployCommand.Create());
        root.Subcommands.Add(Commands.Vision.VisionCommands.Create());
        return root;
    }

    /// <summary>Runs the command line and returns the process exit code; errors become one clear line on <paramref name="error"/>.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var parsed = CreateRoot().Parse(args);
        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception exception)
        {
            var failure = CliFailure.From(exception);
            error.WriteLine($"kiln: {failure.Message}");
            return failure.ExitCode;
        }
    }
}

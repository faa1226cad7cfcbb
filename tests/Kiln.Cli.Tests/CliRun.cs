namespace Kiln.Cli.Tests;

/// <summary>One run of the <c>kiln</c> command in-process, with what it printed.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static CliRun Of(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = KilnApp.Run(args, output, error);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}

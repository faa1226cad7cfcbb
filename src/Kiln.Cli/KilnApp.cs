using System.CommandLine;

namespace Kiln.Cli;

/// <summary>The <c>kiln</c> command: composes the command groups and runs one invocation.</summary>
public static class KilnApp
{
    public static RootCommand CreateRoot()
    {
        var root = new RootCommand("Kiln: a machine-learning workbench — data, models, vision, tracking and serving.");
        return root;
    }

    /// <summary>Runs the command line and returns the process exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var parsed = CreateRoot().Parse(args);
        return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}

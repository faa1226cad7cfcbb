namespace Kiln.Cli.Tests;

/// <summary>Tests that point KILN_HOME somewhere else; the variable is process-wide, so they run one at a time.</summary>
[CollectionDefinition(nameof(KilnHomeCollection), DisableParallelization = true)]
public sealed class KilnHomeCollection;

/// <summary>Points KILN_HOME at a fresh folder for the life of a test.</summary>
public sealed class TemporaryKilnHome : IDisposable
{
    readonly string? _previous = Environment.GetEnvironmentVariable("KILN_HOME");
    readonly Kiln.Testing.TemporaryFolder _folder = new();

    public TemporaryKilnHome() => Environment.SetEnvironmentVariable("KILN_HOME", _folder.Path);

    public string Path => _folder.Path;

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("KILN_HOME", _previous);
        _folder.Dispose();
    }
}

namespace Kiln.Testing;

/// <summary>The checkout's root folder (the one holding Kiln.slnx), for tests that read bundled files.</summary>
public static class RepositoryFolder
{
    public static string Root { get; } = Locate();

    static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Kiln.slnx")))
                return dir.FullName;
        throw new DirectoryNotFoundException($"no Kiln.slnx above {AppContext.BaseDirectory}");
    }
}

namespace Kiln.Testing;

/// <summary>
/// The real datasets and pretrained models that live beside the repository in <c>../shared</c>.
/// Tests that need them call <see cref="RequireDataset"/>, which skips with a reason when the folder is missing.
/// </summary>
public static class SharedFolder
{
    public static string? Root { get; } = Locate();

    public static string RequireDataset(string relativePath) => Require("datasets", relativePath);

    /// <summary>A pretrained model file under ../shared/models; skips the test when the shared folder is missing.</summary>
    public static string RequireModel(string relativePath) => Require("models", relativePath);

    static string Require(string kind, string relativePath)
    {
        if (Root is null)
            Assert.Skip($"../shared is not beside this checkout, so the real {kind} are not available");
        var path = Path.Combine(Root, kind, relativePath);
        if (!File.Exists(path) && !Directory.Exists(path))
            throw new FileNotFoundException($"{path} is missing from the shared {kind} folder", path);
        return path;
    }

    static string? Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("KILN_SHARED");
        if (!string.IsNullOrEmpty(fromEnvironment) && Directory.Exists(fromEnvironment))
            return fromEnvironment;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kiln.slnx")))
            {
                var shared = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
                return Directory.Exists(Path.Combine(shared, "datasets")) ? shared : null;
            }
        }
        return null;
    }
}

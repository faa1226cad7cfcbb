using Kiln.Data.Datasets;

namespace Kiln.Vision.Faces;

/// <summary>Finds a detector's model file: the path given, or the default file in the shared models folder or Kiln's cache.</summary>
static class ModelFiles
{
    /// <summary>
    /// <paramref name="given"/> when set (it must exist), otherwise the first of <paramref name="defaultPath"/>'s
    /// candidates (<see cref="SharedFiles"/>, then <paramref name="systemPaths"/>) that exists.
    /// </summary>
    public static string Resolve(string? given, string defaultPath, string what, params string[] systemPaths)
    {
        if (!string.IsNullOrEmpty(given))
            return File.Exists(given) ? Path.GetFullPath(given) : throw new FileNotFoundException($"{given}: no such {what} file", given);
        var candidates = SharedFiles.Candidates(defaultPath).Concat(systemPaths).ToList();
        return candidates.FirstOrDefault(File.Exists) ?? throw new FileNotFoundException(
            $"no {what} found; looked for {string.Join(", ", candidates)}. Give the file's path, or set {SharedFiles.EnvironmentVariable} " +
            $"to the folder that holds {defaultPath}", candidates[0]);
    }
}

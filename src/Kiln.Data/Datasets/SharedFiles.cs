namespace Kiln.Data.Datasets;

/// <summary>
/// Where named datasets and pretrained models are looked for, in order: <c>$KILN_SHARED</c>, the <c>shared</c> folder
/// beside the Kiln checkout (<c>../shared</c>), then Kiln's own cache (<c>$KILN_HOME</c>).
/// </summary>
public static class SharedFiles
{
    public const string EnvironmentVariable = "KILN_SHARED";

    /// <summary>The places <paramref name="relativePath"/> (such as <c>models/face-detection/yunet_s_640_640.onnx</c>) may be, in the order they are tried.</summary>
    public static IEnumerable<string> Candidates(string relativePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(relativePath);
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } shared)
            yield return Path.GetFullPath(Path.Combine(shared, relativePath));
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Kiln.slnx")))
            {
                yield return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", relativePath));
                break;
            }
        yield return Path.Combine(KilnHome.Path, relativePath);
    }
}

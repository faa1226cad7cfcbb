namespace Kiln.Tracking;

/// <summary>Checks and joins the relative, '/'-separated paths artifact stores take.</summary>
public static class ArtifactPath
{
    /// <summary>
    /// The path with its parts checked: no empty, <c>.</c> or <c>..</c> part, no backslash, not absolute — so no
    /// artifact can be written or read outside its store. An empty path means the root.
    /// </summary>
    public static string Normalize(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var trimmed = path.Trim('/');
        if (trimmed.Length == 0) return "";
        if (path.StartsWith('/') || path.Contains('\\') || path.Contains('\0') || (path.Length > 1 && path[1] == ':'))
            throw TrackingException.Invalid($"artifact path '{path}' must be relative and '/'-separated");
        foreach (var part in trimmed.Split('/'))
            if (part is "" or "." or "..")
                throw TrackingException.Invalid($"artifact path '{path}' has a part '{part}'; paths may not climb out of the store or repeat '/'");
        return trimmed;
    }

    /// <summary>Joins checked paths: <c>Combine("0/abc/artifacts", "model/m.kiln")</c> is <c>0/abc/artifacts/model/m.kiln</c>.</summary>
    public static string Combine(params ReadOnlySpan<string> parts)
    {
        var kept = new List<string>(parts.Length);
        foreach (var part in parts)
            if (Normalize(part) is { Length: > 0 } normalized) kept.Add(normalized);
        return string.Join('/', kept);
    }
}

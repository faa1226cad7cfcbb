namespace Kiln.Server.Jobs;

/// <summary>
/// The column the Train page preselects as the target: only one whose name says it is the target. Guessing any other
/// column (the last one, say) would let a user train the wrong thing without noticing, so then none is chosen.
/// </summary>
public static class TargetColumnGuess
{
    static readonly string[] TargetNames = ["target", "label", "class", "y"];

    /// <summary>The column named like a target (case aside), or null when none is.</summary>
    public static string? From(IEnumerable<string> columns) =>
        columns.FirstOrDefault(c => TargetNames.Contains(c.Trim(), StringComparer.OrdinalIgnoreCase));
}

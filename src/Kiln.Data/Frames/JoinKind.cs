namespace Kiln.Data;

/// <summary>Which rows a merge keeps (pandas' <c>how</c>).</summary>
public enum JoinKind
{
    /// <summary>Only rows whose keys appear on both sides, in the left frame's order.</summary>
    Inner,
    /// <summary>Every left row, in order; right values are missing where nothing matches.</summary>
    Left,
    /// <summary>Every right row, in order; left values are missing where nothing matches.</summary>
    Right,
    /// <summary>Every row of both sides, sorted by key, with the key columns filled from whichever side has them.</summary>
    Outer,
}

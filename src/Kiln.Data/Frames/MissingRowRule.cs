namespace Kiln.Data;

/// <summary>When a row counts as missing for <see cref="Frame.DropMissing"/> (pandas' <c>how</c>).</summary>
public enum MissingRowRule
{
    /// <summary>Drop the row if any of the considered columns is missing.</summary>
    Any,
    /// <summary>Drop the row only if all of the considered columns are missing.</summary>
    All,
}

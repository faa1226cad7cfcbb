namespace Kiln.Data;

/// <summary>
/// What a data scientist checks first in a new table: its shape and types, missing values, duplicate rows,
/// each column's distribution and outliers, correlations and — given a target — the class balance.
/// A plain record, so the HTML report and <c>--json</c> show the very same numbers.
/// </summary>
public sealed record DataProfile(
    string Source,
    int RowCount,
    int ColumnCount,
    long MemoryBytes,
    int MissingCells,
    int DuplicateRows,
    IReadOnlyList<ColumnProfile> Columns,
    CorrelationTable Correlations,
    TargetProfile? Target,
    IReadOnlyList<string> Warnings)
{
    public ColumnProfile this[string column] =>
        Columns.FirstOrDefault(c => c.Name == column) ?? throw new UnknownColumnException(column, Columns.Select(c => c.Name));

    /// <summary>
    /// The columns that look like identifiers rather than features — a different value in every row, or mostly distinct
    /// reference codes — as the warnings flag them; each one's <see cref="ColumnProfile.IdentifierReason"/> says why.
    /// </summary>
    public IEnumerable<ColumnProfile> LikelyIdentifiers => Columns.Where(c => c.IdentifierReason is not null);

    /// <summary>Profiles a frame; <paramref name="target"/> names the column a model would predict, when there is one.</summary>
    public static DataProfile Of(Frame frame, string source, string? target = null, int histogramBins = 20) =>
        DataProfiler.Profile(frame, source, target, histogramBins);
}

using Kiln.Data;
using Kiln.Learn.Cleaning;
using Kiln.Learn.Compose;

namespace Kiln.Learn.Preparation;

/// <summary>
/// Everything <see cref="DataPreparation.Run"/> did and produced: the prepared splits, the fitted preprocessing
/// pipeline (to run the very same transformations at prediction time), and the facts a report documents.
/// </summary>
public sealed record PreparationResult(
    string Source,
    PreparationOptions Options,
    string Task,
    int InputRows,
    IReadOnlyList<ColumnMissing> MissingBefore,
    int TargetMissingDropped,
    int DuplicatesDropped,
    IReadOnlyList<ColumnConversionReport> Conversions,
    IReadOnlyList<DroppedColumn> DroppedColumns,
    IReadOnlyList<string> NumericColumns,
    IReadOnlyList<string> TextColumns,
    IReadOnlyList<string> DateColumns,
    RowFilterResult? Outliers,
    OutlierRemoverModel? OutlierModel,
    PipelineModel Pipeline,
    PreparedSplit Train,
    PreparedSplit Validation,
    PreparedSplit Test);

/// <summary>How many values a column missed in the input.</summary>
public sealed record ColumnMissing(string Column, int Missing, double Share);

/// <summary>A column left out of the features, and why.</summary>
public sealed record DroppedColumn(string Column, string Reason);

/// <summary>One split: its raw rows (after cleaning, before encoding), its prepared rows, and its class counts.</summary>
public sealed record PreparedSplit(string Name, Frame Raw, Frame Prepared, IReadOnlyList<ValueCount> Classes);

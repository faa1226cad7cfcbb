namespace Kiln.Learn.Cleaning;

/// <summary>
/// What <see cref="TypeConversion"/> did to one column: the kind it found (<see cref="TextValueKind.Text"/> when it left
/// the column alone), the date order for date columns, and how many present values failed to parse and became missing.
/// </summary>
public sealed record ColumnConversionReport(string Column, TextValueKind Kind, DateOrder DateOrder, int FailedCount);

namespace Kiln.Data;

/// <summary>
/// One aggregate of a group-by: a column, a function and the name of the result
/// (by default <c>column_function</c>, e.g. <c>age_mean</c>).
/// </summary>
public sealed record Aggregation(string Column, AggregateFunction Function, string? Name = null)
{
    public string OutputName => Name ?? $"{Column}_{Function.ToString().ToLowerInvariant()}";

    public static Aggregation Count(string column, string? name = null) => new(column, AggregateFunction.Count, name);
    public static Aggregation Sum(string column, string? name = null) => new(column, AggregateFunction.Sum, name);
    public static Aggregation Mean(string column, string? name = null) => new(column, AggregateFunction.Mean, name);
    public static Aggregation Min(string column, string? name = null) => new(column, AggregateFunction.Min, name);
    public static Aggregation Max(string column, string? name = null) => new(column, AggregateFunction.Max, name);
    public static Aggregation Std(string column, string? name = null) => new(column, AggregateFunction.Std, name);
    public static Aggregation Median(string column, string? name = null) => new(column, AggregateFunction.Median, name);
}

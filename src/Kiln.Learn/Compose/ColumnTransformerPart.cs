namespace Kiln.Learn.Compose;

/// <summary>One part of a <see cref="ColumnTransformer"/>: a named transformer and the columns it takes.</summary>
public sealed record ColumnTransformerPart(string Name, IEstimator Transformer, ColumnSelector Columns);

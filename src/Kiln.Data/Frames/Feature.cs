namespace Kiln.Data;

/// <summary>
/// One column of a <see cref="FeatureMatrix"/> and where it came from: a numeric column feeds one feature
/// named like it; a string column feeds one 0/1 feature per category, named <c>column=category</c>.
/// </summary>
public sealed record Feature(string Name, string Column, string? Category = null);

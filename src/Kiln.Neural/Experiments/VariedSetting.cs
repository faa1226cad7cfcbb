namespace Kiln.Neural.Experiments;

/// <summary>One key of a <see cref="Variation"/> with the values it takes, in the order given.</summary>
public sealed record VariedSetting(string Key, IReadOnlyList<string> Values);

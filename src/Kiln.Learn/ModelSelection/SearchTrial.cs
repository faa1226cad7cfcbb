namespace Kiln.Learn.ModelSelection;

/// <summary>A candidate the search has finished with, as the sampler of later candidates sees it: its parameters, mean score, and whether it was pruned.</summary>
internal sealed record SearchTrial(IReadOnlyDictionary<string, object?> Parameters, double Score, bool Pruned);

namespace Kiln.Plots;

/// <summary>What an experiment measured, for <see cref="ExperimentReport"/>.</summary>
public sealed record ExperimentComparison
{
    public required string Title { get; init; }

    /// <summary>Facts shown first: data, rows, base architecture, variation, mode, seed.</summary>
    public required IReadOnlyList<(string Key, string Value)> Facts { get; init; }

    /// <summary>The varied keys with their values in the order given; one comparison chart is drawn per key.</summary>
    public required IReadOnlyList<(string Key, IReadOnlyList<string> Values)> Keys { get; init; }

    /// <summary>The variants trained, best first.</summary>
    public required IReadOnlyList<ComparedVariant> Variants { get; init; }

    /// <summary>How many variants were planned; fewer trained when the experiment was stopped.</summary>
    public required int Planned { get; init; }
}

namespace Kiln.Learn.ModelSelection;

/// <summary>How <see cref="DataSplit"/> decides which rows go where.</summary>
public enum SplitMode
{
    /// <summary>Rows shuffled by a seed.</summary>
    Random,

    /// <summary>Rows shuffled by a seed, every split keeping each class's share of a target column.</summary>
    Stratified,

    /// <summary>Whole groups shuffled by a seed, so no group's rows are in two splits.</summary>
    Grouped,

    /// <summary>Rows ordered by a date or number column: the earliest train, the latest test; nothing shuffled.</summary>
    ByTime,
}

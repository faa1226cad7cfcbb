namespace Kiln.Learn.Preprocessing;

/// <summary>What kind of target <see cref="TargetEncoder"/> encodes against.</summary>
public enum TargetKind
{
    /// <summary>
    /// Decide from the target: text and bool targets are binary or multiclass by their number of classes, as are
    /// int64 ones; float64 targets are continuous unless they hold only two whole numbers (0/1), which are binary.
    /// </summary>
    Auto,

    /// <summary>A number to regress: categories are encoded by their (shrunk) mean target.</summary>
    Continuous,

    /// <summary>Two classes: categories are encoded by their (shrunk) rate of the second class in sorted order.</summary>
    Binary,

    /// <summary>More classes: one output per class, each category encoded by its (shrunk) rate of that class.</summary>
    Multiclass,
}

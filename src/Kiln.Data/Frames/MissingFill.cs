namespace Kiln.Data;

/// <summary>How to fill missing values: <c>MissingFill.Mean</c>, <c>MissingFill.With(0)</c>, <c>MissingFill.ForwardFill</c> …</summary>
public sealed record MissingFill(FillStrategy Strategy, object? Value = null)
{
    public static MissingFill Mean { get; } = new(FillStrategy.Mean);
    public static MissingFill Median { get; } = new(FillStrategy.Median);
    public static MissingFill Mode { get; } = new(FillStrategy.Mode);
    public static MissingFill ForwardFill { get; } = new(FillStrategy.ForwardFill);

    /// <summary>A fixed value: a number for numeric columns, text for string columns, a bool or a DateTime for theirs.</summary>
    public static MissingFill With(object value) => new(FillStrategy.Value, value ?? throw new ArgumentNullException(nameof(value)));
}

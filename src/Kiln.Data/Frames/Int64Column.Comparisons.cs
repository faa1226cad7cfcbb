namespace Kiln.Data;

/// <summary>Vectorised comparisons that build filter masks; a missing value compares false, except in <see cref="NotEqualTo"/>.</summary>
public sealed partial class Int64Column
{
    public BoolColumn GreaterThan(double value) => ThresholdTests.Apply<ThresholdTests.Greater>(Name, Values, MissingMask, value);
    public BoolColumn GreaterThanOrEqual(double value) => ThresholdTests.Apply<ThresholdTests.GreaterOrEqual>(Name, Values, MissingMask, value);
    public BoolColumn LessThan(double value) => ThresholdTests.Apply<ThresholdTests.Less>(Name, Values, MissingMask, value);
    public BoolColumn LessThanOrEqual(double value) => ThresholdTests.Apply<ThresholdTests.LessOrEqual>(Name, Values, MissingMask, value);
    public BoolColumn EqualTo(double value) => ThresholdTests.Apply<ThresholdTests.Equal>(Name, Values, MissingMask, value);
    public BoolColumn NotEqualTo(double value) => ThresholdTests.Apply<ThresholdTests.NotEqual>(Name, Values, MissingMask, value);
}

namespace Kiln.Learn;

/// <summary>
/// Marks an estimator property as a hyperparameter, with one line of help and its allowed range or values.
/// Ranges are inclusive unless <see cref="MinExclusive"/>/<see cref="MaxExclusive"/> say otherwise.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class ParameterAttribute(string help) : Attribute
{
    public string Help { get; } = help;
    public double Min { get; init; } = double.NegativeInfinity;
    public double Max { get; init; } = double.PositiveInfinity;
    public bool MinExclusive { get; init; }
    public bool MaxExclusive { get; init; }

    /// <summary>For string parameters: the values allowed (enums list their members by themselves).</summary>
    public string[]? Values { get; init; }

    /// <summary>
    /// The range a hyperparameter search tries when the user gives none, in search-space text: <c>int(1,20)</c>,
    /// <c>log(1e-3,100)</c>, <c>uniform(0,1)</c> or values <c>a,b,c</c>. Parameters without one are left at their value.
    /// </summary>
    public string? Search { get; init; }
}

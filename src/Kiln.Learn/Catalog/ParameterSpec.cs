using System.Globalization;
using System.Reflection;

namespace Kiln.Learn;

/// <summary>One hyperparameter of a catalog entry: its name, type, default, allowed range or values and help.</summary>
public sealed record ParameterSpec(
    string Name,
    string Type,
    object? Default,
    double Min,
    double Max,
    bool MinExclusive,
    bool MaxExclusive,
    IReadOnlyList<string>? AllowedValues,
    bool Nullable,
    string Help)
{
    internal PropertyInfo Property { get; init; } = null!;

    /// <summary>The range a search tries when none is given (see <see cref="ParameterAttribute.Search"/>); null leaves the parameter out.</summary>
    public string? Search { get; init; }

    /// <summary>The allowed range or values as a user reads them: <c>0 &lt; value ≤ 1</c>, <c>one of mean, median</c>.</summary>
    public string Allowed
    {
        get
        {
            if (AllowedValues is not null) return $"one of {string.Join(", ", AllowedValues)}";
            if (double.IsNegativeInfinity(Min) && double.IsPositiveInfinity(Max)) return $"any {Type}";
            var low = double.IsNegativeInfinity(Min) ? "" : $"{Number(Min)} {(MinExclusive ? "<" : "≤")} ";
            var high = double.IsPositiveInfinity(Max) ? "" : $" {(MaxExclusive ? "<" : "≤")} {Number(Max)}";
            return $"{low}value{high}".Trim();
        }
    }

    internal void Check(string estimator, object? value)
    {
        if (value is null)
        {
            if (Nullable) return;
            throw Invalid(estimator, value);
        }
        if (AllowedValues is not null)
        {
            var text = value is Enum e ? Kebab.Of(e.ToString()) : value.ToString();
            if (!AllowedValues.Contains(text)) throw Invalid(estimator, value);
            return;
        }
        if (value is int or long or double or float)
        {
            var number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
            if (double.IsNaN(number)
                || (MinExclusive ? number <= Min : number < Min)
                || (MaxExclusive ? number >= Max : number > Max))
                throw Invalid(estimator, value);
        }
    }

    ArgumentException Invalid(string estimator, object? value) =>
        new($"{estimator}: parameter '{Name}' must be {Allowed}{(Nullable ? " or none" : "")}, not {Describe(value)}", Name);

    static string Describe(object? value) => value switch
    {
        null => "none",
        double d => Number(d),
        Enum e => Kebab.Of(e.ToString()),
        _ => value.ToString() ?? "",
    };

    static string Number(double value) => value.ToString("G", CultureInfo.InvariantCulture);
}

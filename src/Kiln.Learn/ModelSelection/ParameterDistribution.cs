using System.Globalization;

namespace Kiln.Learn.ModelSelection;

/// <summary>
/// The values one hyperparameter takes in a search: a list, or a uniform, log-uniform or integer range (scikit-learn's
/// lists and scipy.stats distributions). Values are already of the parameter's type and checked against its allowed
/// range; a log-uniform range of an integer parameter draws whole numbers.
/// </summary>
public sealed record ParameterDistribution
{
    internal ParameterDistribution(string parameter, DistributionKind kind, IReadOnlyList<object?> values, double low, double high, bool whole)
    {
        (Parameter, Kind, Values, Low, High, Whole) = (parameter, kind, values, low, high, whole);
    }

    /// <summary>The parameter's name as the search addresses it (<c>max-depth</c>, or <c>step__max-depth</c> inside a pipeline).</summary>
    public string Parameter { get; }

    public DistributionKind Kind { get; }

    /// <summary>The listed values (<see cref="DistributionKind.Values"/> only), typed as the parameter.</summary>
    public IReadOnlyList<object?> Values { get; }

    /// <summary>The lower bound of a range.</summary>
    public double Low { get; }

    /// <summary>The upper bound of a range.</summary>
    public double High { get; }

    /// <summary>Draws whole numbers: an integer range, or a log-uniform range of an integer parameter.</summary>
    internal bool Whole { get; }

    /// <summary>Whether it is a range, which a grid has to cut into points.</summary>
    public bool IsRange => Kind != DistributionKind.Values;

    /// <summary>One value drawn with <paramref name="random"/>.</summary>
    public object? Sample(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return Kind switch
        {
            DistributionKind.Values => Values[random.Next(Values.Count)],
            // each whole number as likely, the ends included
            DistributionKind.Integer => Typed(Math.Ceiling(Low) + random.NextInt64((long)(Math.Floor(High) - Math.Ceiling(Low)) + 1)),
            _ => FromUnit(random.NextDouble()),
        };
    }

    /// <summary>
    /// The values a grid tries: the list itself, or <paramref name="points"/> evenly spaced values of a range (log-evenly
    /// for a log-uniform one), repeated whole numbers kept once.
    /// </summary>
    public IReadOnlyList<object?> GridValues(int points)
    {
        if (Kind == DistributionKind.Values) return Values;
        ArgumentOutOfRangeException.ThrowIfLessThan(points, 2);
        var values = new List<object?>(points);
        for (var i = 0; i < points; i++)
        {
            var value = FromUnit((double)i / (points - 1));
            if (!values.Contains(value)) values.Add(value);
        }
        return values;
    }

    /// <summary>A range's value at a point in [0, 1] of its own scale (log scale for a log-uniform one).</summary>
    internal object? FromUnit(double unit) => FromScale(Scale(Low) + unit * (Scale(High) - Scale(Low)));

    /// <summary>A range's value on its own scale: the logarithm for a log-uniform range, the number itself otherwise.</summary>
    internal double Scale(double value) => Kind == DistributionKind.LogUniform ? Math.Log(value) : value;

    /// <summary>The parameter's value at a point of the range's scale, whole where the range draws whole numbers.</summary>
    internal object? FromScale(double scaled)
    {
        var value = Math.Clamp(Kind == DistributionKind.LogUniform ? Math.Exp(scaled) : scaled, Low, High);
        if (Whole) value = Math.Clamp(Math.Round(value, MidpointRounding.AwayFromZero), Math.Ceiling(Low), Math.Floor(High));
        return Typed(value);
    }

    /// <summary>A number as the parameter's own type (int, long or double).</summary>
    internal Func<double, object?> Typed { get; init; } = value => value;

    public override string ToString()
    {
        static string N(double value) => value.ToString("G", CultureInfo.InvariantCulture);
        return Kind switch
        {
            DistributionKind.Values => $"{Parameter}={string.Join(",", Values.Select(SearchSpace.Format))}",
            DistributionKind.Uniform => $"{Parameter}=uniform({N(Low)},{N(High)})",
            DistributionKind.LogUniform => $"{Parameter}=log({N(Low)},{N(High)})",
            _ => $"{Parameter}=int({N(Low)},{N(High)})",
        };
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using Kiln.Learn.Compose;

namespace Kiln.Learn.ModelSelection;

/// <summary>
/// The hyperparameters a search varies and the values each may take, read from text such as
/// <c>max-depth=3,5,none;learning-rate=log(1e-3,1);n-estimators=int(50,500);subsample=uniform(0.5,1)</c>. Names and
/// types come from the <see cref="EstimatorCatalog"/>: an unknown name, a value of the wrong type or outside the
/// parameter's allowed range is an error that names the parameter.
/// </summary>
public sealed partial class SearchSpace
{
    SearchSpace(IReadOnlyList<ParameterDistribution> dimensions) => Dimensions = dimensions;

    /// <summary>One distribution per parameter, in the order they were given.</summary>
    public IReadOnlyList<ParameterDistribution> Dimensions { get; }

    /// <summary>
    /// Parses <c>name=v1,v2;name=log(low,high);name=int(low,high);name=uniform(low,high)</c> against the parameters of
    /// <paramref name="estimator"/> (a pipeline's last step unless a name says <c>step__name</c>).
    /// </summary>
    public static SearchSpace Parse(string text, IEstimator estimator)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(estimator);
        var dimensions = new List<ParameterDistribution>();
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=');
            if (equals <= 0 || equals == part.Length - 1)
                throw new ArgumentException($"search space: '{part}' is not name=values (for example max-depth=3,5,8 or c=log(1e-3,100))", nameof(text));
            var name = part[..equals].Trim();
            if (dimensions.Any(d => d.Parameter == name))
                throw new ArgumentException($"search space: parameter '{name}' is given twice", nameof(text));
            dimensions.Add(Dimension(estimator, name, part[(equals + 1)..].Trim()));
        }
        if (dimensions.Count == 0) throw new ArgumentException("search space: no parameters given (for example max-depth=3,5,8)", nameof(text));
        return new SearchSpace(dimensions);
    }

    /// <summary>The ranges the catalog suggests for the estimator (a pipeline's last step): every parameter declared with a default search range.</summary>
    public static SearchSpace Default(IEstimator estimator)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        var final = estimator;
        while (final is Pipeline { Steps.Count: > 0 } pipeline) final = pipeline.Steps[^1].Estimator;
        var entry = EstimatorCatalog.TryFind(final.GetType())
            ?? throw new ArgumentException($"{final.GetType().Name} is not in the estimator catalog, so it has no default search space", nameof(estimator));
        var suggested = entry.Parameters.Where(p => p.Search is not null).Select(p => $"{p.Name}={p.Search}").ToList();
        if (suggested.Count == 0)
            throw new ArgumentException($"{entry.Name} has no default search space; give one (for example {entry.Parameters.FirstOrDefault()?.Name ?? "name"}=a,b,c)", nameof(estimator));
        return Parse(string.Join(";", suggested), final);
    }

    /// <summary>
    /// Every combination of the values, as scikit-learn's ParameterGrid orders them: names sorted, the last varying fastest.
    /// A range contributes <paramref name="pointsPerRange"/> evenly spaced values (log-evenly for a log-uniform one).
    /// </summary>
    public IReadOnlyList<IReadOnlyDictionary<string, object?>> Grid(int pointsPerRange = 3)
    {
        var sorted = Dimensions.OrderBy(d => d.Parameter, StringComparer.Ordinal).ToArray();
        var values = sorted.Select(d => d.GridValues(pointsPerRange)).ToArray();
        var size = values.Aggregate(1L, (total, v) => total * v.Count);
        if (size > 1_000_000)
            throw new ArgumentException($"the grid has {size:N0} combinations; give fewer values or use a random or Bayesian search", nameof(pointsPerRange));
        var grid = new List<IReadOnlyDictionary<string, object?>>((int)size);
        var at = new int[sorted.Length];
        for (var n = 0; n < size; n++)
        {
            var candidate = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var d = 0; d < sorted.Length; d++) candidate[sorted[d].Parameter] = values[d][at[d]];
            grid.Add(candidate);
            for (var d = sorted.Length - 1; d >= 0; d--)
            {
                if (++at[d] < values[d].Count) break;
                at[d] = 0;
            }
        }
        return grid;
    }

    /// <summary>One candidate drawn with <paramref name="random"/>, each parameter independently.</summary>
    public IReadOnlyDictionary<string, object?> Sample(Random random)
    {
        var candidate = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var dimension in Dimensions) candidate[dimension.Parameter] = dimension.Sample(random);
        return candidate;
    }

    public override string ToString() => string.Join(";", Dimensions);

    /// <summary>A parameter value as the search-space text writes it.</summary>
    public static string Format(object? value) => value switch
    {
        null => "none",
        double d => d.ToString("G6", CultureInfo.InvariantCulture),
        float f => f.ToString("G6", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        Enum e => Kebab.Of(e.ToString()),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>A candidate's parameters as one line: <c>max-depth=5, n-estimators=200</c>.</summary>
    public static string Describe(IReadOnlyDictionary<string, object?> parameters) =>
        string.Join(", ", parameters.Select(p => $"{p.Key}={Format(p.Value)}"));

    [GeneratedRegex(@"^(?<kind>[a-z]+)\s*\((?<low>[^,()]*),(?<high>[^,()]*)\)$")]
    private static partial Regex RangeSyntax();

    static ParameterDistribution Dimension(IEstimator estimator, string name, string text)
    {
        var (entry, spec) = EstimatorParameters.Resolve(estimator, name);
        if (RangeSyntax().Match(text) is { Success: true } range)
            return Range(entry, spec, name, range.Groups["kind"].Value, range.Groups["low"].Value.Trim(), range.Groups["high"].Value.Trim());
        if (text.Contains('(') || text.Contains(')'))
            throw new ArgumentException($"search space: '{name}={text}' is neither a list of values nor one of uniform(low,high), log(low,high), int(low,high)", nameof(text));
        var values = new List<object?>();
        foreach (var item in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (item.Length == 0) throw new ArgumentException($"search space: '{name}={text}' has an empty value", nameof(text));
            var value = EstimatorCatalog.Convert(entry.Name, spec, item);
            spec.Check(entry.Name, value);
            if (!values.Contains(value)) values.Add(value);
        }
        return new ParameterDistribution(name, DistributionKind.Values, values, double.NaN, double.NaN, whole: false);
    }

    static ParameterDistribution Range(CatalogEntry entry, ParameterSpec spec, string name, string kindText, string lowText, string highText)
    {
        var kind = kindText switch
        {
            "uniform" => DistributionKind.Uniform,
            "log" or "loguniform" => DistributionKind.LogUniform,
            "int" or "randint" => DistributionKind.Integer,
            _ => throw new ArgumentException($"search space: '{kindText}' for '{name}' is not a distribution; use uniform(low,high), log(low,high), int(low,high) or a list of values", name),
        };
        if (spec.Type is not ("int" or "float"))
            throw new ArgumentException($"search space: '{name}' of {entry.Name} is a {spec.Type} parameter, so it takes a list of values ({name}={spec.Allowed.Replace("one of ", "").Replace(", ", ",")}), not a range", name);
        if (kind == DistributionKind.Uniform && spec.Type == "int")
            throw new ArgumentException($"search space: '{name}' of {entry.Name} is a whole number; use int(low,high) or log(low,high), not uniform", name);
        var low = Bound(name, lowText);
        var high = Bound(name, highText);
        if (!(low < high) && !(kind == DistributionKind.Integer && low == high))
            throw new ArgumentException($"search space: '{name}' needs low < high, not {kindText}({lowText},{highText})", name);
        if (kind == DistributionKind.LogUniform && low <= 0)
            throw new ArgumentException($"search space: '{name}' is log-uniform, so both bounds must be above 0, not {lowText}", name);
        var whole = kind == DistributionKind.Integer || spec.Type == "int";
        if (whole && Math.Ceiling(low) > Math.Floor(high))
            throw new ArgumentException($"search space: '{name}' has no whole number between {lowText} and {highText}", name);
        Func<double, object?> typed = value => EstimatorCatalog.Convert(entry.Name, spec, spec.Type == "int" ? (object)(long)value : value);
        var distribution = new ParameterDistribution(name, kind, [], low, high, whole) { Typed = typed };
        // both ends of the range must be values the parameter accepts
        spec.Check(entry.Name, typed(whole ? Math.Ceiling(low) : low));
        spec.Check(entry.Name, typed(whole ? Math.Floor(high) : high));
        return distribution;
    }

    static double Bound(string name, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new ArgumentException($"search space: the bound '{text}' of '{name}' is not a number", name);
}

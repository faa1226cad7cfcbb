using System.Globalization;
using System.Text;

namespace Kiln.Learn.Ensemble;

/// <summary>
/// Estimators written as text, the way ensembles take their members: a catalog name with optional parameters in
/// parentheses, several separated by commas — <c>logistic-regression, random-forest-classifier(n-estimators=50)</c>.
/// A value may itself be a specification (<c>bagging-classifier(estimator=knn-classifier(n-neighbors=3))</c>), since
/// commas inside parentheses do not separate. <see cref="Of(IEstimator[])"/> writes catalog estimators the same way, so a
/// library user can hand estimator objects to an ensemble and a saved ensemble reads back as it was.
/// </summary>
public static class EstimatorSpecs
{
    /// <summary>Every estimator of a list, each created from the catalog; errors name the owner's parameter and the bad piece.</summary>
    public static IReadOnlyList<EstimatorSpec> Parse(string? text, string owner, string parameter)
    {
        var pieces = SplitTopLevel(text ?? "", owner, parameter);
        if (pieces.Count == 0 || pieces.All(p => p.Length == 0))
            throw Bad(owner, parameter, $"is empty; give one or more estimators, e.g. \"logistic-regression, knn-classifier(n-neighbors=5)\"");
        var specs = new List<EstimatorSpec>(pieces.Count);
        foreach (var piece in pieces)
        {
            if (piece.Length == 0) throw Bad(owner, parameter, $"has an empty entry in \"{text}\"");
            specs.Add(ParseOne(piece, owner, parameter));
        }
        return specs;
    }

    /// <summary>Exactly one estimator, for parameters that name a single base or final estimator.</summary>
    public static EstimatorSpec ParseSingle(string? text, string owner, string parameter)
    {
        var specs = Parse(text, owner, parameter);
        return specs.Count == 1 ? specs[0] : throw Bad(owner, parameter, $"takes one estimator, not {specs.Count} (\"{text}\")");
    }

    /// <summary>The text of catalog estimators, each with the parameters that differ from its defaults.</summary>
    public static string Of(params IEstimator[] estimators) => string.Join(", ", estimators.Select(Format));

    /// <summary>One catalog estimator as text: <c>name</c> or <c>name(parameter=value, …)</c> for the parameters off their defaults.</summary>
    public static string Format(IEstimator estimator)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        var entry = EstimatorCatalog.TryFind(estimator.GetType())
            ?? throw new ArgumentException($"{estimator.GetType().Name} is not in the estimator catalog, so it cannot be an ensemble member; ensembles take catalog estimators", nameof(estimator));
        var changed = new List<string>();
        foreach (var (name, value) in EstimatorCatalog.ParametersOf(estimator))
            if (!Equals(value, entry.Parameter(name).Default)) changed.Add($"{name}={Text(value)}");
        return changed.Count == 0 ? entry.Name : $"{entry.Name}({string.Join(", ", changed)})";
    }

    static EstimatorSpec ParseOne(string piece, string owner, string parameter)
    {
        var open = piece.IndexOf('(');
        var name = (open < 0 ? piece : piece[..open]).Trim();
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (open >= 0)
        {
            if (!piece.EndsWith(')'))
                throw Bad(owner, parameter, $"has '{piece}', whose parameters do not end with ')'");
            foreach (var assignment in SplitTopLevel(piece[(open + 1)..^1], owner, parameter))
            {
                if (assignment.Length == 0) continue;
                var equals = assignment.IndexOf('=');
                if (equals <= 0)
                    throw Bad(owner, parameter, $"has '{assignment}' in '{piece}', which is not name=value");
                var key = assignment[..equals].Trim();
                if (!values.TryAdd(key, assignment[(equals + 1)..].Trim()))
                    throw Bad(owner, parameter, $"sets '{key}' twice in '{piece}'");
            }
        }
        if (name.Length == 0) throw Bad(owner, parameter, $"has '{piece}', which names no estimator");
        var entry = EstimatorCatalog.All.FirstOrDefault(e => e.Name == name)
            ?? throw Bad(owner, parameter, $"names '{name}', which is not in the catalog (`kiln models list` shows the estimators)");
        try
        {
            return new EstimatorSpec(entry, EstimatorCatalog.Create(name, values), values.ContainsKey("seed"));
        }
        catch (ArgumentException e)
        {
            throw Bad(owner, parameter, $"has '{piece}': {ArgumentMessages.Own(e)}", e);
        }
    }

    /// <summary>The text split at commas outside parentheses, each piece trimmed.</summary>
    static List<string> SplitTopLevel(string text, string owner, string parameter)
    {
        var pieces = new List<string>();
        var depth = 0;
        var current = new StringBuilder();
        foreach (var c in text)
        {
            if (c == '(') depth++;
            else if (c == ')' && --depth < 0) throw Bad(owner, parameter, $"has a ')' without its '(' in \"{text}\"");
            if (c == ',' && depth == 0)
            {
                pieces.Add(current.ToString().Trim());
                current.Clear();
            }
            else current.Append(c);
        }
        if (depth != 0) throw Bad(owner, parameter, $"has a '(' without its ')' in \"{text}\"");
        pieces.Add(current.ToString().Trim());
        return pieces.Count == 1 && pieces[0].Length == 0 ? [] : pieces;
    }

    static string Text(object? value) => value switch
    {
        null => "none",
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        Enum e => Kebab.Of(e.ToString()),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    static ArgumentException Bad(string owner, string parameter, string what, Exception? inner = null) =>
        new($"{owner}: parameter '{parameter}' {what}", parameter, inner);
}

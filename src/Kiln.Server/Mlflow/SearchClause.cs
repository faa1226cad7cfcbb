using System.Text.RegularExpressions;

namespace Kiln.Server.Mlflow;

/// <summary>One comparison of a filter: a key, a comparator and a number, a string or (for IN) a list of strings.</summary>
sealed record SearchClause(SearchKey Key, string Comparator, object Value)
{
    /// <summary>Whether a resource whose value for <see cref="Key"/> is <paramref name="actual"/> passes; a missing value never does, as in MLflow.</summary>
    public bool Matches(object? actual) => (actual, Value) switch
    {
        (double number, double wanted) => Comparator switch
        {
            "=" => number == wanted,
            "!=" => number != wanted,
            ">" => number > wanted,
            ">=" => number >= wanted,
            "<" => number < wanted,
            "<=" => number <= wanted,
            _ => false,
        },
        (string text, string wanted) => Comparator switch
        {
            "=" => text == wanted,
            "!=" => text != wanted,
            "LIKE" => Like(wanted, RegexOptions.None).IsMatch(text),
            "ILIKE" => Like(wanted, RegexOptions.IgnoreCase).IsMatch(text),
            _ => false,
        },
        (string text, IReadOnlyList<string> wanted) => Comparator == "IN" ? wanted.Contains(text) : !wanted.Contains(text),
        _ => false,
    };

    static Regex Like(string pattern, RegexOptions options) =>
        new("^" + Regex.Escape(pattern).Replace("%", ".*", StringComparison.Ordinal).Replace("_", ".", StringComparison.Ordinal) + "$",
            options | RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}

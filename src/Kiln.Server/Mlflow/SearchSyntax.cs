using System.Globalization;
using System.Text.RegularExpressions;

namespace Kiln.Server.Mlflow;

/// <summary>
/// MLflow's search grammar: a filter is clauses joined by AND (<c>metrics.acc &gt; 0.9 and params.model = 'tree'</c>),
/// a key is <c>entity.name</c> with the name bare, in backticks or in double quotes, or a bare attribute; numbers are
/// compared with = != &gt; &gt;= &lt; &lt;=, strings with = != LIKE ILIKE IN NOT IN. An ordering is a key and ASC or DESC.
/// </summary>
static partial class SearchSyntax
{
    [GeneratedRegex(@"\G\s*(!=|>=|<=|=|>|<|(?i:not\s+in)\b|(?i:ilike|like|in)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex ComparatorPattern();

    [GeneratedRegex(@"\G\s*(-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?)(?![\w.])", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"\G\s+(?i:and)\s+", RegexOptions.CultureInvariant)]
    private static partial Regex AndPattern();

    static readonly string[] NumberComparators = ["=", "!=", ">", ">=", "<", "<="];
    static readonly string[] TextComparators = ["=", "!=", "LIKE", "ILIKE", "IN", "NOT IN"];

    public static IReadOnlyList<SearchClause> ParseFilter(string? filter, SearchVocabulary vocabulary)
    {
        var clauses = new List<SearchClause>();
        if (string.IsNullOrWhiteSpace(filter)) return clauses;
        var position = 0;
        while (true)
        {
            var key = ReadKey(filter, ref position);
            vocabulary.Check(key);
            var comparatorMatch = ComparatorPattern().Match(filter, position);
            if (!comparatorMatch.Success) throw Invalid(filter, position, "expected a comparator (=, !=, >, >=, <, <=, LIKE, ILIKE, IN, NOT IN)");
            var comparator = Regex.Replace(comparatorMatch.Groups[1].Value.ToUpperInvariant(), @"\s+", " ");
            position = comparatorMatch.Index + comparatorMatch.Length;
            var numeric = vocabulary.IsNumeric(key);
            var allowed = numeric ? NumberComparators : TextComparators;
            if (!allowed.Contains(comparator))
                throw MlflowApiException.Invalid($"Invalid comparator '{comparator}' for {key}: it takes one of {string.Join(", ", allowed)}");
            object value = numeric ? ReadNumber(filter, ref position, key)
                : comparator is "IN" or "NOT IN" ? ReadList(filter, ref position, key)
                : ReadString(filter, ref position, key);
            clauses.Add(new SearchClause(key, comparator, value));
            if (filter.AsSpan(position).IsWhiteSpace()) return clauses;
            var and = AndPattern().Match(filter, position);
            if (!and.Success) throw Invalid(filter, position, "expected AND between clauses (OR is not supported)");
            position = and.Index + and.Length;
        }
    }

    public static IReadOnlyList<SearchOrder> ParseOrder(IEnumerable<string>? orderBy, SearchVocabulary vocabulary)
    {
        var orders = new List<SearchOrder>();
        foreach (var text in orderBy ?? [])
        {
            if (string.IsNullOrWhiteSpace(text)) continue;
            var position = 0;
            var key = ReadKey(text, ref position);
            vocabulary.Check(key);
            var direction = text[position..].Trim().ToUpperInvariant();
            if (direction is not ("" or "ASC" or "DESC")) throw MlflowApiException.Invalid($"Invalid order_by clause '{text}': a key may only be followed by ASC or DESC");
            orders.Add(new SearchOrder(key, direction != "DESC"));
        }
        return orders;
    }

    static SearchKey ReadKey(string text, ref int position)
    {
        while (position < text.Length && char.IsWhiteSpace(text[position])) position++;
        var start = position;
        while (position < text.Length && (char.IsAsciiLetterOrDigit(text[position]) || text[position] == '_')) position++;
        var word = text[start..position];
        if (word.Length == 0 && position < text.Length && text[position] is '`' or '"')
            return new SearchKey(SearchEntity.Attribute, ReadQuoted(text, ref position));
        if (word.Length == 0) throw Invalid(text, position, "expected a key such as metrics.accuracy, params.name, tags.name or an attribute");
        if (position >= text.Length || text[position] != '.') return new SearchKey(SearchEntity.Attribute, word);
        position++;
        var entity = word.ToLowerInvariant() switch
        {
            "metric" or "metrics" => SearchEntity.Metric,
            "param" or "params" or "parameter" or "parameters" => SearchEntity.Param,
            "tag" or "tags" => SearchEntity.Tag,
            "attribute" or "attributes" or "attr" or "run" => SearchEntity.Attribute,
            _ => throw MlflowApiException.Invalid($"Invalid entity type '{word}'. Valid values are ['metric', 'parameter', 'tag', 'attribute']"),
        };
        if (position < text.Length && text[position] is '`' or '"') return new SearchKey(entity, ReadQuoted(text, ref position));
        start = position;
        while (position < text.Length && !char.IsWhiteSpace(text[position]) && text[position] is not ('=' or '!' or '<' or '>')) position++;
        if (position == start) throw Invalid(text, position, $"'{word}.' needs a key name");
        return new SearchKey(entity, text[start..position]);
    }

    static string ReadQuoted(string text, ref int position)
    {
        var quote = text[position];
        var end = text.IndexOf(quote, position + 1);
        if (end < 0) throw Invalid(text, position, $"the quote {quote} is not closed");
        var content = text[(position + 1)..end];
        position = end + 1;
        return content;
    }

    static double ReadNumber(string text, ref int position, SearchKey key)
    {
        var match = NumberPattern().Match(text, position);
        if (!match.Success) throw MlflowApiException.Invalid($"Expected numeric value type for {key}. Found '{Rest(text, position)}'");
        position = match.Index + match.Length;
        return double.Parse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    static string ReadString(string text, ref int position, SearchKey key)
    {
        while (position < text.Length && char.IsWhiteSpace(text[position])) position++;
        if (position >= text.Length || text[position] is not ('\'' or '"'))
            throw MlflowApiException.Invalid($"Expected a quoted string value for {key} (e.g. 'my-value'). Got value {Rest(text, position)}");
        return ReadQuoted(text, ref position);
    }

    static List<string> ReadList(string text, ref int position, SearchKey key)
    {
        while (position < text.Length && char.IsWhiteSpace(text[position])) position++;
        if (position >= text.Length || text[position] != '(') throw Invalid(text, position, $"IN for {key} takes a list in parentheses: ('a', 'b')");
        position++;
        var values = new List<string>();
        while (true)
        {
            values.Add(ReadString(text, ref position, key));
            while (position < text.Length && char.IsWhiteSpace(text[position])) position++;
            if (position < text.Length && text[position] == ',') { position++; continue; }
            if (position < text.Length && text[position] == ')') { position++; return values; }
            throw Invalid(text, position, "expected ',' or ')' in the list");
        }
    }

    static string Rest(string text, int position) => text[Math.Min(position, text.Length)..].Trim();

    static MlflowApiException Invalid(string text, int position, string what) =>
        MlflowApiException.Invalid($"Invalid clause(s) in filter string: '{text}' at position {position}: {what}");
}

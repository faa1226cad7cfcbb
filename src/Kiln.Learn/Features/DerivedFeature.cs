namespace Kiln.Learn.Features;

/// <summary>
/// One derived column, <c>name=expression</c>, parsed from text such as <c>rooms_per_household=total_rooms/households</c>.
/// <para>The grammar (whitespace is free between tokens):</para>
/// <code>
/// definitions := definition ((';' | newline) definition)*
/// definition  := name '=' sum
/// sum         := product (('+' | '-') product)*
/// product     := unary (('*' | '/') unary)*
/// unary       := '-' unary | '+' unary | primary
/// primary     := number | name | function '(' sum (',' sum)* ')' | '(' sum ')'
/// name        := [A-Za-z_][A-Za-z0-9_]* | '`' any text but '`' '`'
/// number      := digits ['.' digits] [('e' | 'E') ['+' | '-'] digits]  (or starting with '.')
/// function    := log | log1p | exp | sqrt | abs | pow (two arguments) | min | max (two or more)
/// </code>
/// A name followed by '(' is a function call; a column named like a function is written in backquotes.
/// </summary>
public sealed record DerivedFeature(string Name, FeatureExpression Expression, string Definition)
{
    /// <summary>Parses one <c>name=expression</c>; a mistake throws <see cref="ExpressionSyntaxException"/> with a caret under it.</summary>
    public static DerivedFeature Parse(string definition) => new ExpressionParser(definition).ParseDefinition();

    /// <summary>Parses definitions separated by ';' or new lines (outside backquotes); blank ones are skipped.</summary>
    public static IReadOnlyList<DerivedFeature> ParseList(string definitions)
    {
        var features = new List<DerivedFeature>();
        var start = 0;
        var quoted = false;
        for (var i = 0; i <= definitions.Length; i++)
        {
            if (i < definitions.Length)
            {
                if (definitions[i] == '`') quoted = !quoted;
                if (quoted || definitions[i] is not (';' or '\n')) continue;
            }
            var definition = definitions[start..i].Trim();
            if (definition.Length > 0) features.Add(Parse(definition));
            start = i + 1;
        }
        return features;
    }

    public override string ToString() => Definition;
}

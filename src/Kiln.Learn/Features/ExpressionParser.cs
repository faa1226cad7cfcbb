using System.Globalization;

namespace Kiln.Learn.Features;

/// <summary>A recursive-descent parser of one derived-feature definition into a <see cref="FeatureExpression"/> tree.</summary>
internal sealed class ExpressionParser(string text)
{
    int _position;

    public DerivedFeature ParseDefinition()
    {
        SkipSpace();
        var nameStart = _position;
        var name = TryName() ?? throw Error("expected the new column's name before '='", nameStart);
        SkipSpace();
        Expect('=');
        var expression = ParseSum();
        SkipSpace();
        if (_position < text.Length)
            throw Error(text[_position] == ')' ? "unmatched ')'" : $"unexpected '{text[_position]}' after a complete expression", _position);
        return new DerivedFeature(name, expression, text);
    }

    FeatureExpression ParseSum()
    {
        var left = ParseProduct();
        while (TryOperator('+', '-') is { } op) left = new FeatureExpression.Binary(op, left, ParseProduct());
        return left;
    }

    FeatureExpression ParseProduct()
    {
        var left = ParseUnary();
        while (TryOperator('*', '/') is { } op) left = new FeatureExpression.Binary(op, left, ParseUnary());
        return left;
    }

    FeatureExpression ParseUnary()
    {
        if (TryOperator('-', '+') is { } sign)
        {
            var operand = ParseUnary();
            return sign == '+' ? operand : operand is FeatureExpression.Number n ? new FeatureExpression.Number(-n.Value) : new FeatureExpression.Negation(operand);
        }
        return ParsePrimary();
    }

    FeatureExpression ParsePrimary()
    {
        SkipSpace();
        var start = _position;
        if (_position >= text.Length) throw Error("expected a number, a column or '(' but the expression ends", _position);
        var c = text[_position];
        if (c == '(')
        {
            _position++;
            var inner = ParseSum();
            SkipSpace();
            if (_position >= text.Length || text[_position] != ')') throw Error("expected ')' to close the '(' here", start);
            _position++;
            return inner;
        }
        if (char.IsAsciiDigit(c) || c == '.') return ParseNumber();
        var name = TryName() ?? throw Error($"expected a number, a column or '(' but found '{c}'", start);
        SkipSpace();
        var isCall = text[start] != '`' && _position < text.Length && text[_position] == '(';
        return isCall ? ParseCall(name, start) : new FeatureExpression.ColumnReference(name);
    }

    FeatureExpression ParseCall(string function, int start)
    {
        if (!FeatureExpression.Functions.TryGetValue(function, out var arity))
            throw Error($"unknown function '{function}' (functions: {string.Join(", ", FeatureExpression.Functions.Keys)}; write a column named like this in backquotes)", start);
        _position++;
        var arguments = new List<FeatureExpression> { ParseSum() };
        SkipSpace();
        while (_position < text.Length && text[_position] == ',')
        {
            _position++;
            arguments.Add(ParseSum());
            SkipSpace();
        }
        if (_position >= text.Length || text[_position] != ')') throw Error($"expected ',' or ')' in the arguments of {function}", _position);
        _position++;
        var fits = arity < 0 ? arguments.Count >= 2 : arguments.Count == arity;
        if (!fits)
            throw Error($"{function} takes {(arity < 0 ? "two or more arguments" : arity == 1 ? "one argument" : $"{arity} arguments")}, not {arguments.Count}", start);
        return new FeatureExpression.Call(function, arguments);
    }

    FeatureExpression ParseNumber()
    {
        var start = _position;
        while (_position < text.Length && char.IsAsciiDigit(text[_position])) _position++;
        if (_position < text.Length && text[_position] == '.')
        {
            _position++;
            while (_position < text.Length && char.IsAsciiDigit(text[_position])) _position++;
        }
        if (_position < text.Length && text[_position] is 'e' or 'E')
        {
            var exponent = _position + 1;
            if (exponent < text.Length && text[exponent] is '+' or '-') exponent++;
            if (exponent < text.Length && char.IsAsciiDigit(text[exponent]))
            {
                _position = exponent;
                while (_position < text.Length && char.IsAsciiDigit(text[_position])) _position++;
            }
        }
        if (!double.TryParse(text.AsSpan(start, _position - start), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            throw Error($"'{text[start.._position]}' is not a number", start);
        return new FeatureExpression.Number(value);
    }

    /// <summary>A plain identifier or a backquoted name at the current position, or null when neither is there.</summary>
    string? TryName()
    {
        if (_position >= text.Length) return null;
        var start = _position;
        if (text[_position] == '`')
        {
            var end = text.IndexOf('`', _position + 1);
            if (end < 0) throw Error("this backquote is never closed", start);
            if (end == start + 1) throw Error("a backquoted name cannot be empty", start);
            _position = end + 1;
            return text[(start + 1)..end];
        }
        if (!(char.IsAsciiLetter(text[_position]) || text[_position] == '_')) return null;
        while (_position < text.Length && (char.IsAsciiLetterOrDigit(text[_position]) || text[_position] == '_')) _position++;
        return text[start.._position];
    }

    char? TryOperator(char first, char second)
    {
        SkipSpace();
        if (_position < text.Length && (text[_position] == first || text[_position] == second)) return text[_position++];
        return null;
    }

    void Expect(char expected)
    {
        SkipSpace();
        if (_position >= text.Length || text[_position] != expected)
            throw Error($"expected '{expected}'{(_position < text.Length ? $" but found '{text[_position]}'" : "")}", _position);
        _position++;
    }

    void SkipSpace()
    {
        while (_position < text.Length && char.IsWhiteSpace(text[_position])) _position++;
    }

    ExpressionSyntaxException Error(string problem, int position) => new(problem, text, position);
}

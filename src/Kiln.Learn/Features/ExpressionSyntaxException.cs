namespace Kiln.Learn.Features;

/// <summary>
/// A derived-feature definition that does not follow the grammar. The message shows the definition with a caret
/// under <see cref="Position"/> (a zero-based character offset into <see cref="Definition"/>).
/// </summary>
public sealed class ExpressionSyntaxException(string problem, string definition, int position)
    : FormatException($"derived-features: {problem}\n  {definition}\n  {new string(' ', position)}^")
{
    public string Problem { get; } = problem;
    public string Definition { get; } = definition;
    public int Position { get; } = position;
}

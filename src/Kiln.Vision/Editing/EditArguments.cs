using System.Globalization;
using OpenCvSharp;

namespace Kiln.Vision.Editing;

/// <summary>The arguments written after an operation's name (<c>canny:50:150</c>), read by position with errors that name the operation and the argument.</summary>
public sealed class EditArguments
{
    readonly EditOperation _operation;
    readonly IReadOnlyList<string> _values;

    internal EditArguments(EditOperation operation, IReadOnlyList<string> values) => (_operation, _values) = (operation, values);

    public int Count => _values.Count;

    public double Number(int index, double fallback) => index < _values.Count ? Number(index) : fallback;

    public double Number(int index)
    {
        var text = Text(index);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw Bad(index, $"'{text}' is not a number");
    }

    public int Integer(int index, int fallback) => index < _values.Count ? Integer(index) : fallback;

    public int Integer(int index)
    {
        var text = Text(index);
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Bad(index, $"'{text}' is not a whole number");
    }

    public Scalar Color(int index, Scalar fallback)
    {
        if (index >= _values.Count) return fallback;
        try
        {
            return NamedColors.Parse(_values[index]);
        }
        catch (ArgumentException e)
        {
            throw Bad(index, e.Message);
        }
    }

    public string Text(int index) => index < _values.Count
        ? _values[index]
        : throw new FormatException($"edit '{_operation.Name}': missing {_operation.ArgumentNames[index]} (usage: {_operation.Usage})");

    public FormatException Bad(int index, string problem) =>
        new($"edit '{_operation.Name}', {_operation.ArgumentNames[Math.Min(index, _operation.ArgumentNames.Count - 1)]}: {problem} (usage: {_operation.Usage})");
}

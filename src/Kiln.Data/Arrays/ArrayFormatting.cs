using System.Numerics.Tensors;
using System.Text;

namespace Kiln.Data;

/// <summary>
/// Prints a tensor as NumPy's <c>repr</c> does, e.g. <c>array([[1. , 2.5],</c> / <c>[3. , 4. ]])</c>: aligned
/// columns, nested brackets, wrapped long rows, "..." in place of the middle of large tensors, and the element type
/// when it is not NumPy's default (<c>dtype=float32</c>).
/// </summary>
public static class ArrayFormatting
{
    const string Prefix = "array(";
    const string Separator = ", ";

    public static string ToArrayString<T>(this Tensor<T> x, ArrayPrintOptions? options = null)
    {
        options ??= ArrayPrintOptions.Default;
        var lengths = x.Lengths.ToArray();
        var (typeName, typeImplied) = NumPyTypeName<T>();
        if (x.FlattenedLength == 0)
            return lengths.Length == 1
                ? $"{Prefix}[], dtype={typeName})"
                : $"{Prefix}[], shape={TensorLayout.Describe(lengths)}, dtype={typeName})";

        var summarise = x.FlattenedLength > options.Threshold;
        var shown = new List<int>();
        CollectShown(lengths, 0, 0, summarise, options.EdgeItems, shown);
        var texts = ElementFormatter.FormatAll(TensorLayout.RowMajor(x), shown, options.Precision);

        var suffix = typeImplied ? ")" : ",";
        var layout = new Layout(lengths, texts, summarise, options.EdgeItems);
        var hangingIndent = new string(' ', Prefix.Length + 1);
        var text = Prefix + layout.Format(0, hangingIndent, options.LineWidth - suffix.Length) + suffix;
        if (typeImplied)
            return text;
        var dtype = $"dtype={typeName})";
        var lastLineLength = text.Length - (text.LastIndexOf('\n') + 1);
        var spacer = lastLineLength + dtype.Length + 1 > options.LineWidth ? "\n" + new string(' ', Prefix.Length) : " ";
        return text + spacer + dtype;
    }

    /// <summary>The row-major positions that will be printed, in printing order: all of them, or each dimension's edges when summarising.</summary>
    static void CollectShown(nint[] lengths, int axis, int offset, bool summarise, int edgeItems, List<int> shown)
    {
        if (axis == lengths.Length)
        {
            shown.Add(offset);
            return;
        }
        var length = (int)lengths[axis];
        var stride = TensorLayout.Product(lengths, axis + 1, lengths.Length);
        var cut = summarise && 2 * edgeItems < length;
        for (var i = 0; i < length; i++)
        {
            if (cut && i == edgeItems)
                i = length - edgeItems;
            CollectShown(lengths, axis + 1, offset + i * stride, summarise, edgeItems, shown);
        }
    }

    static (string Name, bool Implied) NumPyTypeName<T>() => typeof(T) switch
    {
        var t when t == typeof(double) => ("float64", true),
        var t when t == typeof(long) => ("int64", true),
        var t when t == typeof(bool) => ("bool", true),
        var t when t == typeof(float) => ("float32", false),
        var t when t == typeof(Half) => ("float16", false),
        var t when t == typeof(int) => ("int32", false),
        var t when t == typeof(short) => ("int16", false),
        var t when t == typeof(sbyte) => ("int8", false),
        var t when t == typeof(ulong) => ("uint64", false),
        var t when t == typeof(uint) => ("uint32", false),
        var t when t == typeof(ushort) => ("uint16", false),
        var t when t == typeof(byte) => ("uint8", false),
        var t => (t.Name.ToLowerInvariant(), false),
    };

    /// <summary>A port of NumPy's <c>_formatArray</c>: consumes the formatted elements in order while nesting brackets.</summary>
    sealed class Layout(nint[] lengths, string[] texts, bool summarise, int edgeItems)
    {
        int _next;

        public string Format(int axis, string hangingIndent, int width)
        {
            if (axis == lengths.Length)
                return texts[_next++];
            var nextIndent = hangingIndent + " ";
            var nextWidth = width - 1;
            var length = (int)lengths[axis];
            var cut = summarise && 2 * edgeItems < length;
            var leading = cut ? edgeItems : 0;
            var trailing = cut ? edgeItems : length;
            var axesLeft = lengths.Length - axis;
            var text = new StringBuilder();

            if (axesLeft == 1)
            {
                var elementWidth = width - 1;
                var line = hangingIndent;
                for (var i = 0; i < leading; i++)
                {
                    line = Extend(text, line, Format(axis + 1, nextIndent, nextWidth), elementWidth, hangingIndent) + Separator;
                }
                if (cut)
                    line = Extend(text, line, "...", elementWidth, hangingIndent) + Separator;
                for (var i = trailing; i > 1; i--)
                    line = Extend(text, line, Format(axis + 1, nextIndent, nextWidth), elementWidth, hangingIndent) + Separator;
                line = Extend(text, line, Format(axis + 1, nextIndent, nextWidth), elementWidth, hangingIndent);
                text.Append(line);
            }
            else
            {
                var lineSeparator = "," + new string('\n', axesLeft - 1);
                for (var i = 0; i < leading; i++)
                    text.Append(hangingIndent).Append(Format(axis + 1, nextIndent, nextWidth)).Append(lineSeparator);
                if (cut)
                    text.Append(hangingIndent).Append("...").Append(lineSeparator);
                for (var i = trailing; i > 1; i--)
                    text.Append(hangingIndent).Append(Format(axis + 1, nextIndent, nextWidth)).Append(lineSeparator);
                text.Append(hangingIndent).Append(Format(axis + 1, nextIndent, nextWidth));
            }
            return "[" + text.ToString(hangingIndent.Length, text.Length - hangingIndent.Length) + "]";
        }

        /// <summary>Adds a word to the line, first moving to a new line when it would overflow (unless that cannot help).</summary>
        static string Extend(StringBuilder text, string line, string word, int width, string nextLinePrefix)
        {
            if (line.Length + word.Length > width && line.Length > nextLinePrefix.Length)
            {
                text.Append(line.TrimEnd()).Append('\n');
                line = nextLinePrefix;
            }
            return line + word;
        }
    }
}

using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Kiln.Data;

/// <summary>
/// JSON lines (one JSON object per line, as pandas' <c>read_json(lines=True)</c>) to and from a <see cref="Frame"/>.
/// Keys become columns in the order first seen; types are inferred over all rows: integers give int64 unless a
/// float appears (then float64), true/false give bool, ISO-8601 strings give datetime when every value parses
/// (see <see cref="JsonLinesOptions.InferDateTimes"/>), other strings give string, and a column whose values are of
/// different kinds keeps each value's text. <c>null</c> and absent keys are missing values.
/// </summary>
public static class JsonLines
{
    public static Frame Read(string path, JsonLinesOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException(Directory.Exists(path) ? $"{path} is a folder, not a JSON lines file" : $"{path}: no such file", path);
        return Parse(File.ReadAllBytes(path), path, options ?? JsonLinesOptions.Default, cancellationToken);
    }

    /// <summary>Reads JSON lines held in a string; <paramref name="source"/> names it in error messages.</summary>
    public static Frame ReadText(string text, JsonLinesOptions? options = null, string source = "<text>") =>
        Parse(Encoding.UTF8.GetBytes(text), source, options ?? JsonLinesOptions.Default, CancellationToken.None);

    /// <summary>Writes one object per row; missing values are written as <c>null</c>. The file is replaced atomically.</summary>
    public static void Write(Frame frame, string path, CancellationToken cancellationToken = default) =>
        AtomicFile.Write(path, stream => WriteTo(frame, stream, cancellationToken));

    public static string WriteText(Frame frame)
    {
        using var memory = new MemoryStream();
        WriteTo(frame, memory, CancellationToken.None);
        return Encoding.UTF8.GetString(memory.GetBuffer(), 0, (int)memory.Length);
    }

    static Frame Parse(ReadOnlySpan<byte> bytes, string source, JsonLinesOptions options, CancellationToken cancellationToken)
    {
        if (bytes.StartsWith("\xEF\xBB\xBF"u8)) bytes = bytes[3..];
        var columns = new List<JsonColumnBuilder>();
        var byName = new Dictionary<string, JsonColumnBuilder>(StringComparer.Ordinal);
        var rows = 0;
        var line = 0;
        while (!bytes.IsEmpty)
        {
            line++;
            if ((line & 4095) == 0) cancellationToken.ThrowIfCancellationRequested();
            var end = bytes.IndexOf((byte)'\n');
            var text = end < 0 ? bytes : bytes[..end];
            bytes = end < 0 ? [] : bytes[(end + 1)..];
            if (text.Trim(" \t\r"u8).IsEmpty) continue;
            try
            {
                ReadRow(text, rows, columns, byName);
            }
            catch (JsonException error)
            {
                var column = error.BytePositionInLine is { } position ? $" at character {position + 1}" : "";
                throw new DataFormatException(source, line, null, $"malformed JSON{column}: {FirstSentence(error.Message)}");
            }
            catch (InvalidDataException error)
            {
                throw new DataFormatException(source, line, null, error.Message);
            }
            rows++;
            foreach (var builder in columns)
                if (builder.Count < rows) builder.AddMissing();
        }
        return new Frame(columns.Select(c => c.Build(options)));
    }

    static void ReadRow(ReadOnlySpan<byte> text, int row, List<JsonColumnBuilder> columns, Dictionary<string, JsonColumnBuilder> byName)
    {
        var reader = new Utf8JsonReader(text, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            throw new InvalidDataException($"expected a JSON object, found {Describe(reader.TokenType)}");
        var position = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var column = FindColumn(ref reader, position++, row, columns, byName);
            if (column.Count > row) column.RemoveLast();
            reader.Read();
            ReadValue(ref reader, column);
        }
        // Reading on to the end makes the reader reject anything after the object.
        while (reader.Read()) { }
    }

    static JsonColumnBuilder FindColumn(ref Utf8JsonReader reader, int position, int row,
        List<JsonColumnBuilder> columns, Dictionary<string, JsonColumnBuilder> byName)
    {
        // Rows usually repeat the keys in the same order, so try the column at this position before allocating the name.
        if (position < columns.Count && reader.ValueTextEquals(columns[position].NameUtf8)) return columns[position];
        var name = reader.GetString()!;
        if (name.Length == 0) throw new InvalidDataException("an empty key cannot name a column");
        if (!byName.TryGetValue(name, out var column))
        {
            column = new JsonColumnBuilder(name, row);
            byName.Add(name, column);
            columns.Add(column);
        }
        return column;
    }

    static void ReadValue(ref Utf8JsonReader reader, JsonColumnBuilder column)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                column.AddMissing();
                break;
            case JsonTokenType.True or JsonTokenType.False:
                column.AddBool(reader.GetBoolean());
                break;
            case JsonTokenType.Number:
                if (reader.TryGetInt64(out var integer)) column.AddInteger(integer);
                else column.AddFloat(reader.GetDouble());
                break;
            case JsonTokenType.String:
                DateTime? date = column.WantsDates && reader.TryGetDateTime(out var parsed) ? Naive(parsed) : null;
                column.AddString(reader.GetString()!, date);
                break;
            default:
                using (var nested = JsonDocument.ParseValue(ref reader))
                    column.AddNested(nested.RootElement.GetRawText());
                break;
        }
    }

    // A datetime column holds plain timestamps: values with an offset are brought to UTC.
    static DateTime Naive(DateTime value) =>
        DateTime.SpecifyKind(value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value, DateTimeKind.Unspecified);

    static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => "nothing",
    };

    static string FirstSentence(string message)
    {
        // System.Text.Json appends its own "LineNumber: 0 | BytePositionInLine: 7." which counts from 0 and misleads.
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut < 0 ? message : message[..cut]).TrimEnd();
    }

    static void WriteTo(Frame frame, Stream stream, CancellationToken cancellationToken)
    {
        var names = frame.Columns.Select(c => JsonEncodedText.Encode(c.Name, JavaScriptEncoder.UnsafeRelaxedJsonEscaping)).ToArray();
        var buffer = new ArrayBufferWriter<byte>(1 << 16);
        var options = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using var writer = new Utf8JsonWriter(buffer, options);
        for (var row = 0; row < frame.RowCount; row++)
        {
            if ((row & 4095) == 0) cancellationToken.ThrowIfCancellationRequested();
            writer.WriteStartObject();
            for (var c = 0; c < names.Length; c++)
            {
                writer.WritePropertyName(names[c]);
                WriteValue(writer, frame[c], row);
            }
            writer.WriteEndObject();
            writer.Flush();
            buffer.Write("\n"u8);
            if (buffer.WrittenCount > 1 << 20)
            {
                stream.Write(buffer.WrittenSpan);
                buffer.ResetWrittenCount();
            }
            // Each line is its own JSON document, so the writer starts afresh.
            writer.Reset(buffer);
        }
        stream.Write(buffer.WrittenSpan);
    }

    static void WriteValue(Utf8JsonWriter writer, Column column, int row)
    {
        if (column.IsMissing(row))
        {
            writer.WriteNullValue();
            return;
        }
        switch (column)
        {
            case Float64Column floats:
                WriteFloat(writer, floats[row], column.Name, row);
                break;
            case Int64Column integers:
                writer.WriteNumberValue(integers[row]);
                break;
            case BoolColumn bools:
                writer.WriteBooleanValue(bools[row]);
                break;
            case DateTimeColumn dates:
                var value = dates[row];
                writer.WriteStringValue(value.ToString(value.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-ddTHH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));
                break;
            case StringColumn strings:
                writer.WriteStringValue(strings[row]);
                break;
            default:
                throw new NotSupportedException($"column '{column.Name}' has type {column.Type.Name()}, which JSON lines cannot hold");
        }
    }

    static void WriteFloat(Utf8JsonWriter writer, double value, string column, int row)
    {
        if (double.IsInfinity(value))
            throw new ArgumentException($"column '{column}', row {row}: {value.ToString(CultureInfo.InvariantCulture)} has no JSON form", nameof(value));
        Span<byte> text = stackalloc byte[32];
        value.TryFormat(text, out var length, "R", CultureInfo.InvariantCulture);
        // A whole float keeps its ".0" so that reading the file back gives float64, not int64.
        if (text[..length].IndexOfAny(".Ee"u8) < 0)
        {
            ".0"u8.CopyTo(text[length..]);
            length += 2;
        }
        writer.WriteRawValue(text[..length], skipInputValidation: true);
    }
}

using System.Globalization;
using System.Text.Json;
using Kiln.Data;
using Kiln.Learn;

namespace Kiln.Serving;

/// <summary>
/// Reads request rows written as JSON — an array of objects or one object, each field named as the model's input
/// schema names it — straight into a frame typed by the schema. A missing, unknown or mistyped field is an
/// <see cref="InvalidInputException"/> naming the row and field; <c>null</c> is a missing value.
/// </summary>
public static class JsonRows
{
    public static Frame Read(ReadOnlySpan<byte> json, InputSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var columns = schema.Columns;
        var builders = new ColumnBuilder[columns.Count];
        for (var i = 0; i < builders.Length; i++) builders[i] = ColumnBuilder.For(columns[i]);
        var seen = new bool[columns.Count];
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            if (!reader.Read()) throw new InvalidInputException("the body is empty: send a JSON object, or an array of them, with the model's input fields");
            var rows = 0;
            if (reader.TokenType == JsonTokenType.StartArray)
            {
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    ReadRow(ref reader, columns, builders, seen, rows++);
            }
            else ReadRow(ref reader, columns, builders, seen, rows++);
            if (reader.Read()) throw new InvalidInputException("the body holds more than one JSON value: send one object or one array of objects");
            if (rows == 0) throw new InvalidInputException("the body is an empty array: send at least one row");
        }
        catch (JsonException e)
        {
            throw new InvalidInputException($"the body is not valid JSON: {e.Message}");
        }
        var built = new Column[builders.Length];
        for (var i = 0; i < built.Length; i++) built[i] = builders[i].Build();
        return new Frame(built);
    }

    static void ReadRow(ref Utf8JsonReader reader, IReadOnlyList<InputColumn> columns, ColumnBuilder[] builders, bool[] seen, int row)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new InvalidInputException($"row {row} is {Describe(reader.TokenType)}, not an object of input fields", row);
        Array.Clear(seen);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var index = IndexOf(ref reader, columns);
            if (index < 0)
            {
                var name = reader.GetString();
                throw new InvalidInputException(
                    $"row {row}: unknown field '{name}'; the model takes {string.Join(", ", columns.Select(c => $"'{c.Name}'"))}", row, name);
            }
            var column = columns[index];
            if (seen[index]) throw new InvalidInputException($"row {row}: field '{column.Name}' is given twice", row, column.Name);
            seen[index] = true;
            reader.Read();
            if (!builders[index].TryAdd(ref reader))
                throw new InvalidInputException(
                    $"row {row}: field '{column.Name}' is {Describe(reader.TokenType)} but the model takes {column.Type.Name()}", row, column.Name);
        }
        for (var i = 0; i < seen.Length; i++)
            if (!seen[i]) throw new InvalidInputException($"row {row}: field '{columns[i].Name}' ({columns[i].Type.Name()}) is missing", row, columns[i].Name);
    }

    static int IndexOf(ref Utf8JsonReader reader, IReadOnlyList<InputColumn> columns)
    {
        for (var i = 0; i < columns.Count; i++)
            if (reader.ValueTextEquals(columns[i].Name)) return i;
        return -1;
    }

    static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.String => "text",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    /// <summary>Collects one column's values as the schema types it.</summary>
    abstract class ColumnBuilder(string name)
    {
        protected string Name { get; } = name;

        public static ColumnBuilder For(InputColumn column) => column.Type switch
        {
            DataType.Float64 => new Float64Builder(column.Name),
            DataType.Int64 => new Int64Builder(column.Name),
            DataType.Bool => new BoolBuilder(column.Name),
            DataType.String => new StringBuilder(column.Name),
            DataType.DateTime => new DateTimeBuilder(column.Name),
            _ => throw new ArgumentOutOfRangeException(nameof(column), column.Type, null),
        };

        /// <summary>Adds the current value; false when its JSON type does not fit the column.</summary>
        public abstract bool TryAdd(ref Utf8JsonReader reader);

        public abstract Column Build();
    }

    sealed class Float64Builder(string name) : ColumnBuilder(name)
    {
        readonly List<double> _values = [];

        public override bool TryAdd(ref Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.Number: _values.Add(reader.GetDouble()); return true;
                case JsonTokenType.Null: _values.Add(double.NaN); return true;
                default: return false;
            }
        }

        public override Column Build() => new Float64Column(Name, [.. _values]);
    }

    sealed class Int64Builder(string name) : ColumnBuilder(name)
    {
        readonly List<long> _values = [];
        readonly List<bool> _missing = [];

        public override bool TryAdd(ref Utf8JsonReader reader)
        {
            if (reader.TokenType == JsonTokenType.Null) return Add(0, missing: true);
            return reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value) && Add(value, missing: false);
        }

        bool Add(long value, bool missing)
        {
            _values.Add(value);
            _missing.Add(missing);
            return true;
        }

        public override Column Build() => new Int64Column(Name, [.. _values], _missing.Contains(true) ? [.. _missing] : null);
    }

    sealed class BoolBuilder(string name) : ColumnBuilder(name)
    {
        readonly List<bool> _values = [];
        readonly List<bool> _missing = [];

        public override bool TryAdd(ref Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.True or JsonTokenType.False: _values.Add(reader.GetBoolean()); _missing.Add(false); return true;
                case JsonTokenType.Null: _values.Add(false); _missing.Add(true); return true;
                default: return false;
            }
        }

        public override Column Build() => new BoolColumn(Name, [.. _values], _missing.Contains(true) ? [.. _missing] : null);
    }

    sealed class StringBuilder(string name) : ColumnBuilder(name)
    {
        readonly List<string?> _values = [];

        public override bool TryAdd(ref Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String: _values.Add(reader.GetString()); return true;
                case JsonTokenType.Null: _values.Add(null); return true;
                default: return false;
            }
        }

        public override Column Build() => new StringColumn(Name, _values);
    }

    sealed class DateTimeBuilder(string name) : ColumnBuilder(name)
    {
        readonly List<DateTime> _values = [];
        readonly List<bool> _missing = [];

        public override bool TryAdd(ref Utf8JsonReader reader)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                _values.Add(default);
                _missing.Add(true);
                return true;
            }
            if (reader.TokenType != JsonTokenType.String
                || !DateTime.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value))
                return false;
            _values.Add(value);
            _missing.Add(false);
            return true;
        }

        public override Column Build() => new DateTimeColumn(Name, [.. _values], _missing.Contains(true) ? [.. _missing] : null);
    }
}

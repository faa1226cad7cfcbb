namespace Kiln.Data;

/// <summary>The type of the values in a <see cref="Column"/>.</summary>
public enum DataType
{
    Float64,
    Int64,
    Bool,
    /// <summary>Text, stored dictionary-encoded, so it doubles as a categorical type.</summary>
    String,
    DateTime,
}

public static class DataTypeNames
{
    /// <summary>The name users see and type (<c>float64</c>, <c>int64</c>, <c>bool</c>, <c>string</c>, <c>datetime</c>).</summary>
    public static string Name(this DataType type) => type switch
    {
        DataType.Float64 => "float64",
        DataType.Int64 => "int64",
        DataType.Bool => "bool",
        DataType.String => "string",
        DataType.DateTime => "datetime",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static bool IsNumeric(this DataType type) => type is DataType.Float64 or DataType.Int64 or DataType.Bool;

    /// <summary>A number proper, float64 or int64: what describe summarises numerically and what may meet in joins and concat.</summary>
    public static bool IsNumber(this DataType type) => type is DataType.Float64 or DataType.Int64;

    /// <summary>Parses a type name as a user writes it in a schema override (<c>Age:float64</c>).</summary>
    public static DataType Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "float64" or "float" or "double" or "number" => DataType.Float64,
        "int64" or "int" or "integer" or "long" => DataType.Int64,
        "bool" or "boolean" => DataType.Bool,
        "string" or "str" or "text" or "category" or "categorical" => DataType.String,
        "datetime" or "date" or "timestamp" => DataType.DateTime,
        _ => throw new ArgumentException(
            $"unknown type '{name}': expected float64, int64, bool, string or datetime", nameof(name)),
    };
}

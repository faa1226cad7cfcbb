using System.Text.Json.Serialization;

namespace Kiln.Data;

/// <summary>One line of <see cref="Frame.Info"/>: a column's name, type, how many values are present and the bytes it holds.</summary>
public sealed record ColumnInfo(string Name, [property: JsonIgnore] DataType Type, int NonNullCount, long MemoryBytes)
{
    /// <summary>The type as users write it (<c>float64</c>, <c>string</c> …); this is what JSON carries.</summary>
    [JsonPropertyName("type")]
    public string TypeName => Type.Name();
}

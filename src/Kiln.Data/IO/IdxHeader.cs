namespace Kiln.Data;

/// <summary>The header of an IDX file: element type and the size of each dimension (10000, 28, 28 for MNIST images).</summary>
public sealed record IdxHeader(IdxDataType DataType, IReadOnlyList<int> Dimensions)
{
    /// <summary>Bytes taken by the magic number and the dimension sizes.</summary>
    public int HeaderBytes => 4 + 4 * Dimensions.Count;

    public long ElementCount => Dimensions.Aggregate(1L, (product, size) => product * size);

    public int ElementBytes => DataType switch
    {
        IdxDataType.UnsignedByte or IdxDataType.SignedByte => 1,
        IdxDataType.Int16 => 2,
        IdxDataType.Int32 or IdxDataType.Float32 => 4,
        _ => 8,
    };

    public string TypeName => DataType switch
    {
        IdxDataType.UnsignedByte => "ubyte",
        IdxDataType.SignedByte => "sbyte",
        IdxDataType.Int16 => "int16",
        IdxDataType.Int32 => "int32",
        IdxDataType.Float32 => "float32",
        _ => "float64",
    };

    /// <summary>The shape and type as people write it: <c>10000×28×28 ubyte</c>.</summary>
    public override string ToString() => $"{string.Join('×', Dimensions)} {TypeName}";
}

namespace Kiln.Data;

/// <summary>The element type of an IDX file, as its third magic byte gives it.</summary>
public enum IdxDataType : byte
{
    UnsignedByte = 0x08,
    SignedByte = 0x09,
    Int16 = 0x0B,
    Int32 = 0x0C,
    Float32 = 0x0D,
    Float64 = 0x0E,
}

namespace Kiln.Data;

public sealed partial class Int64Column(string name, long[] values, bool[]? missing = null)
    : ValueColumn<long>(name, values, missing)
{
    public override DataType Type => DataType.Int64;
    protected override Column Create(string name, long[] values, bool[]? missing) => new Int64Column(name, values, missing);
}

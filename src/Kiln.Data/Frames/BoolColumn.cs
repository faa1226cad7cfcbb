namespace Kiln.Data;

public sealed partial class BoolColumn(string name, bool[] values, bool[]? missing = null)
    : ValueColumn<bool>(name, values, missing)
{
    public override DataType Type => DataType.Bool;
    protected override Column Create(string name, bool[] values, bool[]? missing) => new BoolColumn(name, values, missing);
    public override string Format(int row) => IsMissing(row) ? "<NA>" : this[row] ? "True" : "False";
}

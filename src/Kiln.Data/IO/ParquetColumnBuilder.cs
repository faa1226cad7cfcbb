using Parquet;
using Parquet.Schema;

namespace Kiln.Data;

/// <summary>Gathers one Parquet column across row groups into the array behind a frame column.</summary>
abstract class ParquetColumnBuilder(DataField field)
{
    protected DataField Field { get; } = field;

    public abstract Task ReadAsync(ParquetRowGroupReader group, int offset, int rows, CancellationToken cancellationToken);

    public abstract Column Build();

    public static ParquetColumnBuilder For(DataField field, int rows, string path)
    {
        var type = Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
        if (type == typeof(double)) return new Values<double, double>(field, rows, v => v, (n, v, m) => Floats(n, v, m));
        if (type == typeof(float)) return new Values<float, double>(field, rows, v => v, (n, v, m) => Floats(n, v, m));
        if (type == typeof(long)) return Integers<long>(field, rows, v => v);
        if (type == typeof(int)) return Integers<int>(field, rows, v => v);
        if (type == typeof(short)) return Integers<short>(field, rows, v => v);
        if (type == typeof(sbyte)) return Integers<sbyte>(field, rows, v => v);
        if (type == typeof(byte)) return Integers<byte>(field, rows, v => v);
        if (type == typeof(ushort)) return Integers<ushort>(field, rows, v => v);
        if (type == typeof(uint)) return Integers<uint>(field, rows, v => v);
        if (type == typeof(bool)) return new Values<bool, bool>(field, rows, v => v, (n, v, m) => new BoolColumn(n, v, m));
        if (type == typeof(DateTime)) return Dates<DateTime>(field, rows, v => v);
        if (type == typeof(DateTimeOffset)) return Dates<DateTimeOffset>(field, rows, v => v.UtcDateTime);
        if (type == typeof(DateOnly)) return Dates<DateOnly>(field, rows, v => v.ToDateTime(TimeOnly.MinValue));
        if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>)) return new Strings(field, rows);
        throw new DataFormatException(path, null, field.Name, $"Parquet values of type {type.Name} have no frame column type");
    }

    static Values<T, long> Integers<T>(DataField field, int rows, Func<T, long> widen) where T : struct =>
        new(field, rows, widen, (n, v, m) => new Int64Column(n, v, m));

    static Values<T, DateTime> Dates<T>(DataField field, int rows, Func<T, DateTime> convert) where T : struct =>
        new(field, rows, convert, (n, v, m) => new DateTimeColumn(n, v, m));

    static Float64Column Floats(string name, double[] values, bool[] missing)
    {
        for (var i = 0; i < values.Length; i++)
            if (missing[i]) values[i] = double.NaN;
        return new Float64Column(name, values);
    }

    sealed class Values<TFile, TColumn>(DataField field, int rows, Func<TFile, TColumn> convert, Func<string, TColumn[], bool[], Column> create)
        : ParquetColumnBuilder(field)
        where TFile : struct
        where TColumn : unmanaged
    {
        readonly TColumn[] _values = new TColumn[rows];
        readonly bool[] _missing = new bool[rows];

        public override async Task ReadAsync(ParquetRowGroupReader group, int offset, int rows, CancellationToken cancellationToken)
        {
            if (Field.IsNullable)
            {
                var read = new TFile?[rows];
                await group.ReadAsync<TFile>(Field, read.AsMemory(), null, cancellationToken);
                for (var i = 0; i < rows; i++)
                {
                    if (read[i] is { } value) _values[offset + i] = convert(value);
                    else _missing[offset + i] = true;
                }
            }
            else
            {
                var read = new TFile[rows];
                await group.ReadAsync<TFile>(Field, read.AsMemory(), null, cancellationToken);
                for (var i = 0; i < rows; i++) _values[offset + i] = convert(read[i]);
            }
        }

        public override Column Build() => create(Field.Name, _values, _missing);
    }

    sealed class Strings(DataField field, int rows) : ParquetColumnBuilder(field)
    {
        readonly string?[] _values = new string?[rows];

        public override async Task ReadAsync(ParquetRowGroupReader group, int offset, int rows, CancellationToken cancellationToken) =>
            await group.ReadAsync(Field, _values.AsMemory(offset, rows)!, null, cancellationToken);

        public override Column Build() => new StringColumn(Field.Name, _values);
    }
}

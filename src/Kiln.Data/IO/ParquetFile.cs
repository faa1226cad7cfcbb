using Parquet;
using Parquet.Schema;

namespace Kiln.Data;

/// <summary>
/// Reads and writes <see cref="Frame"/>s as Apache Parquet (through Parquet.Net). Every column type round-trips with
/// its missing values: float64 (NaN is written as null), int64, bool, string and datetime (stored as a microsecond
/// timestamp, so ticks finer than a microsecond are dropped). Reading takes every row group; other writers' int32,
/// int16, float, date and timestamp columns widen to int64, float64 and datetime. Writing is atomic.
/// </summary>
public static class ParquetFile
{
    /// <summary>Rows per row group when writing, unless told otherwise; readers can skip whole groups by statistics.</summary>
    public const int DefaultRowGroupRows = 1 << 20;

    static readonly byte[] Magic = "PAR1"u8.ToArray();

    public static Frame Read(string path, CancellationToken cancellationToken = default) =>
        ReadAsync(path, cancellationToken).GetAwaiter().GetResult();

    public static async Task<Frame> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException(Directory.Exists(path) ? $"{path} is a folder, not a Parquet file" : $"{path}: no such file", path);
        CheckMagic(path);
        try
        {
            await using var reader = await ParquetReader.CreateAsync(path, null, cancellationToken);
            var fields = reader.Schema.DataFields;
            var nested = reader.Schema.Fields.Where(f => f is not DataField || ((DataField)f).IsArray).Select(f => f.Name).ToArray();
            if (nested.Length > 0)
                throw new DataFormatException(path, null, nested[0], "nested and list columns cannot be read into a frame; flatten them first");
            var total = reader.RowGroups.Sum(g => g.RowCount);
            if (total > Array.MaxLength)
                throw new DataFormatException(path, null, null, $"{total} rows are more than one frame can hold");
            var columns = fields.Select(f => ParquetColumnBuilder.For(f, (int)total, path)).ToArray();
            var offset = 0;
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                var rows = (int)group.RowCount;
                foreach (var column in columns)
                    await column.ReadAsync(group, offset, rows, cancellationToken);
                offset += rows;
            }
            return new Frame(columns.Select(c => c.Build()));
        }
        catch (Exception error) when (error is not (DataFormatException or OperationCanceledException or FileNotFoundException or UnauthorizedAccessException))
        {
            throw new DataFormatException(path, null, null, $"damaged or unsupported Parquet file: {error.Message}");
        }
    }

    /// <summary>Writes the frame as one Parquet file, replacing <paramref name="path"/> atomically.</summary>
    public static void Write(Frame frame, string path, int rowGroupRows = DefaultRowGroupRows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.ColumnCount == 0) throw new ArgumentException("a Parquet file needs at least one column", nameof(frame));
        ArgumentOutOfRangeException.ThrowIfLessThan(rowGroupRows, 1);
        AtomicFile.Write(path, stream => WriteAsync(frame, stream, rowGroupRows, cancellationToken).GetAwaiter().GetResult());
    }

    static async Task WriteAsync(Frame frame, Stream stream, int rowGroupRows, CancellationToken cancellationToken)
    {
        var fields = frame.Columns.Select(FieldFor).ToArray();
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream, null, false, cancellationToken);
        // A frame with no rows still gets one (empty) row group, so readers see the schema and zero rows.
        for (var start = 0; start < frame.RowCount || start == 0; start += rowGroupRows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(rowGroupRows, frame.RowCount - start);
            using var group = writer.CreateRowGroup();
            for (var c = 0; c < fields.Length; c++)
                await WriteColumnAsync(group, fields[c], frame[c], start, count, cancellationToken);
        }
    }

    static DataField FieldFor(Column column) => column switch
    {
        Float64Column => new DataField<double?>(column.Name),
        Int64Column => new DataField<long?>(column.Name),
        BoolColumn => new DataField<bool?>(column.Name),
        StringColumn => new DataField<string>(column.Name, nullable: true),
        DateTimeColumn => new DateTimeDataField(column.Name, DateTimeFormat.Timestamp, isAdjustedToUTC: false, unit: DateTimeTimeUnit.Micros, isNullable: true),
        _ => throw new NotSupportedException($"column '{column.Name}' has type {column.Type.Name()}, which Parquet output does not cover"),
    };

    static async Task WriteColumnAsync(ParquetRowGroupWriter group, DataField field, Column column, int start, int count, CancellationToken cancellationToken)
    {
        switch (column)
        {
            case Float64Column floats:
                var doubles = new double?[count];
                for (var i = 0; i < count; i++)
                    doubles[i] = double.IsNaN(floats[start + i]) ? null : floats[start + i];
                await group.WriteAsync<double>(field, doubles.AsMemory(), null, null, cancellationToken);
                break;
            case Int64Column longs:
                await group.WriteAsync<long>(field, Nullable(longs, start, count), null, null, cancellationToken);
                break;
            case BoolColumn bools:
                await group.WriteAsync<bool>(field, Nullable(bools, start, count), null, null, cancellationToken);
                break;
            case DateTimeColumn dates:
                await group.WriteAsync<DateTime>(field, Nullable(dates, start, count), null, null, cancellationToken);
                break;
            case StringColumn strings:
                var texts = new string?[count];
                for (var i = 0; i < count; i++) texts[i] = strings[start + i];
                await group.WriteAsync(field, texts!, null);
                break;
        }
    }

    static T?[] Nullable<T>(ValueColumn<T> column, int start, int count) where T : unmanaged
    {
        var values = new T?[count];
        for (var i = 0; i < count; i++)
            values[i] = column.IsMissing(start + i) ? null : column[start + i];
        return values;
    }

    static void CheckMagic(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        Span<byte> head = stackalloc byte[4];
        Span<byte> tail = stackalloc byte[4];
        var ok = file.Length >= 12 && file.ReadAtLeast(head, 4, throwOnEndOfStream: false) == 4;
        if (ok)
        {
            file.Seek(-4, SeekOrigin.End);
            ok = file.ReadAtLeast(tail, 4, throwOnEndOfStream: false) == 4 && head.SequenceEqual(Magic) && tail.SequenceEqual(Magic);
        }
        if (!ok)
            throw new DataFormatException(path, null, null,
                $"not a Parquet file: a Parquet file starts and ends with the bytes 'PAR1' (this one has {file.Length} bytes)");
    }
}

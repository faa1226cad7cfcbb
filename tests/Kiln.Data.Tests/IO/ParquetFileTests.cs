using Kiln.Testing;
using Parquet;
using Parquet.Schema;

namespace Kiln.Data.Tests.IO;

public class ParquetFileTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Every_column_type_round_trips_with_missing_values()
    {
        var frame = SampleFrames.AllTypes();
        using var folder = new TemporaryFolder();
        var path = folder.File("all.parquet");
        ParquetFile.Write(frame, path, cancellationToken: Ct);
        SampleFrames.AssertSame(frame, ParquetFile.Read(path, Ct));
    }

    [Fact]
    public void Every_row_group_is_read()
    {
        var ids = Enumerable.Range(0, 2500).Select(i => (long)i).ToArray();
        var frame = new Frame(new Int64Column("id", ids), new StringColumn("group", ids.Select(i => i % 3 == 0 ? null : $"g{i % 7}").ToArray()));
        using var folder = new TemporaryFolder();
        var path = folder.File("groups.parquet");
        ParquetFile.Write(frame, path, rowGroupRows: 1000, cancellationToken: Ct);

        var read = ParquetFile.Read(path, Ct);
        Assert.Equal(2500, read.RowCount);
        Assert.Equal(ids, read.Column<Int64Column>("id").Values.ToArray());
        Assert.Equal("g6", read.Column<StringColumn>("group")[2498]);
        Assert.True(read["group"].IsMissing(2499 - 2499 % 3));
    }

    [Fact]
    public async Task Narrower_types_from_other_writers_widen_to_frame_types()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("narrow.parquet");
        var small = new DataField<int>("small");
        var ratio = new DataField<float?>("ratio");
        await using (var stream = File.Create(path))
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(small, ratio), stream, cancellationToken: Ct))
        using (var group = writer.CreateRowGroup())
        {
            await group.WriteAsync<int>(small, new[] { 7, -2 }.AsMemory(), cancellationToken: Ct);
            await group.WriteAsync<float>(ratio, new float?[] { 0.5f, null }.AsMemory(), cancellationToken: Ct);
        }

        var frame = ParquetFile.Read(path, Ct);
        Assert.Equal([7L, -2L], frame.Column<Int64Column>("small").Values.ToArray());
        Assert.Equal(0.5, frame.Column<Float64Column>("ratio")[0]);
        Assert.True(frame["ratio"].IsMissing(1));
    }

    [Fact]
    public void A_file_that_is_not_parquet_is_rejected_by_name()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("data.parquet");
        File.WriteAllText(path, "a,b\n1,2\n");
        var error = Assert.Throws<DataFormatException>(() => ParquetFile.Read(path, Ct));
        Assert.StartsWith(path, error.Message);
        Assert.Contains("not a Parquet file", error.Message);
    }

    [Fact]
    public void A_frame_with_no_rows_keeps_its_schema()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("empty.parquet");
        ParquetFile.Write(new Frame(new Float64Column("x", []), new StringColumn("s", Array.Empty<string?>())), path, cancellationToken: Ct);
        var read = ParquetFile.Read(path, Ct);
        Assert.Equal((0, 2), read.Shape);
        Assert.Equal(DataType.String, read["s"].Type);
    }
}

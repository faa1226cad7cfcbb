using Kiln.Testing;

namespace Kiln.Data.Tests.IO;

/// <summary>The reader streams files in blocks; these read with tiny blocks so that rows, quotes and types cross block boundaries.</summary>
public class CsvBlockTests
{
    static Frame ReadInBlocks(string text, int blockSize, CsvOptions? options = null, string source = "<text>") =>
        CsvReader.ReadText(text, options ?? CsvOptions.Default, source, blockSize);

    static void AssertSame(Frame expected, Frame actual)
    {
        Assert.Equal(expected.ColumnNames, actual.ColumnNames);
        Assert.Equal(expected.Columns.Select(c => c.Type), actual.Columns.Select(c => c.Type));
        Assert.Equal(expected.RowCount, actual.RowCount);
        foreach (var (want, got) in expected.Columns.Zip(actual.Columns))
            for (var i = 0; i < want.Length; i++) Assert.Equal(want.Format(i), got.Format(i));
    }

    [Fact]
    public void Without_quoting_any_block_size_reads_the_same_frame()
    {
        const string text = "ham\t\"Wen u miss\" gdeve..\nspam\tsays \"hi\nham\t\"\"\nham\tok\"\n";
        var options = new CsvOptions { Separator = '\t', Quote = null, HasHeader = false };
        var whole = CsvReader.ReadText(text, options);
        Assert.Equal(4, whole.RowCount);
        foreach (var blockSize in new[] { 1, 5, 16, 33 })
            AssertSame(whole, ReadInBlocks(text, blockSize, options));
    }

    [Fact]
    public void Any_block_size_reads_the_same_frame()
    {
        const string text = "id,price,ok,when,city,note\n" +
            "1,2.5,true,2024-01-31,Paris,\"a, b\"\n" +
            "2,,false,,Lyon,\"two\nlines\"\n" +
            ",3,TRUE,2024-02-01 10:30:00,,\"said \"\"hi\"\"\"\n" +
            "4,NaN,,2024-03-01,Nice,plain\n" +
            "5,1,true,2024-03-02,Nice,5\" tall\n";
        var whole = CsvReader.ReadText(text);
        foreach (var blockSize in new[] { 1, 7, 16, 33, 64 })
        {
            AssertSame(whole, ReadInBlocks(text, blockSize));
        }
        Assert.Equal("two\nlines", whole.Column<StringColumn>("note")[1]);
    }

    [Fact]
    public void Integers_become_floats_when_a_later_block_holds_a_fraction()
    {
        var frame = ReadInBlocks("x\n1\n\n2\nNA\n3\n4.5\n", blockSize: 4);
        Assert.Equal([1, 2, double.NaN, 3, 4.5], frame.Column<Float64Column>("x").Values.ToArray());
    }

    [Fact]
    public void A_column_that_turns_out_to_be_text_keeps_every_value_as_written()
    {
        var frame = ReadInBlocks("zip,n\n007,1\n1.50,2\nTRUE,3\n,4\nA1B,5\n", blockSize: 8);
        var zip = frame.Column<StringColumn>("zip");
        Assert.Equal(["007", "1.50", "TRUE", null, "A1B"], Enumerable.Range(0, 5).Select(i => zip.IsMissing(i) ? null : zip[i]));
        Assert.Equal(DataType.Int64, frame["n"].Type);
    }

    [Fact]
    public void Errors_in_later_blocks_name_their_line()
    {
        var ragged = Assert.Throws<DataFormatException>(() => ReadInBlocks("a,b\n1,2\n3,4\n\"x\ny\",5,6\n", 6, source: "r.csv"));
        Assert.Equal("r.csv:4: expected 2 fields, found 3", ragged.Message);

        var options = new CsvOptions { Types = new Dictionary<string, DataType> { ["n"] = DataType.Int64 } };
        var typed = Assert.Throws<DataFormatException>(() => ReadInBlocks("n\n1\n2\n3\n4\nfive\n", 4, options, "t.csv"));
        Assert.Equal("t.csv:6, column 'n': 'five' is not an int64", typed.Message);

        var unclosed = Assert.Throws<DataFormatException>(() => ReadInBlocks("a\n1\n2\n\"open\n3\n", 5, source: "q.csv"));
        Assert.Equal(4, unclosed.Line);
    }

    [Fact]
    public void A_row_longer_than_a_block_is_read_whole()
    {
        var wide = string.Join(',', Enumerable.Range(0, 50).Select(i => $"c{i}"));
        var values = string.Join(',', Enumerable.Range(0, 50));
        var frame = ReadInBlocks($"{wide}\n{values}\n{values}\n", blockSize: 16);
        Assert.Equal((2, 50), frame.Shape);
        Assert.Equal(49L, frame.Column<Int64Column>("c49")[1]);
    }

    [Fact]
    public void Max_rows_stops_reading_at_the_limit_in_any_block()
    {
        var frame = ReadInBlocks("a\n1\n2\n3\n4\n5\nnot a number\n", blockSize: 4, new CsvOptions { MaxRows = 3 });
        Assert.Equal([1L, 2L, 3L], frame.Column<Int64Column>("a").Values.ToArray());
    }

    [Fact]
    public void A_large_file_reads_in_blocks_the_same_as_in_one()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("large.csv");
        using (var writer = new StreamWriter(path))
        {
            writer.WriteLine("i,x,label");
            for (var i = 0; i < 20_000; i++) writer.WriteLine($"{i},{i * 0.25},{(i % 3 == 0 ? "\"a,\"\"b\"\"\"" : "c")}");
            writer.WriteLine("late,1e9,d");
        }
        var blocks = CsvReader.Read(path, CsvOptions.Default, CancellationToken.None, blockSize: 4096);
        var whole = CsvReader.Read(path, CsvOptions.Default, CancellationToken.None, blockSize: 1 << 24);
        AssertSame(whole, blocks);
        Assert.Equal(DataType.String, blocks["i"].Type);
        Assert.Equal("19999", blocks.Column<StringColumn>("i")[19_999]);
        Assert.Equal("a,\"b\"", blocks.Column<StringColumn>("label")[0]);
        Assert.Equal(1e9, blocks.Column<Float64Column>("x")[20_000]);
    }
}

using Kiln.Testing;

namespace Kiln.Data.Tests.IO;

public class FrameFileTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static readonly Frame People = new(new StringColumn("name", ["Ada", "Bob"]), new Int64Column("age", [36, 41]));

    [Fact]
    public void Csv_json_lines_and_parquet_files_read_to_the_same_frame()
    {
        using var folder = new TemporaryFolder();
        var csv = folder.WriteFile("people.csv", "name,age\nAda,36\nBob,41\n");
        var tsv = folder.WriteFile("people.tsv", "name\tage\nAda\t36\nBob\t41\n");
        var jsonl = folder.WriteFile("people.jsonl", "{\"name\": \"Ada\", \"age\": 36}\n{\"name\": \"Bob\", \"age\": 41}\n");
        var ndjson = folder.WriteFile("PEOPLE.NDJSON", File.ReadAllText(jsonl));
        var parquet = folder.File("people.parquet");
        ParquetFile.Write(People, parquet, cancellationToken: Ct);

        foreach (var path in new[] { csv, tsv, jsonl, ndjson, parquet })
            SampleFrames.AssertSame(People, FrameFile.Read(path, cancellationToken: Ct));
    }

    [Fact]
    public void Csv_options_given_are_used_instead_of_the_defaults()
    {
        using var folder = new TemporaryFolder();
        var path = folder.WriteFile("people.csv", "name;age\nAda;36\nBob;41\n");
        SampleFrames.AssertSame(People, FrameFile.Read(path, new CsvOptions { Separator = ';' }, Ct));
    }

    [Fact]
    public void A_binary_file_of_another_extension_is_refused_naming_it_and_the_known_formats()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("people.xlsx");
        File.WriteAllBytes(path, [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, .. "name,age\n"u8]);
        var error = Assert.Throws<ArgumentException>(() => FrameFile.Read(path, cancellationToken: Ct));
        Assert.Contains(path, error.Message);
        Assert.Contains("'.xlsx'", error.Message);
        Assert.Contains("not text", error.Message);
        Assert.Contains(".parquet", error.Message);
        Assert.Contains(".jsonl", error.Message);
    }

    [Fact]
    public void A_binary_file_without_an_extension_is_refused_even_when_its_nul_lies_after_text()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("program");
        File.WriteAllBytes(path, [.. Enumerable.Repeat((byte)'a', 5000), (byte)'\n', 0x00, (byte)'\n']);
        var error = Assert.Throws<ArgumentException>(() => FrameFile.Read(path, cancellationToken: Ct));
        Assert.Contains("without an extension is not text", error.Message);
    }

    [Fact]
    public void A_data_file_of_comma_separated_values_reads_as_csv_without_a_header()
    {
        using var folder = new TemporaryFolder();
        var path = folder.WriteFile("letters.data", "T,2,8,3\nI,5,12,3\nD,4,11,6\n");
        var frame = FrameFile.Read(path, cancellationToken: Ct);
        Assert.Equal(["column_1", "column_2", "column_3", "column_4"], frame.ColumnNames);
        Assert.Equal(3, frame.RowCount);
        Assert.Equal("D", frame.Column<StringColumn>("column_1")[2]);
        Assert.Equal(DataType.Int64, frame["column_4"].Type);
    }

    [Fact]
    public void A_tab_separated_file_without_an_extension_reads_with_the_separator_and_names_given()
    {
        using var folder = new TemporaryFolder();
        var path = folder.WriteFile("Messages", "ham\tOk lar, joking\nspam\tFree entry, text WIN\n");
        var frame = FrameFile.Read(path, new CsvOptions { Separator = '\t', Names = ["label", "text"] }, Ct);
        SampleFrames.AssertSame(new Frame(
            new StringColumn("label", ["ham", "spam"]),
            new StringColumn("text", ["Ok lar, joking", "Free entry, text WIN"])), frame);
    }

    [Fact]
    public void Names_that_do_not_match_a_data_files_columns_are_refused_with_both_counts()
    {
        using var folder = new TemporaryFolder();
        var path = folder.WriteFile("letters.data", "T,2,8\n");
        var error = Assert.Throws<ColumnNamesCountException>(() => FrameFile.Read(path, new CsvOptions { Names = ["a", "b", "c", "d"] }, Ct));
        Assert.Equal($"{path}: 4 column names are given but the file has 3 columns", error.Message);
    }

    [Fact]
    public void A_missing_file_of_another_extension_is_reported_missing()
    {
        using var folder = new TemporaryFolder();
        var error = Assert.Throws<FileNotFoundException>(() => FrameFile.Read(folder.File("gone.data"), cancellationToken: Ct));
        Assert.Contains("no such file", error.Message);
    }

    [Fact]
    public void Utf16_text_read_with_its_encoding_is_not_taken_for_binary()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("people.txt");
        File.WriteAllText(path, "name,age\nAda,36\nBob,41\n", System.Text.Encoding.Unicode);
        SampleFrames.AssertSame(People, FrameFile.Read(path, new CsvOptions { Encoding = System.Text.Encoding.Unicode }, Ct));
    }

    [Fact]
    public void Known_extensions_are_recognised_whatever_their_case()
    {
        Assert.True(FrameFile.IsKnown("train.CSV"));
        Assert.True(FrameFile.IsKnown("/data/train.parquet"));
        Assert.False(FrameFile.IsKnown("train.csv.gz"));
        Assert.False(FrameFile.IsKnown("train"));
        Assert.Equal('\t', FrameFile.DefaultSeparator("a.TSV"));
        Assert.Equal(',', FrameFile.DefaultSeparator("a.txt"));
        Assert.True(FrameFile.IsDelimitedText("letter-recognition.data"));
        Assert.True(FrameFile.IsDelimitedText("SMSSpamCollection"));
        Assert.False(FrameFile.IsDelimitedText("train.Parquet"));
        Assert.False(FrameFile.IsDelimitedText("rows.jsonl"));
    }
}

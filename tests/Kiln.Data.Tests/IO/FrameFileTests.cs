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
    public void A_file_of_an_unknown_format_is_refused_naming_it_and_the_known_formats()
    {
        using var folder = new TemporaryFolder();
        var path = folder.WriteFile("people.xlsx", "not a table Kiln reads");
        var error = Assert.Throws<ArgumentException>(() => FrameFile.Read(path, cancellationToken: Ct));
        Assert.Contains(path, error.Message);
        Assert.Contains("'.xlsx'", error.Message);
        Assert.Contains(".parquet", error.Message);
        Assert.Contains(".jsonl", error.Message);
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
    }
}

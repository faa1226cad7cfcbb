using System.Text;
using Kiln.Testing;

namespace Kiln.Data.Tests.IO;

public class CsvReaderTests
{
    [Fact]
    public void Types_are_inferred_per_column()
    {
        var frame = CsvReader.ReadText("""
            id,price,ok,when,city
            1,2.5,true,2024-01-31,Paris
            2,3,false,2024-02-01 10:30:00,Lyon
            """);
        Assert.Equal(
            [DataType.Int64, DataType.Float64, DataType.Bool, DataType.DateTime, DataType.String],
            frame.Columns.Select(c => c.Type));
        Assert.Equal(3.0, frame.Column<Float64Column>("price")[1]);
        Assert.Equal(new DateTime(2024, 2, 1, 10, 30, 0), frame.Column<DateTimeColumn>("when")[1]);
        Assert.Equal("Lyon", frame.Column<StringColumn>("city")[1]);
    }

    [Fact]
    public void Integers_with_gaps_stay_int64_with_a_missing_mask()
    {
        var frame = CsvReader.ReadText("a,b\n1,x\n,y\n3,z\n");
        var a = frame.Column<Int64Column>("a");
        Assert.True(a.IsMissing(1));
        Assert.Equal(3, a[2]);
    }

    [Fact]
    public void Default_missing_markers_read_as_missing()
    {
        var frame = CsvReader.ReadText("x,name\n1.5,NA\nNaN,\nnull,N/A\n4,Bob\n");
        Assert.Equal(2, frame["x"].MissingCount);
        Assert.Equal(3, frame["name"].MissingCount);
    }

    [Fact]
    public void Custom_missing_markers_replace_the_defaults()
    {
        var options = new CsvOptions { MissingMarkers = new HashSet<string> { "?" } };
        var frame = CsvReader.ReadText("x,region\n?,NA\n2,EU\n", options);
        Assert.True(frame["x"].IsMissing(0));
        Assert.Equal("NA", frame.Column<StringColumn>("region")[0]);
    }

    [Fact]
    public void Quoted_fields_keep_separators_escaped_quotes_and_line_breaks()
    {
        var frame = CsvReader.ReadText("name,note\n\"Braund, Mr. Owen\",\"said \"\"hi\"\"\"\n\"two\nlines\",x\n");
        var name = frame.Column<StringColumn>("name");
        Assert.Equal("Braund, Mr. Owen", name[0]);
        Assert.Equal("two\nlines", name[1]);
        Assert.Equal("said \"hi\"", frame.Column<StringColumn>("note")[0]);
    }

    [Fact]
    public void Crlf_line_ends_byte_order_mark_and_blank_lines_are_handled()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("a,b\r\n1,2\r\n\r\n3,4\r\n")).ToArray();
        using var folder = new TemporaryFolder();
        File.WriteAllBytes(folder.File("crlf.csv"), bytes);
        var frame = CsvReader.Read(folder.File("crlf.csv"));
        Assert.Equal(["a", "b"], frame.ColumnNames);
        Assert.Equal([2L, 4L], frame.Column<Int64Column>("b").Values.ToArray());
    }

    [Fact]
    public void A_numeric_first_row_is_read_as_data_not_a_header()
    {
        var frame = CsvReader.ReadText("T,2,8\nI,5,12\n");
        Assert.Equal(2, frame.RowCount);
        Assert.Equal(["column_1", "column_2", "column_3"], frame.ColumnNames);
    }

    [Fact]
    public void A_header_whose_first_name_is_blank_as_pandas_writes_its_index_is_still_the_header()
    {
        var frame = CsvReader.ReadText(",Date,Close,Stock\n0,2017-12-29,169.23,AAPL\n1,2017-12-28,171.08,AAPL\n");
        Assert.Equal(["column_1", "Date", "Close", "Stock"], frame.ColumnNames);
        Assert.Equal([169.23, 171.08], frame.Column<Float64Column>("Close").Values.ToArray());
    }

    [Fact]
    public void A_first_row_with_a_blank_after_its_first_field_is_data()
    {
        var frame = CsvReader.ReadText("male,,S\nfemale,C85,C\n");
        Assert.Equal(2, frame.RowCount);
        Assert.Equal(["column_1", "column_2", "column_3"], frame.ColumnNames);
    }

    [Fact]
    public void The_header_can_be_forced_off()
    {
        var frame = CsvReader.ReadText("a,b\nc,d\n", new CsvOptions { HasHeader = false });
        Assert.Equal(2, frame.RowCount);
    }

    [Fact]
    public void Duplicate_header_names_get_a_suffix()
    {
        var frame = CsvReader.ReadText("a,a,b\n1,2,3\n");
        Assert.Equal(["a", "a.1", "b"], frame.ColumnNames);
    }

    [Fact]
    public void A_ragged_row_names_the_file_and_line()
    {
        var error = Assert.Throws<DataFormatException>(() =>
            CsvReader.ReadText("a,b,c\n1,2,3\n\"x\ny\",5\n7,8,9\n", source: "data.csv"));
        Assert.Equal("data.csv:3: expected 3 fields, found 2", error.Message);
    }

    [Fact]
    public void A_row_with_too_many_fields_is_reported()
    {
        var error = Assert.Throws<DataFormatException>(() => CsvReader.ReadText("a,b\n1,2\n3,4,5,6\n", source: "d.csv"));
        Assert.Equal("d.csv:3: expected 2 fields, found 4", error.Message);
    }

    [Fact]
    public void An_unclosed_quote_is_reported_with_its_line()
    {
        var error = Assert.Throws<DataFormatException>(() => CsvReader.ReadText("a,b\n1,2\n\"open,3\n", source: "q.csv"));
        Assert.Equal(3, error.Line);
        Assert.Contains("never closed", error.Message);
    }

    [Fact]
    public void An_explicit_type_overrides_inference()
    {
        var options = new CsvOptions { Types = new Dictionary<string, DataType> { ["zip"] = DataType.String, ["n"] = DataType.Float64 } };
        var frame = CsvReader.ReadText("zip,n\n01234,1\n", options);
        Assert.Equal("01234", frame.Column<StringColumn>("zip")[0]);
        Assert.Equal(DataType.Float64, frame["n"].Type);
    }

    [Fact]
    public void Text_where_an_explicit_number_is_needed_names_file_line_and_column()
    {
        var options = new CsvOptions { Types = new Dictionary<string, DataType> { ["Age"] = DataType.Float64 } };
        var error = Assert.Throws<DataFormatException>(() =>
            CsvReader.ReadText("Name,Age\nAnn,22\nBob,abc\n", options, "people.csv"));
        Assert.Equal("people.csv:3, column 'Age': 'abc' is not a float64", error.Message);
    }

    [Fact]
    public void A_type_for_an_absent_column_is_an_error()
    {
        var options = new CsvOptions { Types = new Dictionary<string, DataType> { ["Agee"] = DataType.Float64 } };
        var error = Assert.Throws<DataFormatException>(() => CsvReader.ReadText("Name,Age\nAnn,22\n", options, "p.csv"));
        Assert.Contains("'Agee'", error.Message);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var error = Assert.Throws<FileNotFoundException>(() => CsvReader.Read("/no/such/file.csv"));
        Assert.Contains("/no/such/file.csv", error.Message);
    }

    [Fact]
    public void An_empty_file_is_an_error()
    {
        Assert.Throws<DataFormatException>(() => CsvReader.ReadText(""));
    }

    [Fact]
    public void Other_separators_and_encodings_are_read()
    {
        using var folder = new TemporaryFolder();
        var latin1 = Encoding.Latin1;
        File.WriteAllBytes(folder.File("l1.csv"), latin1.GetBytes("ville;n\nMontréal;3\n"));
        var frame = CsvReader.Read(folder.File("l1.csv"), new CsvOptions { Separator = ';', Encoding = latin1 });
        Assert.Equal("Montréal", frame.Column<StringColumn>("ville")[0]);
    }

    [Fact]
    public void Max_rows_reads_only_the_first_rows()
    {
        var frame = CsvReader.ReadText("a\n1\n2\n3\n", new CsvOptions { MaxRows = 2 });
        Assert.Equal(2, frame.RowCount);
    }

    [Theory]
    [InlineData("0.1", 0.1)]
    [InlineData("-2.5e-3", -0.0025)]
    [InlineData("1E5", 100000.0)]
    [InlineData("123456789.123456789", 123456789.123456789)]
    [InlineData("7.0", 7.0)]
    [InlineData(".5", 0.5)]
    [InlineData("1e300", 1e300)]
    [InlineData("0.000000000000000000000000123", 1.23e-25)]
    public void Numbers_parse_to_the_nearest_double(string text, double expected)
    {
        var frame = CsvReader.ReadText($"x\n{text}\nNaN\n");
        Assert.Equal(expected, frame.Column<Float64Column>("x")[0]);
    }

    [Fact]
    public void Written_csv_reads_back_the_same()
    {
        var frame = CsvReader.ReadText("name,age,ok,when\n\"Smith, J\",3.25,true,2024-01-02\n,NaN,,\n");
        using var folder = new TemporaryFolder();
        frame.WriteCsv(folder.File("out.csv"));
        var again = Frame.ReadCsv(folder.File("out.csv"));
        Assert.Equal(frame.ToString(), again.ToString());
        Assert.Equal(frame.Columns.Select(c => c.Type), again.Columns.Select(c => c.Type));
    }

    [Fact]
    public void Titanic_reads_with_its_missing_ages_and_cabins()
    {
        var frame = Frame.ReadCsv(SharedFolder.RequireDataset("titanic/train.csv"));
        Assert.Equal((891, 12), frame.Shape);
        Assert.Equal(177, frame["Age"].MissingCount);
        Assert.Equal(687, frame["Cabin"].MissingCount);
        Assert.Equal(2, frame["Embarked"].MissingCount);
        Assert.Equal(DataType.Int64, frame["Survived"].Type);
        Assert.Equal(DataType.Float64, frame["Fare"].Type);
        Assert.Equal("Braund, Mr. Owen Harris", frame.Column<StringColumn>("Name")[0]);
    }

    [Fact]
    public void A_quote_inside_an_unquoted_field_is_plain_text_as_in_pandas()
    {
        const string text = "id,said\n1,she said \"hi\n2,5\" tall\n3,\"quoted, with comma\"\n";
        var whole = CsvReader.ReadText(text);
        SampleFrames.AssertSame(new Frame(
            new Int64Column("id", [1, 2, 3]),
            new StringColumn("said", ["she said \"hi", "5\" tall", "quoted, with comma"])), whole);
    }

    [Fact]
    public void Names_name_the_columns_and_keep_the_first_row_as_data()
    {
        var frame = CsvReader.ReadText("T,2,8\nI,5,12\n", new CsvOptions { Names = ["letter", "x", "y"] });
        Assert.Equal(["letter", "x", "y"], frame.ColumnNames);
        Assert.Equal(2, frame.RowCount);
        Assert.Equal("T", frame.Column<StringColumn>("letter")[0]);
        Assert.Equal(12, frame.Column<Int64Column>("y")[1]);
    }

    [Fact]
    public void Names_with_a_header_row_replace_its_names()
    {
        var frame = CsvReader.ReadText("a,b\n1,2\n", new CsvOptions { Names = ["left", "right"], HasHeader = true });
        Assert.Equal(["left", "right"], frame.ColumnNames);
        Assert.Equal(1, frame.RowCount);
        Assert.Equal(DataType.Int64, frame["left"].Type);
    }

    [Fact]
    public void Names_fewer_or_more_than_the_columns_are_refused_with_both_counts()
    {
        var error = Assert.Throws<ColumnNamesCountException>(() =>
            CsvReader.ReadText("T,2,8\n", new CsvOptions { Names = ["letter", "x"] }, source: "l.data"));
        Assert.Equal((2, 3), (error.Given, error.Found));
        Assert.Equal("l.data: 2 column names are given but the file has 3 columns", error.Message);
    }

    [Fact]
    public void A_name_given_twice_is_refused_naming_it()
    {
        var error = Assert.Throws<ArgumentException>(() => CsvReader.ReadText("1,2\n", new CsvOptions { Names = ["a", "a"] }));
        Assert.Contains("'a' is given twice", error.Message);
    }

    [Fact]
    public void Stray_quotes_break_a_row_with_its_line_named_and_quoting_off_suggested()
    {
        const string text = "ham\tfine\nham\t\"Wen u miss\" gdeve..\n";
        var error = Assert.Throws<DataFormatException>(() => CsvReader.ReadText(text, new CsvOptions { Separator = '\t' }, source: "sms"));
        Assert.Equal(2, error.Line);
        Assert.Contains("--quote none", error.Message);
    }

    [Fact]
    public void Without_quoting_quote_characters_are_plain_text()
    {
        const string text = "ham\t\"Wen u miss\" gdeve..\nspam\tsays \"hi, there\nham\t\"\"\n";
        var frame = CsvReader.ReadText(text, new CsvOptions { Separator = '\t', Quote = null, Names = ["label", "text"] });
        SampleFrames.AssertSame(new Frame(
            new StringColumn("label", ["ham", "spam", "ham"]),
            new StringColumn("text", ["\"Wen u miss\" gdeve..", "says \"hi, there", "\"\""])), frame);
    }

    [Fact]
    public void Another_quote_character_quotes_fields_and_escapes_itself_doubled()
    {
        var frame = CsvReader.ReadText("a,b\n'x, y',\"z\"\n'it''s',2\n", new CsvOptions { Quote = '\'' });
        SampleFrames.AssertSame(new Frame(new StringColumn("a", ["x, y", "it's"]), new StringColumn("b", ["\"z\"", "2"])), frame);
    }

    [Fact]
    public void A_line_break_cannot_be_the_quote_character()
    {
        var error = Assert.Throws<ArgumentException>(() => CsvReader.ReadText("a\n1\n", new CsvOptions { Quote = '\n' }));
        Assert.Contains("quote character", error.Message);
    }
}

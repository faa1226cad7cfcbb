using System.Text.Json;
using Kiln.Testing;

namespace Kiln.Cli.Tests;

/// <summary>The reading options every command shares, on small files and on the two shared datasets that are not .csv files.</summary>
public class FrameInputTests
{
    const string LetterNames = "lettr,x-box,y-box,width,high,onpix,x-bar,y-bar,x2bar,y2bar,xybar,x2ybr,xy2br,x-ege,xegvy,y-ege,yegvx";

    static JsonElement Json(CliRun run)
    {
        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        return json.RootElement.Clone();
    }

    [Theory]
    [InlineData("\\t")]
    [InlineData("tab")]
    [InlineData("\t")]
    public void A_tab_separator_is_read_from_what_people_type_for_it(string separator)
    {
        using var folder = new TemporaryFolder();
        var path = folder.WriteFile("Messages", "ham\tOk lar, joking\nspam\tFree entry\n");
        var rows = Json(CliRun.Of("data", "head", path, "--sep", separator, "--names", "label,text", "--json"));
        Assert.Equal(2, rows.GetArrayLength());
        Assert.Equal("spam", rows[1].GetProperty("label").GetString());
        Assert.Equal("Ok lar, joking", rows[0].GetProperty("text").GetString());
    }

    [Fact]
    public void A_separator_of_more_than_one_character_exits_64_naming_sep()
    {
        using var folder = new TemporaryFolder();
        var run = CliRun.Of("data", "head", folder.WriteFile("a.data", "1;2\n"), "--sep", ";;");
        Assert.Equal(64, run.ExitCode);
        Assert.StartsWith("kiln: --sep ';;' is not one character", run.Error);
    }

    [Fact]
    public void Names_that_do_not_match_the_columns_exit_64_naming_names_and_both_counts()
    {
        using var folder = new TemporaryFolder();
        var path = folder.WriteFile("letters.data", "T,2,8\nI,5,12\n");
        var run = CliRun.Of("data", "head", path, "--names", "letter,x");
        Assert.Equal(64, run.ExitCode);
        Assert.Equal($"kiln: --names gives 2 names but {path} has 3 columns", run.Error.Trim());
    }

    [Fact]
    public void Names_are_refused_for_a_file_whose_columns_are_named_inside_it()
    {
        using var folder = new TemporaryFolder();
        var run = CliRun.Of("data", "head", folder.WriteFile("rows.jsonl", "{\"a\": 1}\n"), "--names", "b");
        Assert.Equal(64, run.ExitCode);
        Assert.Contains("--names", run.Error);
    }

    [Fact]
    public void Quoting_off_reads_stray_quotes_as_text_and_a_bad_quote_value_exits_64()
    {
        using var folder = new TemporaryFolder();
        var path = folder.WriteFile("sms", "ham\t\"Wen u miss\" gdeve..\nspam\tsays \"hi\n");
        var broken = CliRun.Of("data", "head", path, "--sep", "tab");
        Assert.Equal(65, broken.ExitCode);
        Assert.Contains("--quote none", broken.Error);

        var rows = Json(CliRun.Of("data", "head", path, "--sep", "tab", "--quote", "none", "--no-header", "--json"));
        Assert.Equal("\"Wen u miss\" gdeve..", rows[0].GetProperty("column_2").GetString());
        Assert.Equal("says \"hi", rows[1].GetProperty("column_2").GetString());

        var bad = CliRun.Of("data", "head", path, "--quote", "off");
        Assert.Equal(64, bad.ExitCode);
        Assert.StartsWith("kiln: --quote 'off'", bad.Error);
    }

    [Fact]
    public void The_help_says_other_text_files_are_read_as_delimited_text_and_how_to_read_the_sms_collection()
    {
        var run = CliRun.Of("data", "head", "--help");
        Assert.Contains("any other text file", run.Output);
        Assert.Contains("--names", run.Output);
        Assert.Contains("--quote", run.Output);
        Assert.Contains("kiln data info SMSSpamCollection --sep '\\t' --names label,text --quote none", CliRun.Of("data", "--help").Output);
    }

    [Fact]
    public void The_sms_spam_collection_reads_whole_with_a_tab_names_and_quoting_off()
    {
        var path = SharedFolder.RequireDataset("sms-spam/SMSSpamCollection");
        var info = Json(CliRun.Of("data", "info", path, "--sep", "\\t", "--names", "label,text", "--quote", "none", "--json"));
        Assert.Equal(5574, info.GetProperty("rowCount").GetInt32());
        Assert.Equal(["label", "text"], info.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()));

        var rows = Json(CliRun.Of("data", "head", path, "--sep", "tab", "--names", "label,text", "--quote", "none", "-n", "6000", "--json"));
        var lines = File.ReadAllLines(path);
        Assert.Equal(lines.Length, rows.GetArrayLength());
        for (var i = 0; i < lines.Length; i++)
        {
            var tab = lines[i].IndexOf('\t');
            Assert.Equal(lines[i][..tab], rows[i].GetProperty("label").GetString());
            Assert.Equal(lines[i][(tab + 1)..], rows[i].GetProperty("text").GetString());
        }
    }

    [Fact]
    public void The_sms_spam_collection_read_with_quoting_on_names_the_line_that_broke()
    {
        var path = SharedFolder.RequireDataset("sms-spam/SMSSpamCollection");
        var run = CliRun.Of("data", "info", path, "--sep", "tab", "--names", "label,text");
        Assert.Equal(65, run.ExitCode);
        var named = System.Text.RegularExpressions.Regex.Match(run.Error, $@"^kiln: {System.Text.RegularExpressions.Regex.Escape(path)}:(\d+): .*--quote none");
        Assert.True(named.Success, run.Error);
        Assert.StartsWith("ham\t\"", File.ReadLines(path).ElementAt(int.Parse(named.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) - 1));
    }

    [Fact]
    public void Letter_recognition_reads_without_a_header_or_with_the_names_given()
    {
        var path = SharedFolder.RequireDataset("letter-recognition/letter-recognition.data");
        var info = Json(CliRun.Of("data", "info", path, "--json"));
        Assert.Equal(20000, info.GetProperty("rowCount").GetInt32());
        var columns = info.GetProperty("columns");
        Assert.Equal(17, columns.GetArrayLength());
        Assert.Equal(("column_1", "string"), (columns[0].GetProperty("name").GetString(), columns[0].GetProperty("type").GetString()));
        Assert.All(columns.EnumerateArray().Skip(1), c => Assert.Equal("int64", c.GetProperty("type").GetString()));

        var first = Json(CliRun.Of("data", "head", path, "--names", LetterNames, "-n", "1", "--json"))[0];
        Assert.Equal("T", first.GetProperty("lettr").GetString());
        Assert.Equal(8, first.GetProperty("yegvx").GetInt64());
    }

    [Fact]
    public void A_decision_tree_trained_on_letter_recognition_scores_far_above_chance_on_held_out_rows()
    {
        var lines = File.ReadAllLines(SharedFolder.RequireDataset("letter-recognition/letter-recognition.data"));
        using var folder = new TemporaryFolder();
        var train = folder.WriteFile("train.data", string.Join('\n', lines[..4000]));
        var heldOut = folder.WriteFile("held-out.data", string.Join('\n', lines[4000..5000]));
        var package = folder.File("letters.kiln");

        var fit = CliRun.Of("train", train, "--names", LetterNames, "--target", "lettr", "--model", "decision-tree-classifier",
            "--seed", "1", "--out", package, "--no-track", "--json");
        Assert.Equal(4000, Json(fit).GetProperty("rows").GetInt32());

        var scores = Json(CliRun.Of("evaluate", package, heldOut, "--names", LetterNames, "--json"));
        // chance is 1/26; a single tree on 4,000 rows scores about 0.78 on the next 1,000
        Assert.InRange(scores.GetProperty("classification").GetProperty("accuracy").GetDouble(), 0.6, 1);
    }
}

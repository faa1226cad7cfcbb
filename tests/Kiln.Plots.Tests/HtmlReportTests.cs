using System.Text.RegularExpressions;
using Kiln.Testing;

namespace Kiln.Plots.Tests;

public sealed class HtmlReportTests
{
    static HtmlReport Sample() => new HtmlReport("Data profile")
        .Heading("Columns")
        .Paragraph("Rows with <missing> values & outliers.")
        .KeyValues(("rows", "891"), ("columns", "12"))
        .Table(["column", "mean", "missing"], [["age", "29.70", "19.9%"], ["fare", "32.20", "0%"]], caption: "Numeric columns")
        .Chart(new Chart("Age distribution").Histogram([22, 38, 26, 35, 35]), caption: "Ages")
        .Note("Cabin is mostly empty.")
        .Warning("Fare has a 512.33 outlier.");

    [Fact]
    public void Text_is_html_escaped_everywhere()
    {
        var html = new HtmlReport("A <b> & C")
            .Heading("<script>alert(1)</script>")
            .Paragraph("x < y & z > w")
            .KeyValues(("<k>", "\"v\""))
            .Table(["<th>"], [["<td>"]])
            .Warning("<img src=x>")
            .ToHtml();

        Assert.Contains("<title>A &lt;b&gt; &amp; C</title>", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Contains("x &lt; y &amp; z &gt; w", html);
        Assert.Contains("&quot;v&quot;", html);
        Assert.Contains("&lt;img src=x&gt;", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<img", html);
        Assert.Contains("<th>&lt;th&gt;</th>", html);
        Assert.Contains("<td>&lt;td&gt;</td>", html);
    }

    [Fact]
    public void Table_has_its_header_and_cells_and_right_aligns_number_columns()
    {
        var html = Sample().ToHtml();

        Assert.Contains("<caption>Numeric columns</caption>", html);
        Assert.Contains("<th>column</th><th class=\"num\">mean</th><th class=\"num\">missing</th>", html);
        Assert.Contains("<tr><td>age</td><td class=\"num\">29.70</td><td class=\"num\">19.9%</td></tr>", html);
    }

    [Fact]
    public void Table_rows_must_match_the_header()
    {
        var error = Assert.Throws<ArgumentException>(() => new HtmlReport("t").Table(["a", "b"], [["1", "2"], ["3"]]));

        Assert.Contains("row 1", error.Message);
    }

    [Fact]
    public void Charts_are_embedded_as_inline_svg()
    {
        var html = Sample().ToHtml();

        Assert.Contains("<figure>\n<svg", html);
        Assert.Contains("Age distribution", html);
        Assert.Contains("<figcaption>Ages</figcaption>", html);
        Assert.DoesNotContain("<?xml", html);
    }

    [Fact]
    public void The_page_is_self_contained_with_no_external_references()
    {
        var html = Sample().ToHtml();

        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("<style>", html);
        Assert.DoesNotMatch(new Regex("(src|href)\\s*=\\s*[\"']?(https?:)?//", RegexOptions.IgnoreCase), html);
        Assert.DoesNotMatch(new Regex("url\\(\\s*[\"']?(https?:)?//", RegexOptions.IgnoreCase), html);
        Assert.DoesNotContain("@import", html);
        Assert.DoesNotContain("<link", html);
        Assert.DoesNotContain("<script", html);
    }

    [Fact]
    public void Two_charts_on_one_page_never_share_an_element_id()
    {
        var html = new HtmlReport("Two charts")
            .Chart(new Chart("first").Line([1, 2, 3], [1, 2, 3]))
            .Chart(new Chart("second").Line([1, 2, 3], [3, 2, 1]))
            .ToHtml();

        var ids = Regex.Matches(html, "\\bid=\"([^\"]+)\"").Select(match => match.Groups[1].Value).ToList();

        Assert.NotEmpty(ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        foreach (Match reference in Regex.Matches(html, "url\\(#([^)]+)\\)"))
            Assert.Contains(reference.Groups[1].Value, ids);
    }

    [Fact]
    public void Callouts_are_marked_by_kind()
    {
        var html = Sample().ToHtml();

        Assert.Contains("<div class=\"callout note\"><strong>Note.</strong> Cabin is mostly empty.</div>", html);
        Assert.Contains("<div class=\"callout warning\"><strong>Warning.</strong> Fare has a 512.33 outlier.</div>", html);
    }

    [Fact]
    public void Headings_are_limited_to_three_levels()
    {
        Assert.Contains("<h3>Detail</h3>", new HtmlReport("t").Heading("Detail", 3).ToHtml());
        Assert.Throws<ArgumentOutOfRangeException>(() => new HtmlReport("t").Heading("Too deep", 4));
    }

    [Fact]
    public void Save_writes_the_page_and_leaves_no_temporary_file()
    {
        using var folder = new TemporaryFolder();
        var report = Sample();
        var path = folder.File("reports/profile.html");

        report.Save(path);
        report.Save(path);

        Assert.Equal(report.ToHtml(), File.ReadAllText(path));
        Assert.Equal(["profile.html"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
    }
}

using System.Text.RegularExpressions;
using Kiln.Data;
using Kiln.Learn.Linear;
using Kiln.Learn.NaiveBayes;

namespace Kiln.Plots.Tests;

public sealed class EvaluationReportTests
{
    // Three well-separated clusters on x: 0 → "cat", 10 → "dog", 20 → "fox".
    static readonly double[] TrainX = [-1, 0, 1, 9, 10, 11, 19, 20, 21];
    static readonly string[] TrainY = ["cat", "cat", "cat", "dog", "dog", "dog", "fox", "fox", "fox"];

    static GaussianNaiveBayesModel Classifier() =>
        new GaussianNaiveBayes().Fit(new Frame(new Float64Column("x", TrainX)), new StringColumn("animal", TrainY));

    static string Text(HtmlReport report) => System.Net.WebUtility.HtmlDecode(report.ToHtml());

    /// <summary>The cells of the first body row of the first table after <paramref name="heading"/>.</summary>
    static string FirstRowAfter(string html, string heading)
    {
        var start = html.IndexOf("<tbody>\n<tr>", html.IndexOf(heading, StringComparison.Ordinal), StringComparison.Ordinal) + "<tbody>\n<tr>".Length;
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }

    [Fact]
    public void A_classifier_report_names_the_confused_classes_and_the_most_confident_wrong_row()
    {
        // Two dogs sit in the cat cluster: the model surely calls them cats. The row at x = 0 is the surest mistake.
        var table = new Frame(
            new Float64Column("x", [0, 0.5, 10, 10.5, 20, 19.5, 0, 3]),
            new StringColumn("animal", ["cat", "cat", "dog", "dog", "fox", "fox", "dog", "dog"]));
        var html = Text(EvaluationReport.Build(Classifier(), table, "animal", "/data/zoo.csv"));

        Assert.Contains("Evaluation of GaussianNaiveBayesModel on zoo.csv", html);
        Assert.Contains("Per class", html);
        Assert.Matches(@"<tr><td>dog</td><td>cat</td><td[^>]*>2</td><td[^>]*>50\.0%</td></tr>", html);
        Assert.Contains("Most confident and wrong", html);
        Assert.Matches(@"^<td[^>]*>7</td><td>dog</td><td>cat</td>", FirstRowAfter(html, "Most confident and wrong"));
        Assert.Contains("ROC and precision–recall curves", html);
        Assert.DoesNotContain("Calibration", html);
        Assert.True(Regex.Matches(html, "<svg").Count >= 2, "the confusion matrices and the curves are drawn");
    }

    [Fact]
    public void A_binary_classifier_report_draws_calibration_and_leaves_out_rows_without_a_target()
    {
        var model = new GaussianNaiveBayes().Fit(new Frame(new Float64Column("x", [0, 1, 2, 8, 9, 10])), new StringColumn("spam", ["no", "no", "no", "yes", "yes", "yes"]));
        var table = new Frame(new Float64Column("x", [0, 4, 6, 10, 3]), new StringColumn("spam", ["no", "yes", "no", "yes", null]));
        var html = Text(EvaluationReport.Build(model, table, "spam", "mail.csv"));

        Assert.Contains("1 row without a value of 'spam' is left out", html);
        Assert.Contains("Calibration", html);
        Assert.Contains("'yes' as the positive class", html);
    }

    [Fact]
    public void A_regressor_report_lists_the_largest_error_first()
    {
        var x = new double[] { 1, 2, 3, 4, 5, 6 };
        var model = new LinearRegression().Fit(new Frame(new Float64Column("size", x)), new Float64Column("price", [2, 4, 6, 8, 10, 12]));
        var table = new Frame(new Float64Column("size", [1, 2, 3, 4]), new Float64Column("price", [2, 4, 26, 8]));
        var html = Text(EvaluationReport.Build(model, table, "price", "houses.csv"));

        Assert.Contains("R²", html);
        Assert.Contains("Predictions", html);
        Assert.Matches(@"^<td[^>]*>3</td><td[^>]*>26</td><td[^>]*>6</td><td[^>]*>-20</td>", FirstRowAfter(html, "Largest errors"));
    }

    [Fact]
    public void A_missing_target_column_is_named()
    {
        var error = Assert.Throws<ArgumentException>(() => EvaluationReport.Build(Classifier(), new Frame(new Float64Column("x", [1.0])), "animal", "zoo.csv"));
        Assert.Contains("'animal'", error.Message);
    }
}

using Kiln.Testing;

namespace Kiln.Plots.Tests;

public class NetworkTrainingReportTests
{
    static GalleryImage Stripes(bool right)
    {
        var pixels = new byte[6 * 4];
        for (var i = 0; i < pixels.Length; i++) pixels[i] = (byte)(i / 4 % 2 == 0 ? 255 : 0);
        return new GalleryImage(pixels, 6, 4, right ? "a / a" : "a / b", "90%", right);
    }

    static NetworkTrainingResult Result() => new()
    {
        Title = "Training report",
        Facts = [("Data", "toy")],
        ArchitectureSummary = "dense_0 (Dense)   (None, 2)   10",
        Epochs =
        [
            new Dictionary<string, double> { ["loss"] = 1.0, ["accuracy"] = 0.5, ["val_loss"] = 1.1, ["val_accuracy"] = 0.4 },
            new Dictionary<string, double> { ["loss"] = 0.5, ["accuracy"] = 0.8, ["val_loss"] = 0.7, ["val_accuracy"] = 0.7 },
        ],
        TestMetrics = new Dictionary<string, double> { ["test_accuracy"] = 0.75 },
        Classes = ["a", "b"],
        Confusion = new[,] { { 3, 1 }, { 0, 0 } },
        Correct = [Stripes(true)],
        Wrong = [Stripes(false)],
    };

    [Fact]
    public void The_report_writes_its_page_and_every_chart_as_png_and_svg()
    {
        using var folder = new TemporaryFolder();
        var files = NetworkTrainingReport.Write(Result(), folder.Path);
        Assert.Equal(Path.Combine(folder.Path, "report.html"), files[0]);
        foreach (var name in new[] { "loss", "accuracy", "confusion-matrix", "per-class-accuracy", "correct-predictions", "wrong-predictions" })
        {
            Assert.Contains(Path.Combine(folder.Path, name + ".png"), files);
            Assert.True(File.Exists(Path.Combine(folder.Path, name + ".svg")), name);
        }
        var html = File.ReadAllText(files[0]);
        Assert.Contains("75.0%", html); // class a: 3 of 4 right
        Assert.Contains("test_accuracy", html);
    }

    [Fact]
    public void The_per_class_table_gives_precision_and_f1_and_the_report_names_the_classes_most_often_confused()
    {
        using var folder = new TemporaryFolder();
        var result = Result() with { Classes = ["cat", "dog", "fox"], Confusion = new[,] { { 8, 2, 0 }, { 4, 6, 0 }, { 0, 1, 9 } } };
        // numeric cells carry a class attribute; only the cell texts matter here
        var html = System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(NetworkTrainingReport.Write(result, folder.Path)[0]), "<td[^>]*>", "<td>");
        // cat: 8 of the 12 rows predicted cat are cats (precision 0.6667), 8 of 10 cats found (recall 0.8), F1 0.7273
        Assert.Matches(@"<td>cat</td><td>10</td><td>8</td><td>80\.0%</td><td>0\.6667</td><td>0\.7273</td>", html);
        Assert.Matches(@"<td>macro avg</td><td>30</td><td></td><td>76\.7%</td><td>0\.7778</td><td>0\.7687</td>", html);
        Assert.Contains("The classes most often confused", html);
        // dog taken for cat (4 rows) comes before cat taken for dog (2) and fox taken for dog (1)
        var dogAsCat = html.IndexOf("<td>dog</td><td>cat</td><td>4</td><td>40.0%</td>", StringComparison.Ordinal);
        var catAsDog = html.IndexOf("<td>cat</td><td>dog</td><td>2</td><td>20.0%</td>", StringComparison.Ordinal);
        var foxAsDog = html.IndexOf("<td>fox</td><td>dog</td><td>1</td><td>10.0%</td>", StringComparison.Ordinal);
        Assert.True(dogAsCat >= 0 && dogAsCat < catAsDog && catAsDog < foxAsDog, html);
    }

    [Fact]
    public void A_learning_rate_that_changed_from_epoch_to_epoch_is_drawn_and_a_constant_one_is_not()
    {
        using var constant = new TemporaryFolder();
        var epochs = Result().Epochs.Select(e => (IReadOnlyDictionary<string, double>)new Dictionary<string, double>(e) { ["learning_rate"] = 0.001 }).ToList();
        Assert.DoesNotContain(Path.Combine(constant.Path, "learning-rate.png"), NetworkTrainingReport.Write(Result() with { Epochs = epochs }, constant.Path));

        using var scheduled = new TemporaryFolder();
        epochs = Result().Epochs.Select((e, i) => (IReadOnlyDictionary<string, double>)new Dictionary<string, double>(e) { ["learning_rate"] = 0.001 / (i + 1) }).ToList();
        var files = NetworkTrainingReport.Write(Result() with { Epochs = epochs }, scheduled.Path);
        Assert.Contains(Path.Combine(scheduled.Path, "learning-rate.png"), files);
        Assert.Contains("learning_rate per epoch", File.ReadAllText(files[0]));
    }

    [Fact]
    public void The_least_confident_images_get_their_own_gallery_when_given()
    {
        using var without = new TemporaryFolder();
        Assert.DoesNotContain(Path.Combine(without.Path, "least-confident-predictions.png"), NetworkTrainingReport.Write(Result(), without.Path));

        using var with = new TemporaryFolder();
        var files = NetworkTrainingReport.Write(Result() with { LeastConfident = [Stripes(false), Stripes(true)] }, with.Path);
        Assert.Contains(Path.Combine(with.Path, "least-confident-predictions.png"), files);
        Assert.True(File.Exists(Path.Combine(with.Path, "least-confident-predictions.svg")));
        Assert.Contains("Least confident (true label / predicted, confidence)", File.ReadAllText(files[0]));
    }

    [Fact]
    public void Given_the_test_probabilities_the_report_draws_a_roc_curve_per_class_with_its_area()
    {
        using var folder = new TemporaryFolder();
        // class a's probability ranks the three a rows above both b rows except one: AUC 5/6
        float[] probabilities = [0.9f, 0.1f, 0.7f, 0.3f, 0.4f, 0.6f, 0.6f, 0.4f, 0.2f, 0.8f];
        var result = Result() with { Confusion = new[,] { { 2, 1 }, { 1, 1 } }, Predictions = new TestPredictions([0, 0, 0, 1, 1], probabilities) };
        var files = NetworkTrainingReport.Write(result, folder.Path);
        Assert.Contains(Path.Combine(folder.Path, "roc-curves.png"), files);
        var html = File.ReadAllText(files[0]);
        Assert.Contains("a (AUC 0.833)", html);
        Assert.Contains("b (AUC 0.833)", html);
        Assert.DoesNotContain(Path.Combine(folder.Path, "roc-curves.png"), NetworkTrainingReport.Write(Result(), folder.File("without")));
        Assert.Contains("do not make 5 rows of 2 classes",
            Assert.Throws<ArgumentException>(() => NetworkTrainingReport.Write(result with { Predictions = new TestPredictions([0, 0, 0, 1, 1], [0.5f]) }, folder.File("short"))).Message);
    }

    [Fact]
    public void A_gallery_draws_each_image_enlarged_with_square_pixels()
    {
        var gallery = new ImageGallery([Stripes(true), Stripes(false)], columns: 2);
        var png = DecodedPng.From(gallery.ToPng());
        Assert.Equal(gallery.Width, png.Width);
        // a 6×4 image in a 128-pixel cell is drawn 18 pixels per image pixel, 108 high from y = 36 + 10: rows alternate white and black
        SkiaSharp.SKColor At(int x, int y) => png.Pixels[y * png.Width + x];
        Assert.Equal(SkiaSharp.SKColors.White, At(64, 46 + 9));
        Assert.Equal(SkiaSharp.SKColors.Black, At(64, 46 + 18 + 9));
        Assert.Equal(SkiaSharp.SKColors.White, At(64, 46 + 36 + 9));
    }

    [Fact]
    public void A_colour_gallery_image_keeps_its_colours()
    {
        // 2×2: red, green on the first row, blue, white on the second
        byte[] pixels = [255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255];
        var gallery = new ImageGallery([new GalleryImage(pixels, 2, 2, "rgb", "", true) { Channels = 3 }], columns: 1);
        var png = DecodedPng.From(gallery.ToPng());
        // the 2×2 image fills 112 pixels of its 128-pixel cell, from x = 8 and y = 36 + 8
        SkiaSharp.SKColor At(int x, int y) => png.Pixels[y * png.Width + x];
        Assert.Equal(SkiaSharp.SKColors.Red, At(8 + 28, 44 + 28));
        Assert.Equal(new SkiaSharp.SKColor(0, 255, 0), At(8 + 84, 44 + 28));
        Assert.Equal(SkiaSharp.SKColors.Blue, At(8 + 28, 44 + 84));
        Assert.Equal(SkiaSharp.SKColors.White, At(8 + 84, 44 + 84));
        Assert.Contains("of 3 channels", Assert.Throws<ArgumentException>(() => new ImageGallery([new GalleryImage(pixels[..4], 2, 2, "x", "", true) { Channels = 3 }])).Message);
    }

    [Fact]
    public void A_gallery_image_whose_pixels_do_not_fill_its_size_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new ImageGallery([new GalleryImage(new byte[5], 2, 3, "x", "", true)]));
        Assert.Contains("5 pixels do not make a 2×3 image", error.Message);
    }
}

using System.Text.Json;
using Kiln.Testing;
using Kiln.Vision;
using OpenCvSharp;

namespace Kiln.Cli.Tests;

public class VisionCommandsTests
{
    static string Picture(TemporaryFolder folder)
    {
        using var image = new Mat(60, 80, MatType.CV_8UC3, new Scalar(40, 80, 160));
        Cv2.Rectangle(image, new Rect(20, 10, 30, 30), Scalar.All(255), -1);
        var path = folder.File("in.png");
        ImageFile.Write(path, image);
        return path;
    }

    [Fact]
    public void Edit_applies_the_steps_and_compare_puts_before_and_after_side_by_side()
    {
        using var folder = new TemporaryFolder();
        var input = Picture(folder);

        var run = CliRun.Of("vision", "edit", input, "--ops", "gray,canny:50:150", "--out", folder.File("edges.png"), "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        using (var edges = ImageFile.Read(folder.File("edges.png"), grayscale: true))
            Assert.InRange(Cv2.CountNonZero(edges), 100, 140);

        var compare = CliRun.Of("vision", "edit", input, "--ops", "flip", "--out", folder.File("both.png"), "--compare");
        Assert.True(compare.ExitCode == 0, compare.Error);
        using var both = ImageFile.Read(folder.File("both.png"));
        Assert.Equal(new Size(160, 60), both.Size());
    }

    [Fact]
    public void A_bad_step_names_the_operation_on_one_line_and_writes_nothing()
    {
        using var folder = new TemporaryFolder();
        var run = CliRun.Of("vision", "edit", Picture(folder), "--ops", "blur:4", "--out", folder.File("out.png"));
        Assert.Equal(64, run.ExitCode);
        Assert.Equal("kiln: edit 'blur:4': kernel must be an odd number of pixels of at least 1, got 4", run.Error.TrimEnd());
        Assert.False(File.Exists(folder.File("out.png")));
    }

    [Fact]
    public void Ops_lists_every_operation_with_its_usage()
    {
        var run = CliRun.Of("vision", "ops", "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Contains(json.RootElement.EnumerateArray(), o => o.GetProperty("usage").GetString() == "canny[:low[:high]]");
    }

    [Fact]
    public void Scan_without_a_document_says_so_and_writes_nothing()
    {
        using var folder = new TemporaryFolder();
        using (var ball = new Mat(120, 160, MatType.CV_8UC3, new Scalar(40, 80, 160)))
        {
            Cv2.Circle(ball, new Point(80, 60), 40, Scalar.All(255), -1);
            ImageFile.Write(folder.File("ball.png"), ball);
        }
        var run = CliRun.Of("vision", "scan", folder.File("ball.png"), "--out", folder.File("page.png"));
        Assert.Equal(65, run.ExitCode);
        Assert.Contains("no document found", run.Error);
        Assert.False(File.Exists(folder.File("page.png")));
    }

    [Fact]
    public void Scan_straightens_a_receipt_photo_and_draws_its_outline()
    {
        using var folder = new TemporaryFolder();
        var photo = SharedFolder.RequireDataset("images/documents/receipt_03.jpg");
        var run = CliRun.Of("vision", "scan", photo, "--out", folder.File("page.png"), "--bw", "--outline", folder.File("outline.jpg"), "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(4, json.RootElement.GetProperty("corners").GetArrayLength());
        using var page = ImageFile.Read(folder.File("page.png"), grayscale: true);
        Assert.True(page.Height > page.Width);
        Assert.True(File.Exists(folder.File("outline.jpg")));
    }

    [Fact]
    public void Match_locates_the_box_in_the_scene_and_draws_the_matches()
    {
        using var folder = new TemporaryFolder();
        var run = CliRun.Of("vision", "match", SharedFolder.RequireDataset("images/opencv-samples/box.png"),
            SharedFolder.RequireDataset("images/opencv-samples/box_in_scene.png"), "--out", folder.File("matches.png"), "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        Assert.True(json.RootElement.GetProperty("found").GetBoolean());
        Assert.True(json.RootElement.GetProperty("inliers").GetInt32() >= 20);
        using var drawn = ImageFile.Read(folder.File("matches.png"));
        Assert.Equal(324 + 512, drawn.Width);
    }

    [Fact]
    public void Template_finds_a_cut_out_part_where_it_was_cut()
    {
        using var folder = new TemporaryFolder();
        using (var image = new Mat(120, 160, MatType.CV_8UC3, Scalar.All(30)))
        {
            Cv2.PutText(image, "find me", new Point(40, 70), HersheyFonts.HersheySimplex, 0.9, Scalar.All(230), 2);
            Cv2.Circle(image, new Point(20, 20), 8, new Scalar(0, 0, 255), -1);
            ImageFile.Write(folder.File("image.png"), image);
            ImageFile.Write(folder.File("template.png"), Kiln.Vision.Geometry.Crop(image, new Rect(35, 45, 70, 35)));
        }
        var run = CliRun.Of("vision", "template", folder.File("image.png"), folder.File("template.png"), "--out", folder.File("found.png"), "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(35, json.RootElement.GetProperty("x").GetInt32());
        Assert.Equal(45, json.RootElement.GetProperty("y").GetInt32());

        var bad = CliRun.Of("vision", "template", folder.File("image.png"), folder.File("template.png"), "--out", folder.File("x.png"), "--scales", "0.5:2");
        Assert.Equal(64, bad.ExitCode);
        Assert.Contains("smallest:largest:count", bad.Error);
    }
}

using System.Text.Json;
using Kiln.Testing;
using Kiln.Vision;
using Kiln.Vision.Video;
using OpenCvSharp;

namespace Kiln.Cli.Tests;

public class FacesCommandTests
{
    [Fact]
    public void An_image_gives_its_faces_each_saved_as_its_own_image_and_the_annotated_picture()
    {
        using var folder = new TemporaryFolder();
        var photo = SharedFolder.RequireDataset("faces/group/two_people.jpg");

        var run = CliRun.Of("vision", "faces", photo, "--save-crops", folder.File("crops"), "--out", folder.File("annotated.png"), "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal("yunet", json.RootElement.GetProperty("detector").GetString());
        Assert.Equal(2, json.RootElement.GetProperty("count").GetInt32());
        foreach (var face in json.RootElement.GetProperty("faces").EnumerateArray())
        {
            Assert.Equal(5, face.GetProperty("landmarks").GetArrayLength());
            using var crop = ImageFile.Read(face.GetProperty("crop").GetString()!);
            var box = face.GetProperty("box").EnumerateArray().Select(v => v.GetSingle()).ToArray();
            Assert.InRange(crop.Width, box[2] - 2, box[2] + 2);
            Assert.InRange(crop.Height, box[3] - 2, box[3] + 2);
        }
        Assert.Equal(2, Directory.GetFiles(folder.File("crops")).Length);
        using var original = ImageFile.Read(photo);
        using var annotated = ImageFile.Read(folder.File("annotated.png"));
        Assert.Equal(original.Size(), annotated.Size());
    }

    [Fact]
    public void The_cascade_counts_the_frontal_faces_with_its_score_threshold_as_least_neighbours()
    {
        var photo = SharedFolder.RequireDataset("faces/group/kit_with_rose.jpg");

        var run = CliRun.Of("vision", "faces", photo, "--detector", "haar", "--score", "20");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.StartsWith("2 faces in", run.Output);
        Assert.Contains("haarcascade_frontalface_default.xml", run.Output);
    }

    [Fact]
    public void A_video_is_annotated_frame_by_frame_at_its_own_frame_rate_and_size()
    {
        using var folder = new TemporaryFolder();
        var clip = SharedFolder.RequireDataset("video/short_hamilton_clip.mp4");

        var run = CliRun.Of("vision", "faces", clip, "--detector", "ultraface", "--max-frames", "12", "--out", folder.File("faces.mp4"),
            "--save-crops", folder.File("crops"), "--no-window", "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.Equal(12, root.GetProperty("frames").GetInt32());
        var counts = root.GetProperty("faceCounts").EnumerateArray().Select(c => c.GetInt32()).ToList();
        // The clip opens on the singer and, at the left, the pianist.
        Assert.Equal(Enumerable.Repeat(2, 12), counts);
        Assert.Equal(24, root.GetProperty("crops").GetInt32());
        Assert.Equal(24, Directory.GetFiles(folder.File("crops")).Length);
        Assert.True(root.GetProperty("averageFps").GetDouble() > 0);
        using var written = VideoSource.Open(folder.File("faces.mp4"));
        Assert.Equal(29.97, written.Fps, 2);
        Assert.Equal(new Size(640, 360), written.FrameSize);
        Assert.Equal(12, written.FrameCount);
    }

    [Fact]
    public void A_camera_that_does_not_exist_is_named_and_nothing_runs()
    {
        if (File.Exists("/dev/video63")) Assert.Skip("this machine has a /dev/video63");

        var run = CliRun.Of("vision", "faces", "--camera", "63", "--detector", "haar");

        Assert.Equal(66, run.ExitCode);
        Assert.Contains("camera 63: no such camera", run.Error);
    }

    [Fact]
    public void Wrong_combinations_are_refused_before_any_work_and_write_nothing()
    {
        using var folder = new TemporaryFolder();
        var photo = SharedFolder.RequireDataset("faces/group/two_people.jpg");
        var clip = SharedFolder.RequireDataset("video/short_hamilton_clip.mp4");

        var neither = CliRun.Of("vision", "faces");
        var nmsForCascade = CliRun.Of("vision", "faces", photo, "--detector", "haar", "--nms", "0.4");
        var videoAsGif = CliRun.Of("vision", "faces", clip, "--out", folder.File("faces.gif"));
        var imageAsVideo = CliRun.Of("vision", "faces", photo, "--out", folder.File("faces.mp4"));
        var unknown = CliRun.Of("vision", "faces", photo, "--detector", "mtcnn");

        Assert.Equal(64, neither.ExitCode);
        Assert.Contains("--camera N", neither.Error);
        Assert.Equal(64, nmsForCascade.ExitCode);
        Assert.Contains("merges overlapping windows", nmsForCascade.Error);
        Assert.Equal(64, videoAsGif.ExitCode);
        Assert.Contains(".mp4", videoAsGif.Error);
        Assert.Equal(64, imageAsVideo.ExitCode);
        Assert.NotEqual(0, unknown.ExitCode);
        Assert.Contains("mtcnn", unknown.Error);
        Assert.Empty(Directory.GetFiles(folder.Path));
    }
}

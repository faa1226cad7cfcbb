using Kiln.Testing;
using OpenCvSharp;

namespace Kiln.Vision.Tests.Faces;

/// <summary>The shared face photographs and a face placed at a known spot, for the detectors' known-answer tests.</summary>
static class FacePhotos
{
    /// <summary>
    /// Faces a person counts in faces/group: Kit Harington with Rose Leslie (2); Biden, Obama and, at the lower right,
    /// a girl looking down (3; the woman cut off at the right edge shows no face); Obama and Biden side by side (2).
    /// </summary>
    public static TheoryData<string, int> GroupCounts => new()
    {
        { "kit_with_rose.jpg", 2 },
        { "obama_and_biden.jpg", 3 },
        { "two_people.jpg", 2 },
    };

    public static Mat Group(string file) => ImageFile.Read(SharedFolder.RequireDataset($"faces/group/{file}"));

    /// <summary>Every single-person portrait in faces/&lt;person&gt;.</summary>
    public static IEnumerable<string> Portraits() =>
        Directory.EnumerateDirectories(SharedFolder.RequireDataset("faces"))
            .Where(folder => Path.GetFileName(folder) != "group")
            .SelectMany(Directory.EnumerateFiles)
            .Order(StringComparer.Ordinal);

    /// <summary>
    /// A grey 640×480 canvas with the head from faces/obama/obama.jpg pasted at (150, 40) at 0.8 of its size. The face
    /// in the photo — hairline to chin, cheek to cheek, as read off the photo — spans (360, 100) to (625, 425); the
    /// crop keeps 40 pixels of hair and ears on each side, so the face lands at <paramref name="face"/>.
    /// </summary>
    public static Mat PastedFace(out Rect2f face)
    {
        using var photo = ImageFile.Read(SharedFolder.RequireDataset("faces/obama/obama.jpg"));
        var head = new Rect(320, 40, 340, 420);
        var faceInPhoto = new Rect(360, 100, 265, 325);
        const float scale = 0.8f;
        var at = new Point(150, 40);
        var canvas = new Mat(480, 640, MatType.CV_8UC3, Scalar.All(128));
        using var crop = new Mat(photo, head);
        using var scaled = new Mat();
        Cv2.Resize(crop, scaled, new Size((int)(head.Width * scale), (int)(head.Height * scale)), 0, 0, InterpolationFlags.Area);
        using (var target = new Mat(canvas, new Rect(at, scaled.Size())))
            scaled.CopyTo(target);
        face = new Rect2f(at.X + (faceInPhoto.X - head.X) * scale, at.Y + (faceInPhoto.Y - head.Y) * scale,
            faceInPhoto.Width * scale, faceInPhoto.Height * scale);
        return canvas;
    }

    /// <summary>The photo scaled (keeping its shape) and padded black at the right and bottom to <paramref name="size"/>, as YuNet's input is.</summary>
    public static Mat Letterboxed(Mat photo, Size size)
    {
        var scale = Math.Min((double)size.Width / photo.Width, (double)size.Height / photo.Height);
        var padded = new Mat(size, MatType.CV_8UC3, Scalar.All(0));
        using var target = new Mat(padded, new Rect(0, 0, (int)Math.Round(photo.Width * scale), (int)Math.Round(photo.Height * scale)));
        Cv2.Resize(photo, target, target.Size());
        return padded;
    }
}

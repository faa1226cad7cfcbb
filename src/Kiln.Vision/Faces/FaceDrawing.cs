using OpenCvSharp;

namespace Kiln.Vision.Faces;

/// <summary>Draws found faces on an image in place: each box with its score on a tab, and the landmarks where there are some.</summary>
public static class FaceDrawing
{
    static readonly Scalar[] LandmarkColors =
    [
        new(255, 0, 0), new(0, 0, 255), new(0, 255, 0), new(255, 0, 255), new(0, 255, 255),
    ];

    public static void Draw(Mat image, IEnumerable<DetectedFace> faces, Scalar? color = null)
    {
        Check.NotEmpty(image);
        ArgumentNullException.ThrowIfNull(faces);
        var boxColor = color ?? new Scalar(0, 200, 0);
        var thickness = Math.Max(2, Math.Max(image.Width, image.Height) / 400);
        foreach (var face in faces)
        {
            var box = face.PixelBox(image.Size());
            if (box.Width == 0 || box.Height == 0) continue;
            Drawing.Box(image, box, boxColor, thickness, ScoreLabel(face.Score));
            if (face.Landmarks is null) continue;
            for (var i = 0; i < face.Landmarks.Count; i++)
                Drawing.Circle(image, new Point(face.Landmarks[i].X, face.Landmarks[i].Y), thickness + 1, LandmarkColors[i % LandmarkColors.Length], -1);
        }
    }

    /// <summary>A network's probability with two decimals; a cascade's count of merged windows as the whole number it is.</summary>
    public static string ScoreLabel(float score) =>
        score == MathF.Floor(score) && score > 1 ? $"face {score:0}" : $"face {score:0.00}";
}

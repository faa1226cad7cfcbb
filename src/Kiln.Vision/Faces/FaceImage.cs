using OpenCvSharp;

namespace Kiln.Vision.Faces;

/// <summary>Brings the images the detectors accept (8-bit grey, BGR or BGRA) to the 8-bit BGR their models take.</summary>
static class FaceImage
{
    /// <summary>A BGR copy of a grey or BGRA image, or null when <paramref name="image"/> is BGR already and can be used as it is.</summary>
    public static Mat? ToBgr(Mat image)
    {
        Check.NotEmpty(image);
        if (image.Depth() != MatType.CV_8U)
            throw new ArgumentException($"face detection needs an 8-bit image, got {image.Type()}", nameof(image));
        return image.Channels() == 3 ? null : Colors.Bgr(image);
    }
}

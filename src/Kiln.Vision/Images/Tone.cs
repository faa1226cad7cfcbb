using OpenCvSharp;

namespace Kiln.Vision;

/// <summary>Brightness, contrast and histogram equalisation. Colour images are equalised on their lightness only, so hues stay.</summary>
public static class Tone
{
    /// <summary>Adds <paramref name="delta"/> (−255 to 255) to every channel, saturating at 0 and 255.</summary>
    public static Mat Brightness(Mat image, double delta)
    {
        Check.NotEmpty(image);
        Check.InRange(delta, -255, 255, nameof(delta));
        return Scale(image, 1, delta);
    }

    /// <summary>Multiplies every channel by <paramref name="factor"/> around mid-grey (128), saturating at 0 and 255.</summary>
    public static Mat Contrast(Mat image, double factor)
    {
        Check.NotEmpty(image);
        Check.InRange(factor, 0, 100, nameof(factor));
        return Scale(image, factor, 128 * (1 - factor));
    }

    /// <summary>Global histogram equalisation (<c>cv2.equalizeHist</c>; on the Y channel of YCrCb for colour images).</summary>
    public static Mat Equalize(Mat image) => OnLightness(image, (source, target) => Cv2.EqualizeHist(source, target));

    /// <summary>Contrast-limited adaptive equalisation over <paramref name="tiles"/> × <paramref name="tiles"/> tiles (CLAHE).</summary>
    public static Mat Clahe(Mat image, double clipLimit = 2, int tiles = 8)
    {
        Check.Positive(clipLimit, nameof(clipLimit));
        if (tiles < 1) throw new ArgumentOutOfRangeException(nameof(tiles), tiles, $"tiles must be at least 1, got {tiles}");
        using var clahe = Cv2.CreateCLAHE(clipLimit, new Size(tiles, tiles));
        return OnLightness(image, (source, target) => clahe.Apply(source, target));
    }

    static Mat Scale(Mat image, double alpha, double beta)
    {
        var scaled = new Mat();
        image.ConvertTo(scaled, image.Type(), alpha, beta);
        return scaled;
    }

    static Mat OnLightness(Mat image, Action<Mat, Mat> equalize)
    {
        Check.NotEmpty(image);
        if (image.Depth() != MatType.CV_8U) throw new ArgumentException("equalisation needs an 8-bit image", nameof(image));
        var result = new Mat();
        if (image.Channels() == 1)
        {
            equalize(image, result);
            return result;
        }
        using var bgr = Colors.Bgr(image);
        using var ycrcb = new Mat();
        Cv2.CvtColor(bgr, ycrcb, ColorConversionCodes.BGR2YCrCb);
        var channels = Cv2.Split(ycrcb);
        try
        {
            using var equalized = new Mat();
            equalize(channels[0], equalized);
            equalized.CopyTo(channels[0]);
            Cv2.Merge(channels, ycrcb);
        }
        finally
        {
            foreach (var channel in channels) channel.Dispose();
        }
        Cv2.CvtColor(ycrcb, result, ColorConversionCodes.YCrCb2BGR);
        return result;
    }
}

using OpenCvSharp;

namespace Kiln.Vision;

/// <summary>Colour conversions from BGR (or grey) images, as <c>cv2.cvtColor</c> does them.</summary>
public static class Colors
{
    /// <summary>Converts a BGR or grey image to <paramref name="space"/>; HSV hue runs 0–179 and Lab is 8-bit scaled, as in OpenCV.</summary>
    public static Mat Convert(Mat image, ColorSpace space)
    {
        Check.NotEmpty(image);
        using var bgr = image.Channels() == 1 && space != ColorSpace.Gray ? Bgr(image) : null;
        var source = bgr ?? image;
        if (source.Channels() != 3 && !(source.Channels() == 1 && space == ColorSpace.Gray))
            throw new ArgumentException($"colour conversion needs a BGR or grey image, got {image.Channels()} channels", nameof(image));
        var converted = new Mat();
        switch (space)
        {
            case ColorSpace.Bgr: source.CopyTo(converted); break;
            case ColorSpace.Rgb: Cv2.CvtColor(source, converted, ColorConversionCodes.BGR2RGB); break;
            case ColorSpace.Hsv: Cv2.CvtColor(source, converted, ColorConversionCodes.BGR2HSV); break;
            case ColorSpace.Lab: Cv2.CvtColor(source, converted, ColorConversionCodes.BGR2Lab); break;
            case ColorSpace.Gray:
                if (source.Channels() == 1) source.CopyTo(converted);
                else Cv2.CvtColor(source, converted, ColorConversionCodes.BGR2GRAY);
                break;
            default: throw new ArgumentOutOfRangeException(nameof(space), space, "unknown colour space");
        }
        return converted;
    }

    /// <summary>A three-channel BGR copy of a grey, BGR or BGRA image, for drawing in colour or showing beside another.</summary>
    public static Mat Bgr(Mat image)
    {
        Check.NotEmpty(image);
        var bgr = new Mat();
        switch (image.Channels())
        {
            case 1: Cv2.CvtColor(image, bgr, ColorConversionCodes.GRAY2BGR); break;
            case 3: image.CopyTo(bgr); break;
            case 4: Cv2.CvtColor(image, bgr, ColorConversionCodes.BGRA2BGR); break;
            default: throw new ArgumentException($"cannot show an image of {image.Channels()} channels as colour", nameof(image));
        }
        return bgr;
    }
}

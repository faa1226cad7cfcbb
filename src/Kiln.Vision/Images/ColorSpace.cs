namespace Kiln.Vision;

/// <summary>The colour spaces an image can be converted to; images are read as BGR, OpenCV's channel order.</summary>
public enum ColorSpace
{
    Bgr,
    Rgb,
    Hsv,
    Lab,
    Gray,
}

using ScottPlot;
using SkiaSharp;

namespace Kiln.Plots;

/// <summary>
/// Small greyscale or colour images in a grid, each enlarged with square pixels and captioned underneath — e.g. test predictions
/// with their label and confidence, highlighted images in green and the others in red.
/// </summary>
public sealed class ImageGallery : Figure
{
    const int Cell = 128;
    const int CaptionHeight = 34;
    const int TitleHeight = 36;
    const float CaptionFontSize = 11;

    readonly GalleryImage[] _images;
    readonly int _columns;

    public ImageGallery(IReadOnlyList<GalleryImage> images, int columns = 8, string? title = null)
        : base(Cell * Math.Max(1, columns), TitleHeight + (Cell + CaptionHeight) * Math.Max(1, (images.Count + Math.Max(1, columns) - 1) / Math.Max(1, columns)))
    {
        if (columns < 1) throw new ArgumentOutOfRangeException(nameof(columns), columns, "a gallery needs at least one column");
        foreach (var image in images) image.Check();
        _images = [.. images];
        _columns = columns;
        Title = title;
    }

    public string? Title { get; }

    internal override void Draw(SKCanvas canvas, PixelRect area)
    {
        var scale = Math.Min(area.Width / Width, area.Height / Height);
        canvas.Save();
        canvas.Translate(area.Left, area.Top);
        canvas.Scale(scale);
        using var titleFont = new SKFont(ChartFont.Typeface(bold: true), 16);
        using var captionFont = new SKFont(ChartFont.Typeface(bold: false), CaptionFontSize);
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var good = new SKPaint { Color = new SKColor(0x1a, 0x7f, 0x37), IsAntialias = true };
        using var bad = new SKPaint { Color = new SKColor(0xcf, 0x22, 0x2e), IsAntialias = true };
        if (!string.IsNullOrEmpty(Title)) canvas.DrawText(Title, Width / 2f, TitleHeight * 0.7f, SKTextAlign.Center, titleFont, ink);
        for (var i = 0; i < _images.Length; i++)
        {
            var image = _images[i];
            var (left, top) = (i % _columns * Cell, TitleHeight + i / _columns * (Cell + CaptionHeight));
            var side = Cell - 16;
            var pixel = Math.Max(1, side / Math.Max(image.Height, image.Width));
            var (drawnWidth, drawnHeight) = (pixel * image.Width, pixel * image.Height);
            using var bitmap = Bitmap(image);
            var target = SKRect.Create(left + (Cell - drawnWidth) / 2f, top + (Cell - drawnHeight) / 2f, drawnWidth, drawnHeight);
            using var picture = SKImage.FromBitmap(bitmap);
            canvas.DrawImage(picture, target, new SKSamplingOptions(SKFilterMode.Nearest));
            var paint = image.Highlight ? good : bad;
            canvas.DrawText(Fitted(image.Caption, captionFont), left + Cell / 2f, top + Cell + 12, SKTextAlign.Center, captionFont, paint);
            canvas.DrawText(Fitted(image.Detail, captionFont), left + Cell / 2f, top + Cell + 26, SKTextAlign.Center, captionFont, ink);
        }
        canvas.Restore();
    }

    /// <summary>The text, cut short with an ellipsis when it is wider than a cell, so neighbouring captions do not overlap.</summary>
    static string Fitted(string text, SKFont font)
    {
        const float room = Cell - 6;
        if (font.MeasureText(text) <= room) return text;
        var length = text.Length;
        while (length > 1 && font.MeasureText(text[..length] + "…") > room) length--;
        return text[..length] + "…";
    }

    static SKBitmap Bitmap(GalleryImage image)
    {
        if (image.Channels == 1)
        {
            var grey = new SKBitmap(new SKImageInfo(image.Width, image.Height, SKColorType.Gray8, SKAlphaType.Opaque));
            System.Runtime.InteropServices.Marshal.Copy(image.Pixels, 0, grey.GetPixels(), image.Pixels.Length);
            return grey;
        }
        var rgba = new byte[image.Width * image.Height * 4];
        for (var i = 0; i < image.Width * image.Height; i++)
        {
            image.Pixels.AsSpan(3 * i, 3).CopyTo(rgba.AsSpan(4 * i, 3));
            rgba[4 * i + 3] = 255;
        }
        var colour = new SKBitmap(new SKImageInfo(image.Width, image.Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        System.Runtime.InteropServices.Marshal.Copy(rgba, 0, colour.GetPixels(), rgba.Length);
        return colour;
    }
}

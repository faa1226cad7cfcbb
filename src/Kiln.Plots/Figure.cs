using Kiln.Data;
using System.Text;
using ScottPlot;
using SkiaSharp;

namespace Kiln.Plots;

/// <summary>
/// Anything that draws into one image: a single <see cref="Chart"/> or a <see cref="ChartGrid"/> of them.
/// Renders headless to PNG bytes or SVG text, and saves either by file extension.
/// </summary>
public abstract class Figure
{
    /// <summary>The largest width or height accepted, in pixels; far beyond any screen, small enough to stay in memory.</summary>
    public const int MaximumSize = 16_000;

    int _width;
    int _height;

    private protected Figure(int width, int height)
    {
        Width = width;
        Height = height;
    }

    /// <summary>Width in pixels used when a render or save call gives none.</summary>
    public int Width
    {
        get => _width;
        set => _width = CheckSize(value, nameof(Width));
    }

    /// <summary>Height in pixels used when a render or save call gives none.</summary>
    public int Height
    {
        get => _height;
        set => _height = CheckSize(value, nameof(Height));
    }

    public byte[] ToPng() => ToPng(Width, Height);

    public byte[] ToPng(int width, int height)
    {
        CheckSize(width, nameof(width));
        CheckSize(height, nameof(height));
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException($"could not allocate a {width}×{height} drawing surface");
        surface.Canvas.Clear(SKColors.White);
        Draw(surface.Canvas, new PixelRect(0, width, height, 0));
        surface.Canvas.Flush();
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    public string ToSvg() => ToSvg(Width, Height);

    public string ToSvg(int width, int height)
    {
        CheckSize(width, nameof(width));
        CheckSize(height, nameof(height));
        using var stream = new MemoryStream();
        // The SVG canvas writes its closing tags only when disposed, so it is disposed before the stream is read.
        using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, width, height), stream))
            Draw(canvas, new PixelRect(0, width, height, 0));
        return SvgMarkup.Finish(Encoding.UTF8.GetString(stream.ToArray()), width, height);
    }

    public void SavePng(string path) => SavePng(path, Width, Height);

    public void SavePng(string path, int width, int height) => AtomicFile.WriteAllBytes(path, ToPng(width, height));

    public void SaveSvg(string path) => SaveSvg(path, Width, Height);

    public void SaveSvg(string path, int width, int height) => AtomicFile.WriteAllText(path, ToSvg(width, height));

    /// <summary>Saves as PNG or SVG, chosen by the file extension (.png or .svg).</summary>
    public void Save(string path) => Save(path, Width, Height);

    public void Save(string path, int width, int height)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var extension = Path.GetExtension(path);
        switch (extension.ToLowerInvariant())
        {
            case ".png":
                SavePng(path, width, height);
                break;
            case ".svg":
                SaveSvg(path, width, height);
                break;
            default:
                var named = extension.Length == 0 ? "a file name without an extension" : $"'{extension}' files";
                throw new ArgumentException($"cannot save a chart as {named} ({path}); end the file name in .png or .svg", nameof(path));
        }
    }

    /// <summary>Draws the whole figure into the given area of a raster or SVG canvas.</summary>
    internal abstract void Draw(SKCanvas canvas, PixelRect area);

    static int CheckSize(int pixels, string name) => pixels is >= 1 and <= MaximumSize
        ? pixels
        : throw new ArgumentOutOfRangeException(name, pixels, $"{name} must be between 1 and {MaximumSize} pixels");
}

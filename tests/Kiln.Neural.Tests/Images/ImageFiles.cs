using SkiaSharp;

namespace Kiln.Neural.Tests.Images;

/// <summary>Small image files written for tests, and class folders of them.</summary>
static class ImageFiles
{
    /// <summary>Writes a PNG (or JPEG, by extension) whose pixel (x, y) has the colour <paramref name="colour"/> gives.</summary>
    public static string Write(string path, int width, int height, Func<int, int, (byte R, byte G, byte B)> colour)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
            {
                var (r, g, b) = colour(x, y);
                bitmap.SetPixel(x, y, new SKColor(r, g, b));
            }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var format = path.EndsWith(".jpg", StringComparison.OrdinalIgnoreCase) ? SKEncodedImageFormat.Jpeg : SKEncodedImageFormat.Png;
        using var data = bitmap.Encode(format, 95);
        File.WriteAllBytes(path, data.ToArray());
        return path;
    }

    public static string Grey(string path, int width, int height, Func<int, int, byte> value) =>
        Write(path, width, height, (x, y) => { var v = value(x, y); return (v, v, v); });

    /// <summary>A folder with one sub-folder per class, holding <c>counts[c]</c> images whose grey level is the class's (40 · (c + 1)).</summary>
    public static string Folder(string root, IReadOnlyDictionary<string, int> counts, int size = 8)
    {
        var c = 0;
        foreach (var (name, count) in counts.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var level = (byte)(40 * ++c);
            for (var i = 0; i < count; i++) Grey(Path.Combine(root, name, $"{i:D3}.png"), size, size, (_, _) => level);
        }
        return root;
    }
}

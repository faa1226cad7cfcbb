using SkiaSharp;

namespace Kiln.Plots.Tests;

/// <summary>A PNG checked for its signature and decoded, so tests can look at its size and pixels.</summary>
sealed class DecodedPng
{
    static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    DecodedPng(int width, int height, SKColor[] pixels)
    {
        Width = width;
        Height = height;
        Pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    public SKColor[] Pixels { get; }

    public static DecodedPng From(byte[] bytes)
    {
        Assert.True(bytes.AsSpan().StartsWith(Signature), "the bytes do not start with the PNG signature");
        using var bitmap = SKBitmap.Decode(bytes);
        Assert.NotNull(bitmap);
        return new DecodedPng(bitmap.Width, bitmap.Height, bitmap.Pixels);
    }

    public int DistinctColorCount => Pixels.Distinct().Count();

    public double FractionNotWhite => Pixels.Count(pixel => pixel != SKColors.White) / (double)Pixels.Length;

    /// <summary>Whether some pixel is within a small tolerance of the colour (antialiasing blends edges, not interiors).</summary>
    public bool Contains(string hex)
    {
        var wanted = ChartColor.Parse(hex);
        return Pixels.Any(pixel =>
            Math.Abs(pixel.Red - wanted.Red) <= 3 && Math.Abs(pixel.Green - wanted.Green) <= 3 && Math.Abs(pixel.Blue - wanted.Blue) <= 3);
    }
}

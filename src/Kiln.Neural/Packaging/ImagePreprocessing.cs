namespace Kiln.Neural.Packaging;

/// <summary>
/// How raw pixels become a network's input, recorded in its package so prediction prepares images as training did:
/// each value times <see cref="Scale"/> plus <see cref="Offset"/> (1/255 and 0 map bytes to [0, 1]), the colour mode
/// and the image size the network was trained on.
/// </summary>
public sealed record ImagePreprocessing
{
    /// <summary>Bytes 0–255 to [0, 1], greyscale: what MNIST-style training uses.</summary>
    public static ImagePreprocessing UnitGrayscale(int height, int width) => new() { Scale = 1.0 / 255, ColorMode = "grayscale", Height = height, Width = width };

    /// <summary>
    /// Bytes 0–255 to [0, 1] for images that fill rows of <paramref name="rowShape"/> (a network's input shape):
    /// [1 or 3, height, width] is a grayscale or RGB image, [height, width] a grayscale one, and [n] a square grayscale
    /// image of n pixels. Any other shape is an error saying what to write instead.
    /// </summary>
    public static ImagePreprocessing ForRows(IReadOnlyList<long> rowShape)
    {
        switch (rowShape)
        {
            case [var channels, > 0 and var height, > 0 and var width] when channels is 1 or 3:
                return new() { Scale = 1.0 / 255, ColorMode = channels == 3 ? "rgb" : "grayscale", Height = (int)height, Width = (int)width };
            case [> 0 and var height, > 0 and var width]:
                return UnitGrayscale((int)height, (int)width);
            case [> 0 and var length] when (long)Math.Sqrt(length) is var side && side * side == length:
                return UnitGrayscale((int)side, (int)side);
        }
        throw new ArgumentException(
            $"an input shape of [{string.Join(", ", rowShape)}] does not say what images the network takes; use [channels, height, width] with 1 (grayscale) or 3 (rgb) channels, or [height, width]");
    }

    public double Scale { get; init; } = 1;

    public double Offset { get; init; }

    /// <summary>"grayscale" (one channel) or "rgb" (three).</summary>
    public string ColorMode { get; init; } = "grayscale";

    /// <summary>1 for grayscale, 3 for rgb: the first dimension of a channels-first image.</summary>
    public int Channels => ColorMode == "rgb" ? 3 : 1;

    public int? Height { get; init; }

    public int? Width { get; init; }

    /// <summary>
    /// The shape each image takes as a network's input row: <paramref name="rowShape"/> when it holds exactly one image
    /// (e.g. [784] for a dense network over 28×28 grey images), channels × height × width when it is null.
    /// </summary>
    public long[] RowShape(IReadOnlyList<long>? rowShape = null)
    {
        Check();
        var length = Images.ImageFile.Length(this);
        long[] imageShape = [Channels, Height!.Value, Width!.Value];
        long[] shape = rowShape is null ? imageShape : [.. rowShape];
        if (shape.Aggregate(1L, (a, b) => a * b) != length)
            throw new ArgumentException(
                $"rows of shape [{string.Join(", ", shape)}] do not hold one {ColorMode} {Height}×{Width} image ([{string.Join(", ", imageShape)}], {length} values)", nameof(rowShape));
        return shape;
    }

    /// <summary>Raw pixel values to model inputs, in place: value · scale + offset.</summary>
    public void Apply(Span<float> values)
    {
        var (scale, offset) = ((float)Scale, (float)Offset);
        for (var i = 0; i < values.Length; i++) values[i] = values[i] * scale + offset;
    }

    internal void Check()
    {
        if (!double.IsFinite(Scale) || !double.IsFinite(Offset)) throw new ArgumentException($"preprocessing: scale {Scale} and offset {Offset} must be finite numbers");
        if (ColorMode is not ("grayscale" or "rgb")) throw new ArgumentException($"preprocessing: colour mode '{ColorMode}' is not grayscale or rgb");
        if (Height < 1 || Width < 1) throw new ArgumentException($"preprocessing: image size {Height}×{Width} must be at least 1×1");
    }
}

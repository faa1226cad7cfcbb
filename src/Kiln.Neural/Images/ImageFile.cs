using Kiln.Data;
using Kiln.Neural.Packaging;
using SkiaSharp;

namespace Kiln.Neural.Images;

/// <summary>
/// Reads an image file (PNG, JPEG, BMP, GIF, WebP …) into a network's input: decoded, resized bilinearly to the
/// preprocessing's size without keeping the aspect ratio (Keras' image_dataset_from_directory does the same), reduced
/// to grey (ITU-R 601 luma, rounded as PIL does) or kept as RGB without alpha, laid out channels first, and scaled.
/// </summary>
public static class ImageFile
{
    /// <summary>One image's values, channels × height × width, preprocessed.</summary>
    public static float[] Read(string path, ImagePreprocessing preprocessing)
    {
        var values = new float[Length(preprocessing)];
        Read(path, preprocessing, values);
        return values;
    }

    /// <summary>Writes one image's values into <paramref name="destination"/>, which holds channels × height × width values.</summary>
    public static void Read(string path, ImagePreprocessing preprocessing, Span<float> destination)
    {
        if (!File.Exists(path)) throw new FileNotFoundException(Directory.Exists(path) ? $"{path} is a folder, not an image file" : $"{path}: no such file", path);
        using var stream = File.OpenRead(path);
        Read(stream, path, preprocessing, destination);
    }

    /// <summary>
    /// Writes the values of the encoded image in <paramref name="stream"/> (an upload, say) into
    /// <paramref name="destination"/>, exactly as a file of the same bytes would be read; <paramref name="name"/> starts every error.
    /// </summary>
    public static void Read(Stream stream, string name, ImagePreprocessing preprocessing, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var (height, width) = Size(preprocessing);
        var channels = preprocessing.Channels;
        if (destination.Length != channels * height * width)
            throw new ArgumentException($"the destination holds {destination.Length} values, not {channels}×{height}×{width}", nameof(destination));
        using var decoded = Decode(stream, name);
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var resized = new SKBitmap(info);
        if (!decoded.ScalePixels(resized, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None)))
            throw new DataFormatException(name, null, null, $"the {decoded.Width}×{decoded.Height} image could not be resized to {width}×{height}");
        var pixels = resized.GetPixelSpan();
        var plane = height * width;
        for (var i = 0; i < plane; i++)
        {
            var (r, g, b) = (pixels[4 * i], pixels[4 * i + 1], pixels[4 * i + 2]);
            if (channels == 1)
                destination[i] = MathF.Round((r * 299 + g * 587 + b * 114) / 1000f, MidpointRounding.AwayFromZero);
            else
            {
                destination[i] = r;
                destination[plane + i] = g;
                destination[2 * plane + i] = b;
            }
        }
        preprocessing.Apply(destination);
    }

    /// <summary>
    /// The width and height of the encoded image in <paramref name="stream"/>, read from its header without decoding
    /// the pixels: to refuse an image too large to decode before decoding it. The stream is left where it was.
    /// </summary>
    public static (int Width, int Height) Measure(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var start = stream.Position;
        try
        {
            using var codec = Codec(stream, name);
            return (codec.Info.Width, codec.Info.Height);
        }
        finally
        {
            stream.Position = start;
        }
    }

    /// <summary>How many values one image has under the preprocessing: channels × height × width.</summary>
    public static int Length(ImagePreprocessing preprocessing)
    {
        var (height, width) = Size(preprocessing);
        return preprocessing.Channels * height * width;
    }

    static (int Height, int Width) Size(ImagePreprocessing preprocessing) => preprocessing is { Height: { } h, Width: { } w } && h > 0 && w > 0
        ? (h, w)
        : throw new ArgumentException("reading image files needs the preprocessing's image size (height and width)", nameof(preprocessing));

    static SKCodec Codec(Stream stream, string name)
    {
        // SkiaSharp's codec takes the stream over and disposes it, so it reads a wrapper that leaves the caller's stream open
        var codec = SKCodec.Create(new SKManagedStream(stream, disposeManagedStream: false), out var result);
        return codec ?? throw new DataFormatException(name, null, null, $"not a readable image ({Describe(result)}); Kiln reads PNG, JPEG, BMP, GIF, WebP and ICO files");
    }

    static SKBitmap Decode(Stream stream, string name)
    {
        using var codec = Codec(stream, name);
        var bitmap = new SKBitmap(codec.Info.WithColorType(SKColorType.Rgba8888).WithAlphaType(SKAlphaType.Unpremul));
        var decoded = codec.GetPixels(bitmap.Info, bitmap.GetPixels());
        if (decoded == SKCodecResult.Success) return bitmap;
        bitmap.Dispose();
        throw new DataFormatException(name, null, null, $"the image data is damaged ({Describe(decoded)})");
    }

    static string Describe(SKCodecResult result) => result switch
    {
        SKCodecResult.IncompleteInput or SKCodecResult.ErrorInInput => "the file is truncated or damaged",
        SKCodecResult.Unimplemented => "an image format Kiln cannot decode",
        _ => $"the decoder says {result}",
    };
}

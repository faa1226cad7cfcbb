using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using Kiln.Data;
using Kiln.Neural.Images;
using Kiln.Neural.Packaging;

namespace Kiln.Serving;

/// <summary>
/// Uploaded images decoded for one image model, each as the network's input row, with what the prediction log keeps of
/// each in place of its pixels: the file's name, its size in bytes, its SHA-256 and the image's own width and height.
/// </summary>
public sealed class ImageBatch
{
    ImageBatch(float[] values, IReadOnlyList<string> names, Frame files) => (Values, Names, Files) = (values, names, files);

    /// <summary>Checks the uploads against <paramref name="limits"/>, then decodes and prepares each as <paramref name="preprocessing"/> says.</summary>
    internal static ImageBatch Read(IReadOnlyList<ImageUpload> uploads, ImagePreprocessing preprocessing, ImageLimits limits)
    {
        ArgumentNullException.ThrowIfNull(uploads);
        if (uploads.Count == 0) throw new InvalidImageException("", "the request holds no image: send image files as multipart/form-data, or one image/png or image/jpeg body");
        if (uploads.Count > limits.MaxFiles)
            throw new ImageTooLargeException(null, $"the request holds {uploads.Count} images; at most {limits.MaxFiles} are predicted per request");
        foreach (var upload in uploads)
            if (upload.Content.LongLength > limits.MaxFileBytes)
                throw new ImageTooLargeException(upload.Name, $"{upload.Name}: {upload.Content.LongLength:N0} bytes; an image file may be at most {limits.MaxFileBytes:N0} bytes");
        var length = ImageFile.Length(preprocessing);
        var values = new float[uploads.Count * length];
        var (widths, heights, hashes) = (new long[uploads.Count], new long[uploads.Count], new string?[uploads.Count]);
        var errors = new Exception?[uploads.Count];
        Parallel.For(0, uploads.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var upload = uploads[i];
            try
            {
                using var stream = new MemoryStream(upload.Content, writable: false);
                var (width, height) = ImageFile.Measure(stream, upload.Name);
                if ((long)width * height > limits.MaxPixels)
                    throw new ImageTooLargeException(upload.Name, $"{upload.Name}: a {width}×{height} image; images of at most {limits.MaxPixels:N0} pixels are decoded");
                ImageFile.Read(stream, upload.Name, preprocessing, values.AsSpan(i * length, length));
                (widths[i], heights[i], hashes[i]) = (width, height, Convert.ToHexStringLower(SHA256.HashData(upload.Content)));
            }
            catch (DataFormatException error)
            {
                errors[i] = new InvalidImageException(upload.Name, error.Message);
            }
            catch (ImageTooLargeException error)
            {
                errors[i] = error;
            }
        });
        // the first bad file in upload order
        if (errors.FirstOrDefault(e => e is not null) is { } first) ExceptionDispatchInfo.Capture(first).Throw();
        string[] names = [.. uploads.Select(u => u.Name)];
        var files = new Frame(
            new StringColumn("file", names),
            new Int64Column("bytes", [.. uploads.Select(u => u.Content.LongLength)]),
            new StringColumn("sha256", hashes),
            new Int64Column("width", widths),
            new Int64Column("height", heights));
        return new ImageBatch(values, names, files);
    }

    /// <summary>The prepared pixels, image after image, each as long as the network's input row.</summary>
    internal float[] Values { get; }

    /// <summary>One row per image — file, bytes, sha256, width, height — as predictions are logged.</summary>
    public Frame Files { get; }

    public int Count => Files.RowCount;

    /// <summary>The name of each image, in order.</summary>
    public IReadOnlyList<string> Names { get; }
}

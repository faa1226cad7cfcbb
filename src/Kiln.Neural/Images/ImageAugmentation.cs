using System.Globalization;
using Kiln.Data;
using TorchSharp;

namespace Kiln.Neural.Images;

/// <summary>
/// Random changes to training images, drawn afresh for every image of every batch (Keras' ImageDataGenerator): flips,
/// and rotation, shift, zoom and shear in one affine warp (sampled bilinearly), then brightness and contrast. Each
/// range is symmetric about no change; a range of zero leaves that property alone, and all zeros leave images as
/// they are. Values are not clipped, so they work for any pixel scaling.
/// </summary>
public sealed record ImageAugmentation
{
    static readonly string[] Keys = ["flip", "rotation", "shift", "width-shift", "height-shift", "zoom", "shear", "brightness", "contrast", "fill"];

    /// <summary>Mirror half the images left to right.</summary>
    public bool HorizontalFlip { get; init; }

    /// <summary>Mirror half the images top to bottom.</summary>
    public bool VerticalFlip { get; init; }

    /// <summary>Rotate by an angle drawn from ±this many degrees (0–180).</summary>
    public double Rotation { get; init; }

    /// <summary>Shift sideways by up to ± this fraction of the width (0–1).</summary>
    public double WidthShift { get; init; }

    /// <summary>Shift up or down by up to ± this fraction of the height (0–1).</summary>
    public double HeightShift { get; init; }

    /// <summary>Scale each axis by a factor drawn from [1 − zoom, 1 + zoom] (0–1, exclusive of 1); factors over 1 zoom out.</summary>
    public double Zoom { get; init; }

    /// <summary>Shear by an angle drawn from ± this many degrees (0–89).</summary>
    public double Shear { get; init; }

    /// <summary>Multiply the values by a factor drawn from [1 − brightness, 1 + brightness] (0–1), as ImageDataGenerator's brightness_range.</summary>
    public double Brightness { get; init; }

    /// <summary>Scale each channel's distance from its mean by a factor drawn from [1 − contrast, 1 + contrast] (0–1), as Keras' RandomContrast.</summary>
    public double Contrast { get; init; }

    /// <summary>What fills the area a warp uncovers.</summary>
    public FillMode Fill { get; init; } = FillMode.Nearest;

    /// <summary>Whether every setting is off, so images pass unchanged.</summary>
    public bool IsIdentity => !HorizontalFlip && !VerticalFlip && !IsWarp && Brightness == 0 && Contrast == 0;

    bool IsWarp => Rotation != 0 || WidthShift != 0 || HeightShift != 0 || Zoom != 0 || Shear != 0;

    /// <summary>
    /// Reads settings written as <c>key=value</c> pairs separated by ';': <c>flip</c> (horizontal, vertical, both or
    /// none), <c>rotation</c> and <c>shear</c> in degrees, <c>shift</c> (both axes), <c>width-shift</c>,
    /// <c>height-shift</c>, <c>zoom</c>, <c>brightness</c>, <c>contrast</c> as fractions, and <c>fill</c> (nearest,
    /// constant or reflect). An unknown key or a bad value is an error naming it.
    /// </summary>
    public static ImageAugmentation Parse(string text)
    {
        var augmentation = new ImageAugmentation();
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=');
            if (equals <= 0) throw new ArgumentException($"'{part}' is not key=value; keys: {string.Join(", ", Keys)}");
            var (key, value) = (part[..equals].Trim().ToLowerInvariant(), part[(equals + 1)..].Trim());
            augmentation = key switch
            {
                "flip" => value.ToLowerInvariant() switch
                {
                    "horizontal" => augmentation with { HorizontalFlip = true },
                    "vertical" => augmentation with { VerticalFlip = true },
                    "both" => augmentation with { HorizontalFlip = true, VerticalFlip = true },
                    "none" => augmentation with { HorizontalFlip = false, VerticalFlip = false },
                    _ => throw new ArgumentException($"'flip' is '{value}'; give horizontal, vertical, both or none"),
                },
                "rotation" => augmentation with { Rotation = Number(key, value) },
                "shift" => augmentation with { WidthShift = Number(key, value), HeightShift = Number(key, value) },
                "width-shift" => augmentation with { WidthShift = Number(key, value) },
                "height-shift" => augmentation with { HeightShift = Number(key, value) },
                "zoom" => augmentation with { Zoom = Number(key, value) },
                "shear" => augmentation with { Shear = Number(key, value) },
                "brightness" => augmentation with { Brightness = Number(key, value) },
                "contrast" => augmentation with { Contrast = Number(key, value) },
                "fill" => augmentation with
                {
                    Fill = Enum.TryParse<FillMode>(value, ignoreCase: true, out var fill) && !int.TryParse(value, out _) ? fill
                        : throw new ArgumentException($"'fill' is '{value}'; give nearest, constant or reflect"),
                },
                _ => throw new ArgumentException($"'{key}' is not an augmentation setting; use {string.Join(", ", Keys)}"),
            };
        }
        augmentation.Check();
        return augmentation;
    }

    static double Number(string key, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) ? number
            : throw new ArgumentException($"'{key}' is '{value}', not a number");

    /// <summary>Checks every range, naming the first that is out of bounds.</summary>
    public void Check()
    {
        Range(nameof(Rotation), Rotation, 180, inclusive: true);
        Range(nameof(WidthShift), WidthShift, 1, inclusive: false);
        Range(nameof(HeightShift), HeightShift, 1, inclusive: false);
        Range(nameof(Zoom), Zoom, 1, inclusive: false);
        Range(nameof(Shear), Shear, 90, inclusive: false);
        Range(nameof(Brightness), Brightness, 1, inclusive: true);
        Range(nameof(Contrast), Contrast, 1, inclusive: true);
        if (!Enum.IsDefined(Fill)) throw new ArgumentOutOfRangeException(nameof(Fill), Fill, "fill must be nearest, constant or reflect");

        static void Range(string name, double value, double limit, bool inclusive)
        {
            // named as the text form writes it (width-shift), which reads as well beside the property name
            var key = string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
            if (!(value >= 0) || value > limit || (!inclusive && value == limit))
                throw new ArgumentOutOfRangeException(name, value,
                    $"{key} is {value.ToString(CultureInfo.InvariantCulture)}; it must be from 0 to {limit.ToString(CultureInfo.InvariantCulture)}{(inclusive ? "" : " (excluded)")}");
        }
    }

    /// <summary>
    /// A randomly changed copy of <paramref name="images"/> ([count, channels, height, width]), drawn from
    /// <paramref name="seed"/> alone.
    /// </summary>
    internal torch.Tensor Apply(torch.Tensor images, long seed)
    {
        if (images.dim() != 4) throw new ArgumentException($"augmentation takes images [count, channels, height, width], not [{string.Join(", ", images.shape)}]", nameof(images));
        var count = (int)images.shape[0];
        // ten uniform draws per image, one per property, so each property's draw stays put when others are switched on
        var draws = new double[count * 10];
        new RandomArrays(seed).Uniform([count, 10], 0.0, 1.0).FlattenTo(draws);
        double Draw(int image, int which, double range) => range * (2 * draws[image * 10 + which] - 1);

        var result = images;
        if (HorizontalFlip) result = Flip(result, Enumerable.Range(0, count).Select(i => draws[i * 10] < 0.5), 3);
        if (VerticalFlip) result = Flip(result, Enumerable.Range(0, count).Select(i => draws[i * 10 + 1] < 0.5), 2);
        if (IsWarp)
        {
            var warps = new AffineWarp[count];
            for (var i = 0; i < count; i++)
                warps[i] = new AffineWarp(Draw(i, 2, Rotation), Draw(i, 3, Shear), 1 + Draw(i, 4, Zoom), 1 + Draw(i, 5, Zoom),
                    Draw(i, 6, WidthShift) * images.shape[3], Draw(i, 7, HeightShift) * images.shape[2]);
            result = Warp(result, warps, Fill);
        }
        if (Brightness != 0)
            result = result * Factors(count, i => 1 + Draw(i, 8, Brightness));
        if (Contrast != 0)
        {
            var mean = result.mean([2, 3], keepdim: true);
            result = (result - mean) * Factors(count, i => 1 + Draw(i, 9, Contrast)) + mean;
        }
        return ReferenceEquals(result, images) ? images.clone() : result;
    }

    /// <summary>
    /// Each image sampled through its warp, by pixel-centre coordinates measured from the image centre: output pixel p
    /// shows input point R(rotation) · Shear · Zoom · p + shift.
    /// </summary>
    internal static torch.Tensor Warp(torch.Tensor images, IReadOnlyList<AffineWarp> warps, FillMode fill)
    {
        var (height, width) = (images.shape[2], images.shape[3]);
        var theta = new float[warps.Count * 6];
        for (var i = 0; i < warps.Count; i++)
        {
            var (a, b, c, d) = warps[i].Matrix();
            // pixel coordinates to grid_sample's [-1, 1] ones (align_corners false): x_pixels = x · width / 2
            theta[6 * i] = (float)a;
            theta[6 * i + 1] = (float)(b * height / width);
            theta[6 * i + 2] = (float)(2 * warps[i].ShiftX / width);
            theta[6 * i + 3] = (float)(c * width / height);
            theta[6 * i + 4] = (float)d;
            theta[6 * i + 5] = (float)(2 * warps[i].ShiftY / height);
        }
        using var matrices = torch.tensor(theta, [warps.Count, 2, 3]);
        using var grid = torch.nn.functional.affine_grid(matrices, [.. images.shape], align_corners: false);
        var padding = fill switch
        {
            FillMode.Constant => torch.GridSamplePaddingMode.Zeros,
            FillMode.Reflect => torch.GridSamplePaddingMode.Reflection,
            _ => torch.GridSamplePaddingMode.Border,
        };
        return torch.nn.functional.grid_sample(images, grid, torch.GridSampleMode.Bilinear, padding, align_corners: false);
    }

    static torch.Tensor Flip(torch.Tensor images, IEnumerable<bool> which, long dimension)
    {
        var mask = which.ToArray();
        if (!mask.Contains(true)) return images;
        using var chosen = torch.tensor(mask).reshape(mask.Length, 1, 1, 1);
        using var flipped = images.flip(dimension);
        return torch.where(chosen, flipped, images);
    }

    static torch.Tensor Factors(int count, Func<int, double> factor) =>
        torch.tensor(Enumerable.Range(0, count).Select(i => (float)factor(i)).ToArray()).reshape(count, 1, 1, 1);
}

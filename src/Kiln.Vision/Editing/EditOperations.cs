using OpenCvSharp;

namespace Kiln.Vision.Editing;

/// <summary>Every operation the image tool knows, by name: geometry, colour, filters, edges, thresholds, morphology, tone and drawing.</summary>
public static class EditOperations
{
    public static IReadOnlyList<EditOperation> All { get; } =
    [
        new("resize", ["width", "height"], 2, "resize to width × height pixels", (m, a) => Geometry.Resize(m, a.Integer(0), a.Integer(1))),
        new("scale", ["factor"], 1, "scale both sides by a factor", (m, a) => Geometry.Scale(m, a.Number(0))),
        new("crop", ["x", "y", "width", "height"], 4, "keep the rectangle at x,y of width × height",
            (m, a) => Geometry.Crop(m, new Rect(a.Integer(0), a.Integer(1), a.Integer(2), a.Integer(3)))),
        new("rotate", ["degrees"], 1, "rotate counter-clockwise about the centre, growing the canvas to fit", (m, a) => Geometry.Rotate(m, a.Number(0))),
        new("flip", ["h|v|both"], 0, "mirror left to right (h, the default), top to bottom (v) or both", (m, a) => Geometry.Flip(m, FlipModeOf(a))),
        new("gray", [], 0, "convert to grey", (m, _) => Colors.Convert(m, ColorSpace.Gray)),
        new("hsv", [], 0, "convert BGR to HSV (hue 0–179)", (m, _) => Colors.Convert(m, ColorSpace.Hsv)),
        new("lab", [], 0, "convert BGR to CIE L*a*b*", (m, _) => Colors.Convert(m, ColorSpace.Lab)),
        new("rgb", [], 0, "swap BGR to RGB channel order", (m, _) => Colors.Convert(m, ColorSpace.Rgb)),
        new("blur", ["kernel"], 0, "Gaussian blur with an odd kernel (default 5)", (m, a) => Filters.GaussianBlur(m, a.Integer(0, 5))),
        new("median", ["kernel"], 0, "median blur with an odd kernel (default 5)", (m, a) => Filters.MedianBlur(m, a.Integer(0, 5))),
        new("bilateral", ["diameter", "sigma-color", "sigma-space"], 0, "edge-preserving bilateral filter (9, 75, 75)",
            (m, a) => Filters.BilateralBlur(m, a.Integer(0, 9), a.Number(1, 75), a.Number(2, 75))),
        new("sharpen", ["amount"], 0, "unsharp mask (amount 1)", (m, a) => Filters.Sharpen(m, a.Number(0, 1))),
        new("canny", ["low", "high"], 0, "Canny edges (100, 200)", (m, a) => Edges.Canny(m, a.Number(0, 100), a.Number(1, 200))),
        new("sobel", ["kernel"], 0, "Sobel gradient magnitude (kernel 3)", (m, a) => Edges.Sobel(m, a.Integer(0, 3))),
        new("laplacian", ["kernel"], 0, "absolute Laplacian (kernel 3)", (m, a) => Edges.Laplacian(m, a.Integer(0, 3))),
        new("threshold", ["level"], 1, "white above a grey level (0–255)", (m, a) => Thresholds.Binary(m, a.Number(0))),
        new("otsu", [], 0, "Otsu's automatic threshold", (m, _) => Thresholds.Otsu(m).Image),
        new("adaptive", ["block", "offset"], 0, "adaptive Gaussian threshold (block 11, offset 2)",
            (m, a) => Thresholds.Adaptive(m, a.Integer(0, 11), a.Number(1, 2))),
        Morph("erode", MorphTypes.Erode, "shrink white regions"),
        Morph("dilate", MorphTypes.Dilate, "grow white regions"),
        Morph("open", MorphTypes.Open, "erode then dilate: removes specks"),
        Morph("close", MorphTypes.Close, "dilate then erode: fills holes"),
        Morph("gradient", MorphTypes.Gradient, "dilation minus erosion: outlines"),
        new("equalize", [], 0, "histogram equalisation (on lightness for colour)", (m, _) => Tone.Equalize(m)),
        new("clahe", ["clip", "tiles"], 0, "contrast-limited adaptive equalisation (clip 2, 8 × 8 tiles)",
            (m, a) => Tone.Clahe(m, a.Number(0, 2), a.Integer(1, 8))),
        new("brightness", ["delta"], 1, "add delta (−255 to 255) to every channel", (m, a) => Tone.Brightness(m, a.Number(0))),
        new("contrast", ["factor"], 1, "stretch around mid-grey by a factor", (m, a) => Tone.Contrast(m, a.Number(0))),
        new("box", ["x", "y", "width", "height", "color"], 4, "draw a rectangle (green)",
            (m, a) => Drawn(m, c => Drawing.Box(c, new Rect(a.Integer(0), a.Integer(1), a.Integer(2), a.Integer(3)), a.Color(4, NamedColors.Parse("green"))))),
        new("circle", ["x", "y", "radius", "color"], 3, "draw a circle (green)",
            (m, a) => Drawn(m, c => Drawing.Circle(c, new Point(a.Integer(0), a.Integer(1)), a.Integer(2), a.Color(3, NamedColors.Parse("green"))))),
        new("line", ["x1", "y1", "x2", "y2", "color"], 4, "draw a line (green)",
            (m, a) => Drawn(m, c => Drawing.Line(c, new Point(a.Integer(0), a.Integer(1)), new Point(a.Integer(2), a.Integer(3)), a.Color(4, NamedColors.Parse("green"))))),
        new("text", ["x", "y", "text"], 3, "write text with its baseline at x,y (white); colons may be in it, a comma ends it",
            (m, a) => Drawn(m, c => Drawing.Text(c, a.Text(2), new Point(a.Integer(0), a.Integer(1)), Scalar.White)), LastTakesRest: true),
    ];

    /// <summary>The operation of a name; an unknown name is refused with the list of known ones.</summary>
    public static EditOperation Named(string name) =>
        All.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new FormatException($"unknown edit '{name}': use one of {string.Join(", ", All.Select(o => o.Name))}");

    static EditOperation Morph(string name, MorphTypes type, string description) =>
        new(name, ["kernel", "iterations"], 0, $"{description} (kernel 3, once)", (m, a) => Morphology.Apply(m, type, a.Integer(0, 3), a.Integer(1, 1)));

    static FlipMode FlipModeOf(EditArguments arguments) => (arguments.Count == 0 ? "h" : arguments.Text(0)).ToLowerInvariant() switch
    {
        "h" or "horizontal" => FlipMode.Y,
        "v" or "vertical" => FlipMode.X,
        "both" => FlipMode.XY,
        var other => throw arguments.Bad(0, $"'{other}' is not h, v or both"),
    };

    /// <summary>Drawing happens on a colour copy, so the input stays as it was and colours show even on grey images.</summary>
    static Mat Drawn(Mat image, Action<Mat> draw)
    {
        var canvas = Colors.Bgr(image);
        draw(canvas);
        return canvas;
    }
}

using OpenCvSharp;

namespace Kiln.Vision.Features;

/// <summary>Template matching with any of OpenCV's six methods, optionally over several template scales.</summary>
public static class TemplateMatcher
{
    /// <summary>
    /// The best place of <paramref name="template"/> in <paramref name="image"/>. With <paramref name="scales"/>, the
    /// template is resized by each and the best score over all wins; that needs a normalised method, whose scores
    /// compare across sizes.
    /// </summary>
    public static TemplateMatch Find(Mat image, Mat template, TemplateMatchModes method = TemplateMatchModes.CCoeffNormed, IReadOnlyList<double>? scales = null)
    {
        Check.NotEmpty(image);
        Check.NotEmpty(template);
        scales ??= [1.0];
        if (scales.Count == 0) throw new ArgumentException("give at least one template scale", nameof(scales));
        if (scales.Count > 1 && method is TemplateMatchModes.SqDiff or TemplateMatchModes.CCorr or TemplateMatchModes.CCoeff)
            throw new ArgumentException($"matching over several scales needs a normalised method (sqdiff-normed, ccorr-normed, ccoeff-normed), not {method}", nameof(method));
        using var gray = Colors.Convert(image, ColorSpace.Gray);
        using var grayTemplate = Colors.Convert(template, ColorSpace.Gray);
        var lowerIsBetter = method is TemplateMatchModes.SqDiff or TemplateMatchModes.SqDiffNormed;
        TemplateMatch? best = null;
        foreach (var scale in scales)
        {
            Check.Positive(scale, nameof(scales));
            using var sized = scale == 1 ? grayTemplate.Clone() : Geometry.Scale(grayTemplate, scale);
            if (sized.Width > gray.Width || sized.Height > gray.Height) continue;
            using var scores = new Mat();
            Cv2.MatchTemplate(gray, sized, scores, method);
            Cv2.MinMaxLoc(scores, out var minimum, out var maximum, out var minimumAt, out var maximumAt);
            var (score, at) = lowerIsBetter ? (minimum, minimumAt) : (maximum, maximumAt);
            if (best is null || (lowerIsBetter ? score < best.Score : score > best.Score))
                best = new TemplateMatch(new Rect(at.X, at.Y, sized.Width, sized.Height), score, scale);
        }
        return best ?? throw new ArgumentException(
            $"the template ({template.Width}×{template.Height}) is larger than the image ({image.Width}×{image.Height}) at every scale given", nameof(template));
    }

    /// <summary>Evenly spaced scales from <paramref name="smallest"/> to <paramref name="largest"/>, <paramref name="count"/> of them.</summary>
    public static IReadOnlyList<double> Scales(double smallest, double largest, int count)
    {
        Check.Positive(smallest, nameof(smallest));
        if (!(largest >= smallest)) throw new ArgumentOutOfRangeException(nameof(largest), largest, $"the largest scale must be at least the smallest ({smallest})");
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, "count must be at least 1");
        return count == 1 ? [smallest] : [.. Enumerable.Range(0, count).Select(i => smallest + (largest - smallest) * i / (count - 1))];
    }
}

using OpenCvSharp;

namespace Kiln.Vision.Features;

/// <summary>Where a template was found: its box in the image, the method's score there, and the template scale that matched.</summary>
public sealed record TemplateMatch(Rect Box, double Score, double Scale);

using OpenCvSharp;

namespace Kiln.Vision.Tracking;

/// <summary>One region of the tracked colour in a frame: its box, centroid and area in pixels.</summary>
public sealed record TrackedObject(Rect Box, Point2d Centroid, double Area);

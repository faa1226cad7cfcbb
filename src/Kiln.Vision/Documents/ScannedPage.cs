using OpenCvSharp;

namespace Kiln.Vision.Documents;

/// <summary>A page found in a photograph: its corners in the photograph (top-left, top-right, bottom-right, bottom-left) and the straightened page.</summary>
public sealed record ScannedPage(IReadOnlyList<Point2f> Corners, Mat Page) : IDisposable
{
    public void Dispose() => Page.Dispose();
}

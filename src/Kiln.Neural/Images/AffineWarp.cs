namespace Kiln.Neural.Images;

/// <summary>One image's geometric change: rotation and shear in degrees, a zoom factor per axis and a shift in pixels.</summary>
internal readonly record struct AffineWarp(double Rotation, double Shear, double ZoomX, double ZoomY, double ShiftX, double ShiftY)
{
    /// <summary>The 2×2 matrix R(rotation) · Shear · Zoom, row by row, taking output pixel offsets to input ones.</summary>
    public (double A, double B, double C, double D) Matrix()
    {
        var (sin, cos) = Math.SinCos(Rotation * Math.PI / 180);
        var (shearSin, shearCos) = Math.SinCos(Shear * Math.PI / 180);
        // shear [[1, -sin s], [0, cos s]] then zoom diag(zx, zy), as ImageDataGenerator composes them
        var (s00, s01, s10, s11) = (ZoomX, -shearSin * ZoomY, 0.0, shearCos * ZoomY);
        return (cos * s00 - sin * s10, cos * s01 - sin * s11, sin * s00 + cos * s10, sin * s01 + cos * s11);
    }
}

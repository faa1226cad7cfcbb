namespace Kiln.Vision;

/// <summary>Argument checks shared by the image operations, with messages that name the parameter and what it allows.</summary>
static class Check
{
    public static void OddKernel(int size, string name)
    {
        if (size < 1 || size % 2 == 0)
            throw new ArgumentOutOfRangeException(name, size, $"{name} must be an odd number of pixels of at least 1, got {size}");
    }

    public static void Positive(double value, string name)
    {
        if (!(value > 0) || !double.IsFinite(value))
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a number above 0, got {value}");
    }

    public static void InRange(double value, double low, double high, string name)
    {
        if (!(value >= low && value <= high))
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be in [{low}, {high}], got {value}");
    }

    public static void AtLeast(int value, int least, string name)
    {
        if (value < least) throw new ArgumentOutOfRangeException(name, value, $"{name} must be at least {least}, got {value}");
    }

    public static void NotEmpty(OpenCvSharp.Mat image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Empty()) throw new ArgumentException("the image is empty", nameof(image));
    }
}

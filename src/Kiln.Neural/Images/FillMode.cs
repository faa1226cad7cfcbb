namespace Kiln.Neural.Images;

/// <summary>What a geometric augmentation puts where it moves the image away from a border (Keras' fill_mode).</summary>
public enum FillMode
{
    /// <summary>The nearest border pixel, stretched outwards (ImageDataGenerator's default).</summary>
    Nearest,

    /// <summary>Zeros.</summary>
    Constant,

    /// <summary>The image mirrored at its border.</summary>
    Reflect,
}

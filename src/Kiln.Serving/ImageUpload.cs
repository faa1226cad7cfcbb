namespace Kiln.Serving;

/// <summary>One uploaded image file as it arrived: the name it is answered and logged under, and its encoded bytes (PNG, JPEG …).</summary>
public sealed record ImageUpload(string Name, byte[] Content);

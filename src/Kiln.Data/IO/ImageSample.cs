namespace Kiln.Data;

/// <summary>One image file found by <see cref="ImageFolder.Scan"/> and the index of its class in <see cref="ImageFolder.Classes"/>.</summary>
public readonly record struct ImageSample(string Path, int ClassIndex);

namespace Kiln.Data;

/// <summary>How <see cref="ArrayFormatting.ToArrayString{T}"/> lays out a tensor; the defaults are NumPy's print options.</summary>
/// <param name="Precision">The most digits after the decimal point a float is printed with.</param>
/// <param name="Threshold">Tensors with more elements than this are summarised with "...".</param>
/// <param name="EdgeItems">How many leading and trailing entries of each dimension a summary keeps.</param>
/// <param name="LineWidth">Lines are wrapped before they grow longer than this.</param>
public sealed record ArrayPrintOptions(int Precision = 8, int Threshold = 1000, int EdgeItems = 3, int LineWidth = 75)
{
    public static ArrayPrintOptions Default { get; } = new();
}

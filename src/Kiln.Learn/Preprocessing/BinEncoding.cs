namespace Kiln.Learn.Preprocessing;

/// <summary>How <see cref="KBinsDiscretizer"/> writes the bin of each value.</summary>
public enum BinEncoding
{
    /// <summary>One 0/1 column per bin, named <c>x=0</c>, <c>x=1</c> ….</summary>
    OneHot,

    /// <summary>One column holding the bin index.</summary>
    Ordinal,
}

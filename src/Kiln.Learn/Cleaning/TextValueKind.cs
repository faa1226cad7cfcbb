namespace Kiln.Learn.Cleaning;

/// <summary>What a text column really holds, as <see cref="TypeConversion"/> infers it.</summary>
public enum TextValueKind
{
    /// <summary>Text; left as it is.</summary>
    Text,

    /// <summary>Numbers, possibly with thousands separators ("1,234.5") or accounting negatives ("(12)"); becomes float64.</summary>
    Number,

    /// <summary>Amounts with a currency symbol or code ("$5", "€3.50", "5 USD"); becomes float64 in the currency's units.</summary>
    Currency,

    /// <summary>Percentages ("12%"); becomes the float64 fraction (0.12).</summary>
    Percent,

    /// <summary>yes/no, y/n, true/false, t/f or 1/0 in any case; becomes bool.</summary>
    Boolean,

    /// <summary>Dates, optionally with times, in ISO or day/month/year order; becomes datetime.</summary>
    Date,
}

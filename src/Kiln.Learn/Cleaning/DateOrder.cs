namespace Kiln.Learn.Cleaning;

/// <summary>Which slash-, dash- or dot-separated date layouts a date column accepts besides ISO (yyyy-MM-dd).</summary>
public enum DateOrder
{
    /// <summary>Only ISO dates; what a column gets when its day/month order is ambiguous or contradictory.</summary>
    Iso,

    /// <summary>ISO and day first: 31/01/2024, 31-01-2024, 31.01.2024.</summary>
    DayFirst,

    /// <summary>ISO and month first: 01/31/2024.</summary>
    MonthFirst,
}

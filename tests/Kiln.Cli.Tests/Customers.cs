using System.Globalization;
using System.Text;

namespace Kiln.Cli.Tests;

/// <summary>Small seeded tables for the commands that fit models, written as CSV text.</summary>
public static class Customers
{
    /// <summary>Churn decided by the contract (and a little by tenure); 'shoe size' plays no part.</summary>
    public static string Csv(int rows, int seed = 3)
    {
        var random = new Random(seed);
        var csv = new StringBuilder("contract,tenure,shoe size,churn\n");
        for (var i = 0; i < rows; i++)
        {
            var contract = random.Next(3) switch { 0 => "month-to-month", 1 => "one year", _ => "two year" };
            var tenure = random.Next(1, 72);
            var churn = contract == "month-to-month" && tenure < 40 ? random.NextDouble() < 0.9 : random.NextDouble() < 0.05;
            csv.Append(CultureInfo.InvariantCulture, $"{contract},{tenure},{random.Next(36, 47)},{(churn ? "yes" : "no")}\n");
        }
        return csv.ToString();
    }

    /// <summary>A yearly spend that grows with tenure and the contract, plus noise.</summary>
    public static string SpendCsv(int rows, int seed = 5)
    {
        var random = new Random(seed);
        var csv = new StringBuilder("contract,tenure,spend\n");
        for (var i = 0; i < rows; i++)
        {
            var contract = random.Next(3);
            var tenure = random.Next(1, 72);
            var spend = 200 + 12 * tenure + 150 * contract + 40 * (random.NextDouble() - 0.5);
            csv.Append(CultureInfo.InvariantCulture, $"{new[] { "month-to-month", "one year", "two year" }[contract]},{tenure},{spend:F2}\n");
        }
        return csv.ToString();
    }
}

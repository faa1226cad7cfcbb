using System.Globalization;
using Kiln.Data;

namespace Kiln.Learn.Svm;

/// <summary>Checks and resolves what the two kernel SVM estimators share: gamma, the kernel and the rows that carry weight.</summary>
internal static class SvmParameters
{
    public const string GammaHelp =
        "Reach of one training row for rbf, poly and sigmoid: larger gamma makes each row's influence more local and the boundary more wiggly; " +
        "'scale' = 1 / (features · variance of X), 'auto' = 1 / features, or a positive number";

    /// <summary>γ from "scale" (1 / (p · Var X) over all values, 1 when X is constant), "auto" (1 / p) or a positive number.</summary>
    public static double ResolveGamma(string estimator, string gamma, ReadOnlySpan<double> values, int width)
    {
        switch (gamma.Trim().ToLowerInvariant())
        {
            case "scale":
                double mean = 0, squares = 0;
                for (var i = 0; i < values.Length; i++) mean += values[i];
                mean /= values.Length;
                for (var i = 0; i < values.Length; i++) squares += (values[i] - mean) * (values[i] - mean);
                var variance = squares / values.Length;
                return variance > 0 ? 1.0 / (width * variance) : 1.0;
            case "auto":
                return 1.0 / width;
            default:
                if (double.TryParse(gamma, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number > 0 && double.IsFinite(number))
                    return number;
                throw new ArgumentException($"{estimator}: parameter 'gamma' must be 'scale', 'auto' or a positive number, not '{gamma}'", "gamma");
        }
    }

    /// <summary>The rows with positive weight (all rows without weights): a zero-weight row could not move the solution, so it is left out, as libsvm does.</summary>
    public static int[] WeightedRows(double[]? weights, int rowCount)
    {
        if (weights is null) return [.. Enumerable.Range(0, rowCount)];
        var rows = new List<int>(rowCount);
        for (var i = 0; i < rowCount; i++) if (weights[i] > 0) rows.Add(i);
        return [.. rows];
    }

    /// <summary>The given rows of a row-major matrix, copied into one contiguous array.</summary>
    public static double[] Rows(ReadOnlySpan<double> values, int width, ReadOnlySpan<int> rows)
    {
        var copy = new double[rows.Length * width];
        for (var r = 0; r < rows.Length; r++) values.Slice(rows[r] * width, width).CopyTo(copy.AsSpan(r * width, width));
        return copy;
    }

    public static KernelFunction Kernel(SvmKernel kind, double gamma, int degree, double coef0) => new(kind, gamma, degree, coef0);

    public static void Save(ModelWriter writer, KernelFunction kernel)
    {
        writer.Write("kernel", kernel.Kind.ToString());
        writer.Write("gamma", kernel.Gamma);
        writer.Write("degree", kernel.Degree);
        writer.Write("coef0", kernel.Coef0);
    }

    public static KernelFunction LoadKernel(ModelReader reader)
    {
        if (!Enum.TryParse<SvmKernel>(reader.ReadString("kernel"), out var kind))
            throw new InvalidDataException($"model package: unknown kernel '{reader.ReadString("kernel")}'");
        return new KernelFunction(kind, reader.ReadDouble("gamma"), reader.ReadInt32("degree"), reader.ReadDouble("coef0"));
    }

    /// <summary>The target as finite numbers, or an error naming the target and row.</summary>
    public static double[] NumericTarget(string estimator, Column target)
    {
        if (!target.Type.IsNumeric())
            throw new ArgumentException($"{estimator}: the target '{target.Name}' is {target.Type.Name()}; it needs a numeric target", nameof(target));
        var values = target.AsFloat64().Values.ToArray();
        var bad = Array.FindIndex(values, v => !double.IsFinite(v));
        if (bad >= 0)
            throw new ArgumentException($"{estimator}: the target '{target.Name}' holds {values[bad]} at row {bad}; drop or fill it first", nameof(target));
        return values;
    }
}

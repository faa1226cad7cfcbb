using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Kiln.Learn.Svm;

/// <summary>
/// A kernel with its resolved parameters, evaluated for one row against a block of contiguous rows: the dot products
/// first (four rows at a time, sharing the loads of the one row), then the kernel's map over the whole block at once.
/// </summary>
internal sealed class KernelFunction(SvmKernel kind, double gamma, int degree, double coef0)
{
    public SvmKernel Kind { get; } = kind;
    public double Gamma { get; } = gamma;
    public int Degree { get; } = degree;
    public double Coef0 { get; } = coef0;

    /// <summary>Squared norms of each row of a row-major matrix, which the RBF kernel needs.</summary>
    public static double[] SquaredNorms(ReadOnlySpan<double> rows, int count, int width)
    {
        var norms = new double[count];
        for (var i = 0; i < count; i++)
        {
            var row = rows.Slice(i * width, width);
            norms[i] = TensorPrimitives.Dot(row, row);
        }
        return norms;
    }

    /// <summary>K(x, rowsᵢ) for every row of <paramref name="rows"/> (row-major, <paramref name="width"/> wide) into <paramref name="output"/>.</summary>
    public void Evaluate(ReadOnlySpan<double> x, double xNorm, ReadOnlySpan<double> rows, ReadOnlySpan<double> rowNorms, int width, Span<double> output)
    {
        Dots(x, rows, width, output);
        Map(xNorm, rowNorms, output);
    }

    /// <summary>K(x, x) from its squared norm.</summary>
    public double Self(double norm) => Kind switch
    {
        SvmKernel.Linear => norm,
        SvmKernel.Rbf => 1.0,
        SvmKernel.Poly => Power(Gamma * norm + Coef0, Degree),
        _ => Math.Tanh(Gamma * norm + Coef0),
    };

    /// <summary>Turns dot products x·zᵢ into kernel values in place.</summary>
    void Map(double xNorm, ReadOnlySpan<double> rowNorms, Span<double> values)
    {
        switch (Kind)
        {
            case SvmKernel.Linear:
                return;
            case SvmKernel.Rbf:
                // −γ(‖x‖² + ‖z‖² − 2x·z), clamped at zero against rounding, then exp
                TensorPrimitives.MultiplyAdd(values, -2.0, rowNorms, values);
                TensorPrimitives.Add(values, xNorm, values);
                TensorPrimitives.Max(values, 0.0, values);
                TensorPrimitives.Multiply(values, -Gamma, values);
                TensorPrimitives.Exp(values, values);
                return;
            case SvmKernel.Poly:
                TensorPrimitives.Multiply(values, Gamma, values);
                TensorPrimitives.Add(values, Coef0, values);
                for (var i = 0; i < values.Length; i++) values[i] = Power(values[i], Degree);
                return;
            default:
                TensorPrimitives.Multiply(values, Gamma, values);
                TensorPrimitives.Add(values, Coef0, values);
                TensorPrimitives.Tanh(values, values);
                return;
        }
    }

    /// <summary>Integer power by squaring, as libsvm's powi, so that negative bases keep their sign.</summary>
    static double Power(double value, int exponent)
    {
        var result = 1.0;
        for (var e = exponent; e > 0; e >>= 1)
        {
            if ((e & 1) == 1) result *= value;
            value *= value;
        }
        return result;
    }

    /// <summary>x·zᵢ for every row zᵢ of <paramref name="rows"/>.</summary>
    static void Dots(ReadOnlySpan<double> x, ReadOnlySpan<double> rows, int width, Span<double> output)
    {
        var count = output.Length;
        var lanes = Vector<double>.Count;
        var vectorWidth = Vector.IsHardwareAccelerated ? width - width % lanes : 0;
        ref var xRef = ref MemoryMarshal.GetReference(x);
        ref var rowsRef = ref MemoryMarshal.GetReference(rows);
        var i = 0;
        for (; i + 4 <= count; i += 4)
        {
            ref var r0 = ref Unsafe.Add(ref rowsRef, i * width);
            ref var r1 = ref Unsafe.Add(ref r0, width);
            ref var r2 = ref Unsafe.Add(ref r1, width);
            ref var r3 = ref Unsafe.Add(ref r2, width);
            Vector<double> a0 = default, a1 = default, a2 = default, a3 = default;
            var k = 0;
            for (; k < vectorWidth; k += lanes)
            {
                var xv = Vector.LoadUnsafe(ref xRef, (nuint)k);
                a0 = Vector.FusedMultiplyAdd(xv, Vector.LoadUnsafe(ref r0, (nuint)k), a0);
                a1 = Vector.FusedMultiplyAdd(xv, Vector.LoadUnsafe(ref r1, (nuint)k), a1);
                a2 = Vector.FusedMultiplyAdd(xv, Vector.LoadUnsafe(ref r2, (nuint)k), a2);
                a3 = Vector.FusedMultiplyAdd(xv, Vector.LoadUnsafe(ref r3, (nuint)k), a3);
            }
            double s0 = Vector.Sum(a0), s1 = Vector.Sum(a1), s2 = Vector.Sum(a2), s3 = Vector.Sum(a3);
            for (; k < width; k++)
            {
                var xk = Unsafe.Add(ref xRef, k);
                s0 += xk * Unsafe.Add(ref r0, k);
                s1 += xk * Unsafe.Add(ref r1, k);
                s2 += xk * Unsafe.Add(ref r2, k);
                s3 += xk * Unsafe.Add(ref r3, k);
            }
            output[i] = s0;
            output[i + 1] = s1;
            output[i + 2] = s2;
            output[i + 3] = s3;
        }
        for (; i < count; i++) output[i] = TensorPrimitives.Dot(x, rows.Slice(i * width, width));
    }
}

using System.Numerics.Tensors;

namespace Kiln.Data;

/// <summary>
/// Vectorised comparisons that build filter masks (the fast path for <see cref="Frame.Filter(BoolColumn)"/>),
/// arithmetic for computed columns, and <see cref="Apply"/>. NaN compares false, except in <see cref="NotEqualTo"/>, as in pandas.
/// </summary>
public sealed partial class Float64Column
{
    public BoolColumn GreaterThan(double value) => ThresholdTests.Apply<ThresholdTests.Greater>(Name, Values, value);
    public BoolColumn GreaterThanOrEqual(double value) => ThresholdTests.Apply<ThresholdTests.GreaterOrEqual>(Name, Values, value);
    public BoolColumn LessThan(double value) => ThresholdTests.Apply<ThresholdTests.Less>(Name, Values, value);
    public BoolColumn LessThanOrEqual(double value) => ThresholdTests.Apply<ThresholdTests.LessOrEqual>(Name, Values, value);
    public BoolColumn EqualTo(double value) => ThresholdTests.Apply<ThresholdTests.Equal>(Name, Values, value);
    public BoolColumn NotEqualTo(double value) => ThresholdTests.Apply<ThresholdTests.NotEqual>(Name, Values, value);

    /// <summary>Low ≤ value ≤ high, both ends included (pandas' <c>between</c>).</summary>
    public BoolColumn Between(double low, double high) => GreaterThanOrEqual(low) & LessThanOrEqual(high);

    /// <summary>A function over every value (pandas' <c>Series.apply</c>); NaN is passed in like any value.</summary>
    public Float64Column Apply(Func<double, double> function)
    {
        var result = new double[Length];
        for (var i = 0; i < result.Length; i++) result[i] = function(_values[i]);
        return new Float64Column(Name, result);
    }

    // Results keep the left operand's name; give them a new one with Frame.WithColumn(name, column).
    public static Float64Column operator +(Float64Column left, Float64Column right) => Elementwise(left, right, TensorPrimitives.Add);
    public static Float64Column operator -(Float64Column left, Float64Column right) => Elementwise(left, right, TensorPrimitives.Subtract);
    public static Float64Column operator *(Float64Column left, Float64Column right) => Elementwise(left, right, TensorPrimitives.Multiply);
    public static Float64Column operator /(Float64Column left, Float64Column right) => Elementwise(left, right, TensorPrimitives.Divide);

    public static Float64Column operator +(Float64Column left, double right) => WithScalar(left, (x, d) => TensorPrimitives.Add(x, right, d));
    public static Float64Column operator -(Float64Column left, double right) => WithScalar(left, (x, d) => TensorPrimitives.Subtract(x, right, d));
    public static Float64Column operator *(Float64Column left, double right) => WithScalar(left, (x, d) => TensorPrimitives.Multiply(x, right, d));
    public static Float64Column operator /(Float64Column left, double right) => WithScalar(left, (x, d) => TensorPrimitives.Divide(x, right, d));
    public static Float64Column operator +(double left, Float64Column right) => right + left;
    public static Float64Column operator -(double left, Float64Column right) => WithScalar(right, (x, d) => TensorPrimitives.Subtract(left, x, d));
    public static Float64Column operator *(double left, Float64Column right) => right * left;
    public static Float64Column operator /(double left, Float64Column right) => WithScalar(right, (x, d) => TensorPrimitives.Divide(left, x, d));

    delegate void BinaryOperation(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> destination);

    delegate void UnaryOperation(ReadOnlySpan<double> x, Span<double> destination);

    static Float64Column Elementwise(Float64Column left, Float64Column right, BinaryOperation operation)
    {
        if (left.Length != right.Length)
            throw new ArgumentException($"columns '{left.Name}' ({left.Length} rows) and '{right.Name}' ({right.Length} rows) differ in length", nameof(right));
        var result = new double[left.Length];
        operation(left._values, right._values, result);
        return new Float64Column(left.Name, result);
    }

    static Float64Column WithScalar(Float64Column column, UnaryOperation operation)
    {
        var result = new double[column.Length];
        operation(column._values, result);
        return new Float64Column(column.Name, result);
    }
}

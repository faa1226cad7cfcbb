using System.Globalization;
using System.Numerics.Tensors;

namespace Kiln.Learn.Features;

/// <summary>
/// The syntax tree of a derived-feature expression: numbers, column references, unary minus, the four arithmetic
/// operators and a closed set of functions. <see cref="Evaluate"/> computes it over whole float64 columns at once;
/// arithmetic follows IEEE 754, so x/0 gives ±∞, 0/0 and log of a negative give NaN, and NaN propagates.
/// </summary>
public abstract record FeatureExpression
{
    FeatureExpression() { }

    /// <summary>The functions the grammar knows, with how many arguments each takes (-1: two or more).</summary>
    public static IReadOnlyDictionary<string, int> Functions { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["log"] = 1, ["log1p"] = 1, ["exp"] = 1, ["sqrt"] = 1, ["abs"] = 1, ["pow"] = 2, ["min"] = -1, ["max"] = -1,
    };

    /// <summary>Every column the expression reads, in order of first use.</summary>
    public IReadOnlyList<string> Columns
    {
        get
        {
            var names = new List<string>();
            Collect(names);
            return names;
        }
    }

    /// <summary>The expression's values for <paramref name="rows"/> rows, reading columns through <paramref name="column"/>.</summary>
    public double[] Evaluate(Func<string, double[]> column, int rows) => Compute(column, rows).Expand(rows);

    internal abstract Values Compute(Func<string, double[]> column, int rows);

    internal abstract void Collect(List<string> names);

    /// <summary>Either a whole column or one number that stands for every row (a literal folded without a column).</summary>
    internal readonly record struct Values(double[]? Array, double Scalar)
    {
        public double[] Expand(int rows)
        {
            if (Array is not null) return Array;
            var filled = new double[rows];
            filled.AsSpan().Fill(Scalar);
            return filled;
        }
    }

    public sealed record Number(double Value) : FeatureExpression
    {
        internal override Values Compute(Func<string, double[]> column, int rows) => new(null, Value);
        internal override void Collect(List<string> names) { }
        public override string ToString() => Value.ToString("R", CultureInfo.InvariantCulture);
    }

    public sealed record ColumnReference(string Name) : FeatureExpression
    {
        internal override Values Compute(Func<string, double[]> column, int rows) => new(column(Name), 0);

        internal override void Collect(List<string> names)
        {
            if (!names.Contains(Name)) names.Add(Name);
        }

        public override string ToString() => IsPlainName(Name) ? Name : $"`{Name}`";

        internal static bool IsPlainName(string name)
        {
            if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_')) return false;
            foreach (var c in name) if (!(char.IsAsciiLetterOrDigit(c) || c == '_')) return false;
            return true;
        }
    }

    public sealed record Negation(FeatureExpression Operand) : FeatureExpression
    {
        internal override Values Compute(Func<string, double[]> column, int rows)
        {
            var operand = Operand.Compute(column, rows);
            if (operand.Array is null) return new(null, -operand.Scalar);
            var result = new double[rows];
            TensorPrimitives.Negate(operand.Array, result);
            return new(result, 0);
        }

        internal override void Collect(List<string> names) => Operand.Collect(names);
        public override string ToString() => $"-{Operand}";
    }

    public sealed record Binary(char Operator, FeatureExpression Left, FeatureExpression Right) : FeatureExpression
    {
        internal override Values Compute(Func<string, double[]> column, int rows)
        {
            var (left, right) = (Left.Compute(column, rows), Right.Compute(column, rows));
            if (left.Array is null && right.Array is null) return new(null, Apply(left.Scalar, right.Scalar));
            var result = new double[rows];
            if (right.Array is null)
            {
                switch (Operator)
                {
                    case '+': TensorPrimitives.Add(left.Array, right.Scalar, result); break;
                    case '-': TensorPrimitives.Subtract(left.Array, right.Scalar, result); break;
                    case '*': TensorPrimitives.Multiply(left.Array, right.Scalar, result); break;
                    default: TensorPrimitives.Divide(left.Array, right.Scalar, result); break;
                }
                return new(result, 0);
            }
            if (left.Array is null)
            {
                switch (Operator)
                {
                    case '+': TensorPrimitives.Add(right.Array, left.Scalar, result); break;
                    case '-': TensorPrimitives.Subtract(left.Scalar, right.Array, result); break;
                    case '*': TensorPrimitives.Multiply(right.Array, left.Scalar, result); break;
                    default: TensorPrimitives.Divide(left.Scalar, right.Array, result); break;
                }
                return new(result, 0);
            }
            switch (Operator)
            {
                case '+': TensorPrimitives.Add(left.Array, right.Array, result); break;
                case '-': TensorPrimitives.Subtract(left.Array, right.Array, result); break;
                case '*': TensorPrimitives.Multiply(left.Array, right.Array, result); break;
                default: TensorPrimitives.Divide(left.Array, right.Array, result); break;
            }
            return new(result, 0);
        }

        double Apply(double left, double right) => Operator switch
        {
            '+' => left + right,
            '-' => left - right,
            '*' => left * right,
            _ => left / right,
        };

        internal override void Collect(List<string> names)
        {
            Left.Collect(names);
            Right.Collect(names);
        }

        public override string ToString() => $"({Left} {Operator} {Right})";
    }

    public sealed record Call(string Function, IReadOnlyList<FeatureExpression> Arguments) : FeatureExpression
    {
        internal override Values Compute(Func<string, double[]> column, int rows)
        {
            var first = Arguments[0].Compute(column, rows);
            if (Function is "pow") return Power(first, Arguments[1].Compute(column, rows), rows);
            if (Function is "min" or "max") return Extreme(first, column, rows);
            if (first.Array is null) return new(null, Scalar(Function, first.Scalar));
            var result = new double[rows];
            switch (Function)
            {
                case "log": TensorPrimitives.Log(first.Array, result); break;
                case "exp": TensorPrimitives.Exp(first.Array, result); break;
                case "sqrt": TensorPrimitives.Sqrt(first.Array, result); break;
                case "abs": TensorPrimitives.Abs(first.Array, result); break;
                default:
                    for (var i = 0; i < rows; i++) result[i] = SpecialFunctions.Log1p(first.Array[i]);
                    break;
            }
            return new(result, 0);
        }

        static double Scalar(string function, double x) => function switch
        {
            "log" => Math.Log(x),
            "exp" => Math.Exp(x),
            "sqrt" => Math.Sqrt(x),
            "abs" => Math.Abs(x),
            _ => SpecialFunctions.Log1p(x),
        };

        static Values Power(Values x, Values y, int rows)
        {
            if (x.Array is null && y.Array is null) return new(null, Math.Pow(x.Scalar, y.Scalar));
            var result = new double[rows];
            if (y.Array is null) TensorPrimitives.Pow(x.Array!, y.Scalar, result);
            else if (x.Array is null) TensorPrimitives.Pow(x.Scalar, y.Array, result);
            else TensorPrimitives.Pow(x.Array, y.Array, result);
            return new(result, 0);
        }

        Values Extreme(Values first, Func<string, double[]> column, int rows)
        {
            var isMax = Function == "max";
            var current = first;
            for (var a = 1; a < Arguments.Count; a++)
            {
                var next = Arguments[a].Compute(column, rows);
                if (current.Array is null && next.Array is null)
                {
                    current = new(null, isMax ? Math.Max(current.Scalar, next.Scalar) : Math.Min(current.Scalar, next.Scalar));
                    continue;
                }
                var result = new double[rows];
                // NaN in any argument gives NaN, as NumPy's minimum and maximum
                if (isMax) TensorPrimitives.Max(current.Expand(rows), next.Expand(rows), result);
                else TensorPrimitives.Min(current.Expand(rows), next.Expand(rows), result);
                current = new(result, 0);
            }
            return current;
        }

        internal override void Collect(List<string> names)
        {
            foreach (var argument in Arguments) argument.Collect(names);
        }

        public override string ToString() => $"{Function}({string.Join(", ", Arguments)})";
    }
}

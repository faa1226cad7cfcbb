using System.Numerics;
using System.Runtime.Intrinsics;

namespace Kiln.Learn.Svm;

/// <summary>
/// libsvm's solver of the dual  min ½αᵀQα + pᵀα  subject to yᵀα = 0, 0 ≤ αᵢ ≤ Cᵢ  (yᵢ = ±1): sequential minimal
/// optimisation on the pair chosen by second-order working-set selection (Fan, Chen &amp; Lin 2005), with shrinking of
/// variables stuck at a bound, stopping when the maximal violating pair's gap is at most tol.
/// </summary>
internal sealed class SmoSolver
{
    const double Tau = 1e-12;
    const byte Lower = 0, Upper = 1, Free = 2;
    // how often cancellation and progress are checked, in iterations
    const int CheckEvery = 1000;

    readonly IKernelMatrix _q;
    readonly double[] _diagonal;
    readonly int _length;
    readonly sbyte[] _y;
    readonly double[] _p;
    readonly double[] _bound;
    readonly double[] _alpha;
    readonly double[] _gradient;
    readonly double[] _gradientBar;
    readonly byte[] _status;
    // yᵢ as ±1.0, and 1.0 where a variable may move up (I_up) or down (I_low), else 0: masks for the vectorised selection
    readonly double[] _ySign;
    readonly double[] _inUp;
    readonly double[] _inLow;
    readonly int[] _activeSet;
    readonly double _tol;
    int _activeSize;
    bool _unshrink;

    SmoSolver(IKernelMatrix q, double[] p, sbyte[] y, double[] bound, double tol)
    {
        _q = q;
        _diagonal = q.Diagonal;
        _length = p.Length;
        _p = (double[])p.Clone();
        _y = (sbyte[])y.Clone();
        _bound = (double[])bound.Clone();
        _alpha = new double[_length];
        _gradient = (double[])p.Clone();
        _gradientBar = new double[_length];
        _status = new byte[_length];
        _ySign = new double[_length];
        _inUp = new double[_length];
        _inLow = new double[_length];
        _activeSet = new int[_length];
        for (var i = 0; i < _length; i++)
        {
            _activeSet[i] = i;
            _ySign[i] = _y[i];
            UpdateStatus(i);
        }
        _activeSize = _length;
        _tol = tol;
    }

    /// <summary>Solves from α = 0; the result's α is in the variables' original order.</summary>
    /// <param name="maxIterations">-1 for no limit.</param>
    public static SmoResult Solve(IKernelMatrix q, double[] p, sbyte[] y, double[] bound, double tol, bool shrinking, long maxIterations,
        SolverMonitor monitor) =>
        new SmoSolver(q, p, y, bound, tol).Run(shrinking, maxIterations, monitor);

    SmoResult Run(bool shrinking, long maxIterations, SolverMonitor monitor)
    {
        long iterations = 0;
        var counter = Math.Min(_length, 1000) + 1;
        var converged = false;
        while (maxIterations < 0 || iterations < maxIterations)
        {
            if (--counter == 0)
            {
                counter = Math.Min(_length, 1000);
                if (shrinking) Shrink();
            }
            if (!SelectWorkingSet(out var i, out var j))
            {
                ReconstructGradient();
                _activeSize = _length;
                if (!SelectWorkingSet(out i, out j))
                {
                    converged = true;
                    break;
                }
                counter = 1;
            }
            iterations++;
            if (iterations % CheckEvery == 0) monitor.Iterated(iterations);
            Update(i, j);
        }
        if (!converged && _activeSize < _length)
        {
            ReconstructGradient();
            _activeSize = _length;
        }
        var rho = Rho();
        var alpha = new double[_length];
        for (var i = 0; i < _length; i++) alpha[_activeSet[i]] = _alpha[i];
        return new SmoResult(alpha, rho, iterations, converged);
    }

    void Update(int i, int j)
    {
        var qi = _q.Row(i, _activeSize);
        var qj = _q.Row(j, _activeSize);
        var (ci, cj) = (_bound[i], _bound[j]);
        var (oldI, oldJ) = (_alpha[i], _alpha[j]);
        ref var ai = ref _alpha[i];
        ref var aj = ref _alpha[j];
        if (_y[i] != _y[j])
        {
            var quadratic = _diagonal[i] + _diagonal[j] + 2 * qi[j];
            if (quadratic <= 0) quadratic = Tau;
            var delta = (-_gradient[i] - _gradient[j]) / quadratic;
            var difference = ai - aj;
            ai += delta;
            aj += delta;
            if (difference > 0)
            {
                if (aj < 0) { aj = 0; ai = difference; }
            }
            else if (ai < 0) { ai = 0; aj = -difference; }
            if (difference > ci - cj)
            {
                if (ai > ci) { ai = ci; aj = ci - difference; }
            }
            else if (aj > cj) { aj = cj; ai = cj + difference; }
        }
        else
        {
            var quadratic = _diagonal[i] + _diagonal[j] - 2 * qi[j];
            if (quadratic <= 0) quadratic = Tau;
            var delta = (_gradient[i] - _gradient[j]) / quadratic;
            var sum = ai + aj;
            ai -= delta;
            aj += delta;
            if (sum > ci)
            {
                if (ai > ci) { ai = ci; aj = sum - ci; }
            }
            else if (aj < 0) { aj = 0; ai = sum; }
            if (sum > cj)
            {
                if (aj > cj) { aj = cj; ai = sum - cj; }
            }
            else if (ai < 0) { ai = 0; aj = sum; }
        }

        var (deltaI, deltaJ) = (ai - oldI, aj - oldJ);
        AddScaledRows(_gradient.AsSpan(0, _activeSize), qi, deltaI, qj, deltaJ);

        var (wasUpperI, wasUpperJ) = (_status[i] == Upper, _status[j] == Upper);
        UpdateStatus(i);
        UpdateStatus(j);
        if (wasUpperI != (_status[i] == Upper)) UpdateGradientBar(i, wasUpperI ? -ci : ci);
        if (wasUpperJ != (_status[j] == Upper)) UpdateGradientBar(j, wasUpperJ ? -cj : cj);
    }

    /// <summary>gradient += a·rowA + b·rowB, the float rows widened to double a vector at a time.</summary>
    static void AddScaledRows(Span<double> gradient, ReadOnlySpan<float> rowA, double a, ReadOnlySpan<float> rowB, double b)
    {
        var k = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var (va, vb) = (new Vector<double>(a), new Vector<double>(b));
            var lanes = Vector<float>.Count;
            for (; k + lanes <= gradient.Length; k += lanes)
            {
                Vector.Widen(new Vector<float>(rowA.Slice(k)), out var lowA, out var highA);
                Vector.Widen(new Vector<float>(rowB.Slice(k)), out var lowB, out var highB);
                var low = new Vector<double>(gradient.Slice(k));
                var high = new Vector<double>(gradient.Slice(k + lanes / 2));
                (low + (lowA * va + lowB * vb)).CopyTo(gradient.Slice(k));
                (high + (highA * va + highB * vb)).CopyTo(gradient.Slice(k + lanes / 2));
            }
        }
        for (; k < gradient.Length; k++) gradient[k] += rowA[k] * a + rowB[k] * b;
    }

    void UpdateGradientBar(int i, double scale)
    {
        var row = _q.Row(i, _length);
        var k = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var factor = new Vector<double>(scale);
            var lanes = Vector<float>.Count;
            for (; k + lanes <= _length; k += lanes)
            {
                Vector.Widen(new Vector<float>(row.Slice(k)), out var low, out var high);
                (new Vector<double>(_gradientBar, k) + factor * low).CopyTo(_gradientBar, k);
                (new Vector<double>(_gradientBar, k + lanes / 2) + factor * high).CopyTo(_gradientBar, k + lanes / 2);
            }
        }
        for (; k < _length; k++) _gradientBar[k] += scale * row[k];
    }

    void UpdateStatus(int i)
    {
        _status[i] = _alpha[i] >= _bound[i] ? Upper : _alpha[i] <= 0 ? Lower : Free;
        // I_up: y = +1 below its bound or y = −1 above zero; I_low the other way round
        var canRise = _status[i] != Upper;
        var canFall = _status[i] != Lower;
        _inUp[i] = (_y[i] == 1 ? canRise : canFall) ? 1 : 0;
        _inLow[i] = (_y[i] == 1 ? canFall : canRise) ? 1 : 0;
    }

    /// <summary>
    /// WSS3: i maximises −yᵢ∇ᵢ over I_up; j minimises the second-order objective decrease −(gmax + yⱼ∇ⱼ)² / quadⱼ over
    /// I_low. Both scans run four variables at a time and keep, as the scalar scan would, the last of equal candidates.
    /// False when optimal.
    /// </summary>
    bool SelectWorkingSet(out int outI, out int outJ)
    {
        var size = _activeSize;
        ReadOnlySpan<double> y = _ySign.AsSpan(0, size), g = _gradient.AsSpan(0, size), up = _inUp.AsSpan(0, size), low = _inLow.AsSpan(0, size);
        // first scan: the largest −yₜ∇ₜ over I_up
        var gmax = double.NegativeInfinity;
        var gmaxIndex = -1;
        var t = 0;
        if (Vector256.IsHardwareAccelerated && size >= 8)
        {
            var best = Vector256.Create(double.NegativeInfinity);
            var bestIndex = Vector256.Create(-1L);
            var index = Vector256.Create(0L, 1, 2, 3);
            var step = Vector256.Create(4L);
            for (; t + 4 <= size; t += 4, index += step)
            {
                var value = -Vector256.Create(y.Slice(t)) * Vector256.Create(g.Slice(t));
                var better = Vector256.GreaterThan(Vector256.Create(up.Slice(t)), Vector256<double>.Zero) & Vector256.GreaterThanOrEqual(value, best);
                best = Vector256.ConditionalSelect(better, value, best);
                bestIndex = Vector256.ConditionalSelect(better.AsInt64(), index, bestIndex);
            }
            (gmax, gmaxIndex) = Reduce(best, bestIndex, largest: true);
        }
        for (; t < size; t++)
        {
            var value = -y[t] * g[t];
            if (up[t] > 0 && value >= gmax) (gmax, gmaxIndex) = (value, t);
        }

        // second scan: gmax2 = the largest yⱼ∇ⱼ over I_low, and j by the second-order decrease
        var gmax2 = double.NegativeInfinity;
        var i = gmaxIndex;
        if (i == -1)
        {
            for (var j = 0; j < size; j++) if (low[j] > 0) gmax2 = Math.Max(gmax2, y[j] * g[j]);
            outI = outJ = -1;
            return false;
        }
        var qi = _q.Row(i, size);
        var diagonal = _diagonal.AsSpan(0, size);
        var (yi, di) = (y[i], _diagonal[i]);
        var minimumDecrease = double.PositiveInfinity;
        var gminIndex = -1;
        var k = 0;
        if (Vector256.IsHardwareAccelerated && size >= 8)
        {
            var best = Vector256.Create(double.PositiveInfinity);
            var bestIndex = Vector256.Create(-1L);
            var top = Vector256.Create(double.NegativeInfinity);
            var index = Vector256.Create(0L, 1, 2, 3);
            var step = Vector256.Create(4L);
            var (gmaxVector, diVector, twoYi, tau) = (Vector256.Create(gmax), Vector256.Create(di), Vector256.Create(2.0 * yi), Vector256.Create(Tau));
            for (; k + 4 <= size; k += 4, index += step)
            {
                var yk = Vector256.Create(y.Slice(k));
                var yg = yk * Vector256.Create(g.Slice(k));
                var inLow = Vector256.GreaterThan(Vector256.Create(low.Slice(k)), Vector256<double>.Zero);
                top = Vector256.ConditionalSelect(inLow, Vector256.Max(top, yg), top);
                var difference = gmaxVector + yg;
                var q = Vector128.Create(qi.Slice(k, 4));
                var qd = Vector256.Create(Vector128.WidenLower(q), Vector128.WidenUpper(q));
                var quadratic = diVector + Vector256.Create(diagonal.Slice(k)) - twoYi * yk * qd;
                quadratic = Vector256.ConditionalSelect(Vector256.GreaterThan(quadratic, Vector256<double>.Zero), quadratic, tau);
                var decrease = -(difference * difference) / quadratic;
                var better = inLow & Vector256.GreaterThan(difference, Vector256<double>.Zero) & Vector256.LessThanOrEqual(decrease, best);
                best = Vector256.ConditionalSelect(better, decrease, best);
                bestIndex = Vector256.ConditionalSelect(better.AsInt64(), index, bestIndex);
            }
            (minimumDecrease, gminIndex) = Reduce(best, bestIndex, largest: false);
            for (var lane = 0; lane < 4; lane++) gmax2 = Math.Max(gmax2, top[lane]);
        }
        for (; k < size; k++)
        {
            if (low[k] == 0) continue;
            var yg = y[k] * g[k];
            if (yg >= gmax2) gmax2 = yg;
            var difference = gmax + yg;
            if (difference <= 0) continue;
            var quadratic = di + diagonal[k] - 2.0 * yi * y[k] * qi[k];
            var decrease = -(difference * difference) / (quadratic > 0 ? quadratic : Tau);
            if (decrease <= minimumDecrease) (minimumDecrease, gminIndex) = (decrease, k);
        }
        outI = gmaxIndex;
        outJ = gminIndex;
        return !(gmax + gmax2 < _tol || gminIndex == -1);
    }

    /// <summary>The best of four lanes (largest or smallest value), the last index among equal values, as a sequential scan keeps.</summary>
    static (double Value, int Index) Reduce(Vector256<double> values, Vector256<long> indices, bool largest)
    {
        var (value, index) = (values[0], indices[0]);
        for (var lane = 1; lane < 4; lane++)
        {
            var (v, x) = (values[lane], indices[lane]);
            if (x < 0) continue;
            var better = index < 0 || (largest ? v > value : v < value) || (v == value && x > index);
            if (better) (value, index) = (v, x);
        }
        return (value, (int)index);
    }

    bool BeShrunk(int i, double gmax1, double gmax2) => _status[i] switch
    {
        Upper => _y[i] == 1 ? -_gradient[i] > gmax1 : -_gradient[i] > gmax2,
        Lower => _y[i] == 1 ? _gradient[i] > gmax2 : _gradient[i] > gmax1,
        _ => false,
    };

    void Shrink()
    {
        var gmax1 = double.NegativeInfinity;
        var gmax2 = double.NegativeInfinity;
        for (var i = 0; i < _activeSize; i++)
        {
            var g = _gradient[i];
            if (_y[i] == 1)
            {
                if (_status[i] != Upper && -g >= gmax1) gmax1 = -g;
                if (_status[i] != Lower && g >= gmax2) gmax2 = g;
            }
            else
            {
                if (_status[i] != Upper && -g >= gmax2) gmax2 = -g;
                if (_status[i] != Lower && g >= gmax1) gmax1 = g;
            }
        }
        if (!_unshrink && gmax1 + gmax2 <= _tol * 10)
        {
            _unshrink = true;
            ReconstructGradient();
            _activeSize = _length;
        }
        for (var i = 0; i < _activeSize; i++)
        {
            if (!BeShrunk(i, gmax1, gmax2)) continue;
            _activeSize--;
            while (_activeSize > i)
            {
                if (!BeShrunk(_activeSize, gmax1, gmax2))
                {
                    Swap(i, _activeSize);
                    break;
                }
                _activeSize--;
            }
        }
    }

    void Swap(int i, int j)
    {
        _q.Swap(i, j);
        (_y[i], _y[j]) = (_y[j], _y[i]);
        (_gradient[i], _gradient[j]) = (_gradient[j], _gradient[i]);
        (_status[i], _status[j]) = (_status[j], _status[i]);
        (_alpha[i], _alpha[j]) = (_alpha[j], _alpha[i]);
        (_p[i], _p[j]) = (_p[j], _p[i]);
        (_activeSet[i], _activeSet[j]) = (_activeSet[j], _activeSet[i]);
        (_gradientBar[i], _gradientBar[j]) = (_gradientBar[j], _gradientBar[i]);
        (_bound[i], _bound[j]) = (_bound[j], _bound[i]);
        (_ySign[i], _ySign[j]) = (_ySign[j], _ySign[i]);
        (_inUp[i], _inUp[j]) = (_inUp[j], _inUp[i]);
        (_inLow[i], _inLow[j]) = (_inLow[j], _inLow[i]);
    }

    /// <summary>Recomputes the gradient of the shrunk variables from Ḡ and the free variables, by whichever loop is shorter.</summary>
    void ReconstructGradient()
    {
        if (_activeSize == _length) return;
        for (var j = _activeSize; j < _length; j++) _gradient[j] = _gradientBar[j] + _p[j];
        var free = 0;
        for (var j = 0; j < _activeSize; j++) if (_status[j] == Free) free++;
        if ((long)free * _length > 2L * _activeSize * (_length - _activeSize))
        {
            for (var i = _activeSize; i < _length; i++)
            {
                var row = _q.Row(i, _activeSize);
                var sum = 0.0;
                for (var j = 0; j < _activeSize; j++) if (_status[j] == Free) sum += _alpha[j] * row[j];
                _gradient[i] += sum;
            }
        }
        else
        {
            for (var i = 0; i < _activeSize; i++)
            {
                if (_status[i] != Free) continue;
                var row = _q.Row(i, _length);
                var alpha = _alpha[i];
                for (var j = _activeSize; j < _length; j++) _gradient[j] += alpha * row[j];
            }
        }
    }

    /// <summary>The offset ρ: the mean of yᵢ∇ᵢ over free variables, or the middle of its feasible interval when none is free.</summary>
    double Rho()
    {
        var upper = double.PositiveInfinity;
        var lower = double.NegativeInfinity;
        var free = 0;
        var sumFree = 0.0;
        for (var i = 0; i < _activeSize; i++)
        {
            var yg = _y[i] * _gradient[i];
            if (_status[i] == Upper)
            {
                if (_y[i] == -1) upper = Math.Min(upper, yg);
                else lower = Math.Max(lower, yg);
            }
            else if (_status[i] == Lower)
            {
                if (_y[i] == 1) upper = Math.Min(upper, yg);
                else lower = Math.Max(lower, yg);
            }
            else
            {
                free++;
                sumFree += yg;
            }
        }
        return free > 0 ? sumFree / free : (upper + lower) / 2;
    }
}

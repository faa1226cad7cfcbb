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
        _activeSet = new int[_length];
        for (var i = 0; i < _length; i++)
        {
            _activeSet[i] = i;
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
        var objective = 0.0;
        for (var i = 0; i < _length; i++) objective += _alpha[i] * (_gradient[i] + _p[i]);
        var alpha = new double[_length];
        for (var i = 0; i < _length; i++) alpha[_activeSet[i]] = _alpha[i];
        return new SmoResult(alpha, rho, objective / 2, iterations, converged);
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
        var gradient = _gradient.AsSpan(0, _activeSize);
        for (var k = 0; k < gradient.Length; k++) gradient[k] += qi[k] * deltaI + qj[k] * deltaJ;

        var (wasUpperI, wasUpperJ) = (_status[i] == Upper, _status[j] == Upper);
        UpdateStatus(i);
        UpdateStatus(j);
        if (wasUpperI != (_status[i] == Upper)) UpdateGradientBar(i, wasUpperI ? -ci : ci);
        if (wasUpperJ != (_status[j] == Upper)) UpdateGradientBar(j, wasUpperJ ? -cj : cj);
    }

    void UpdateGradientBar(int i, double scale)
    {
        var row = _q.Row(i, _length);
        for (var k = 0; k < _length; k++) _gradientBar[k] += scale * row[k];
    }

    void UpdateStatus(int i) =>
        _status[i] = _alpha[i] >= _bound[i] ? Upper : _alpha[i] <= 0 ? Lower : Free;

    /// <summary>WSS3: i maximises −yᵢ∇ᵢ over I_up; j minimises the second-order objective decrease over I_low. False when optimal.</summary>
    bool SelectWorkingSet(out int outI, out int outJ)
    {
        var gmax = double.NegativeInfinity;
        var gmax2 = double.NegativeInfinity;
        var gmaxIndex = -1;
        var gminIndex = -1;
        var minimumDecrease = double.PositiveInfinity;
        for (var t = 0; t < _activeSize; t++)
        {
            if (_y[t] == 1)
            {
                if (_status[t] != Upper && -_gradient[t] >= gmax) { gmax = -_gradient[t]; gmaxIndex = t; }
            }
            else if (_status[t] != Lower && _gradient[t] >= gmax) { gmax = _gradient[t]; gmaxIndex = t; }
        }
        var i = gmaxIndex;
        ReadOnlySpan<float> qi = i == -1 ? default : _q.Row(i, _activeSize);
        var yi = i == -1 ? 0 : _y[i];
        var di = i == -1 ? 0 : _diagonal[i];
        for (var j = 0; j < _activeSize; j++)
        {
            double gradientDifference, quadratic;
            if (_y[j] == 1)
            {
                if (_status[j] == Lower) continue;
                gradientDifference = gmax + _gradient[j];
                if (_gradient[j] >= gmax2) gmax2 = _gradient[j];
                if (gradientDifference <= 0) continue;
                quadratic = di + _diagonal[j] - 2.0 * yi * qi[j];
            }
            else
            {
                if (_status[j] == Upper) continue;
                gradientDifference = gmax - _gradient[j];
                if (-_gradient[j] >= gmax2) gmax2 = -_gradient[j];
                if (gradientDifference <= 0) continue;
                quadratic = di + _diagonal[j] + 2.0 * yi * qi[j];
            }
            var decrease = -(gradientDifference * gradientDifference) / (quadratic > 0 ? quadratic : Tau);
            if (decrease <= minimumDecrease)
            {
                gminIndex = j;
                minimumDecrease = decrease;
            }
        }
        outI = gmaxIndex;
        outJ = gminIndex;
        return !(gmax + gmax2 < _tol || gminIndex == -1);
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

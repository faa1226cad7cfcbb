namespace Kiln.Learn.Svm;

/// <summary>One two-class C-SVM problem (libsvm's C-SVC for one pair of classes): yᵢ = +1 or −1, Cᵢ per row.</summary>
internal static class BinarySvm
{
    /// <summary>Solves the problem; the coefficients are yᵢαᵢ per row and the decision is Σ coefᵢK(xᵢ, x) − ρ.</summary>
    public static (double[] Coefficients, SmoResult Result) Train(ReadOnlySpan<double> rows, int count, int width, sbyte[] y, double[] bounds,
        KernelFunction kernel, SolverSettings settings, SolverMonitor monitor)
    {
        var q = new ClassificationKernelMatrix(rows.ToArray(), count, width, y, kernel, settings.CacheMegabytes);
        var minusOnes = new double[count];
        Array.Fill(minusOnes, -1.0);
        var result = SmoSolver.Solve(q, minusOnes, y, bounds, settings.Tol, settings.Shrinking, settings.MaxIterations, monitor);
        var coefficients = new double[count];
        for (var i = 0; i < count; i++) coefficients[i] = y[i] * result.Alpha[i];
        return (coefficients, result);
    }

    /// <summary>
    /// Platt's calibration of one pair (libsvm's svm_binary_svc_probability): decision values of every row from five
    /// models each fitted without that row's fold (C per row as in the full problem), then the sigmoid fitted to them.
    /// </summary>
    public static (double A, double B) CrossValidatedSigmoid(ReadOnlySpan<double> rows, int count, int width, sbyte[] y, double[] bounds,
        KernelFunction kernel, SolverSettings settings, SolverMonitor monitor, Random random)
    {
        const int folds = 5;
        var order = new int[count];
        for (var i = 0; i < count; i++) order[i] = i;
        for (var i = 0; i < count; i++)
        {
            var j = i + random.Next(count - i);
            (order[i], order[j]) = (order[j], order[i]);
        }
        var decisions = new double[count];
        for (var fold = 0; fold < folds; fold++)
        {
            var (begin, end) = (fold * count / folds, (fold + 1) * count / folds);
            var trainCount = count - (end - begin);
            var train = new int[trainCount];
            var filled = 0;
            for (var k = 0; k < count; k++) if (k < begin || k >= end) train[filled++] = order[k];
            var (positives, negatives) = (0, 0);
            foreach (var row in train) if (y[row] > 0) positives++; else negatives++;
            if (positives == 0 || negatives == 0)
            {
                var constant = positives == 0 && negatives == 0 ? 0 : positives > 0 ? 1 : -1;
                for (var k = begin; k < end; k++) decisions[order[k]] = constant;
                continue;
            }
            var trainRows = SvmParameters.Rows(rows, width, train);
            var trainY = new sbyte[trainCount];
            var trainBounds = new double[trainCount];
            for (var k = 0; k < trainCount; k++) (trainY[k], trainBounds[k]) = (y[train[k]], bounds[train[k]]);
            var (coefficients, result) = Train(trainRows, trainCount, width, trainY, trainBounds, kernel, settings, monitor);
            var supports = new List<int>();
            for (var k = 0; k < trainCount; k++) if (coefficients[k] != 0) supports.Add(k);
            var vectors = SvmParameters.Rows(trainRows, width, [.. supports]);
            var expansion = new SupportVectorExpansion(kernel, vectors, supports.Count, width);
            var heldOut = SvmParameters.Rows(rows, width, order.AsSpan(begin, end - begin));
            expansion.ForEachRow(heldOut, end - begin, (k, values) =>
            {
                var sum = -result.Rho;
                for (var s = 0; s < values.Length; s++) sum += coefficients[supports[s]] * values[s];
                decisions[order[begin + k]] = sum;
            });
        }
        return PlattScaling.Fit(decisions, y);
    }
}

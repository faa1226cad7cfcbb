namespace Kiln.Learn.Trees;

/// <summary>
/// Grows one tree over binned features, scikit-learn's builders on integer codes: depth-first, or best-first when
/// <see cref="TreeGrowth.MaxLeafNodes"/> is set. A node's rows are a range of one permutation that each split partitions
/// in place. Large nodes find their best split from per-bin histograms (the larger child's taken as the parent's minus
/// the smaller child's); small nodes, the absolute-error criterion and random thresholds work from the node's rows.
/// Weights are per row (bootstrap counts times sample and class weights); rows of weight zero never enter the tree.
/// </summary>
internal sealed class TreeBuilder
{
    // below this many rows a node sorts its codes instead of sweeping a feature's histogram
    const int SmallNodeRows = 32;

    // numpy's double machine epsilon, which scikit-learn's builders compare impurities against
    const double Epsilon = 2.220446049250313e-16;

    readonly BinnedFeatures _bins;
    readonly ushort[] _codes;
    readonly int _featureCount;
    readonly int[]? _classOf;
    readonly double[]? _y;
    readonly double[] _weights;
    readonly int _classCount;
    readonly int _stride;
    readonly TreeGrowth _growth;
    SplitterRandom _random;
    readonly int[] _rows;
    readonly int _rowCount;
    readonly int[] _scratchRows;
    readonly ushort[] _scratchCodes;
    readonly int[] _features;
    readonly int[] _constantFeatures;
    readonly double _minWeightLeaf;
    readonly double _rootWeight;
    readonly bool _histograms;
    readonly bool _fullHistograms;
    readonly int _histogramMinRows;
    readonly int _histogramLength;
    readonly Stack<double[]> _freeHistograms = new();
    readonly double[] _featureHistogram;
    readonly TreeNodes _nodes;
    CancellationToken _cancellation;

    // absolute error: each row's rank by target within the node being split, and Fenwick sums over those ranks
    readonly int[]? _rankOfRow;
    readonly double[]? _sortedTargets;
    readonly double[]? _fenwickLeftWeight, _fenwickLeftSum, _fenwickRightWeight, _fenwickRightSum;
    int _absoluteCount;

    TreeBuilder(BinnedFeatures bins, TreeTarget target, double[] weights, int[] rows, TreeGrowth growth, uint seed, TreeScratch scratch)
    {
        _bins = bins;
        _codes = bins.Codes;
        _featureCount = bins.FeatureCount;
        _classOf = target.Classes;
        _y = target.Values;
        _weights = weights;
        _classCount = target.ClassCount;
        _stride = target.IsClassification ? _classCount + 1 : 3;
        _growth = growth;
        _random = new SplitterRandom(seed);
        _rowCount = rows.Length;
        _rows = scratch.Rows(rows.Length);
        rows.CopyTo(_rows, 0);
        _scratchRows = scratch.OtherRows(rows.Length);
        _scratchCodes = scratch.Codes(rows.Length);
        _features = new int[_featureCount];
        for (var f = 0; f < _featureCount; f++) _features[f] = f;
        _constantFeatures = new int[_featureCount];
        var total = 0.0;
        foreach (var r in rows) total += weights[r];
        _rootWeight = total;
        _minWeightLeaf = growth.MinWeightFractionLeaf * total;
        _histograms = growth.Criterion != SplitCriterion.AbsoluteError && !growth.RandomThresholds;
        _fullHistograms = _histograms && growth.MaxFeatures >= _featureCount;
        // below this many rows, a node's per-feature work is cheaper than building every feature's histogram
        _histogramMinRows = Math.Max(64, bins.TotalBins / Math.Max(1, _featureCount));
        _histogramLength = bins.TotalBins * _stride;
        var widestFeature = 0;
        for (var f = 0; f < _featureCount; f++) widestFeature = Math.Max(widestFeature, bins.BinCount(f));
        _featureHistogram = new double[_histograms ? widestFeature * _stride : 0];
        _nodes = scratch.Nodes(target.IsClassification ? _classCount : 1);
        if (growth.Criterion == SplitCriterion.AbsoluteError)
        {
            _rankOfRow = new int[bins.RowCount];
            _sortedTargets = new double[rows.Length];
            _fenwickLeftWeight = new double[rows.Length + 1];
            _fenwickLeftSum = new double[rows.Length + 1];
            _fenwickRightWeight = new double[rows.Length + 1];
            _fenwickRightSum = new double[rows.Length + 1];
        }
    }

    /// <summary>Grows a tree on <paramref name="rows"/> (each of positive weight) of the binned features.</summary>
    /// <remarks><paramref name="seed"/> is the splitter generator's state, as scikit-learn's Splitter.rand_r_state.</remarks>
    public static FittedTree Grow(BinnedFeatures bins, TreeTarget target, double[] weights, int[] rows, TreeGrowth growth, uint seed,
        TreeScratch? scratch = null, CancellationToken cancellation = default)
    {
        var builder = new TreeBuilder(bins, target, weights, rows, growth, seed, scratch ?? new TreeScratch()) { _cancellation = cancellation };
        if (growth.MaxLeafNodes > 0) builder.GrowBestFirst();
        else builder.GrowDepthFirst();
        var tree = builder._nodes.ToTree();
        return growth.CcpAlpha > 0 ? CostComplexityPruning.Prune(tree, growth.CcpAlpha) : tree;
    }

    /// <summary>A node waiting to be split: its rows, place in the tree, totals, impurity and (when kept) its histogram.</summary>
    sealed record Pending(int Start, int End, int Depth, int Parent, bool IsLeft, double[] Stats, double Impurity, double[]? Histogram, int ConstantFeatures = 0);

    /// <summary>A chosen split with what its children start from.</summary>
    sealed record Chosen(int Feature, double Threshold, int Middle, double Improvement, double[] LeftStats, double[] RightStats,
        double LeftImpurity, double RightImpurity, int ConstantFeatures);

    void GrowDepthFirst()
    {
        var stack = new Stack<Pending>();
        stack.Push(Root());
        while (stack.Count > 0)
        {
            _cancellation.ThrowIfCancellationRequested();
            var node = stack.Pop();
            var splittable = CanSplit(node);
            // the node keeps its histogram, so that its larger child's can be had by subtraction
            if (splittable && _fullHistograms && node.Histogram is null && node.End - node.Start >= _histogramMinRows)
                node = node with { Histogram = BuildFullHistogram(node.Start, node.End) };
            var split = splittable ? FindSplit(node) : null;
            var id = _nodes.Add(node.Parent, node.IsLeft, split?.Feature ?? -1, split?.Threshold ?? 0, node.Impurity,
                node.End - node.Start, Weight(node.Stats), NodeValue(node));
            if (split is null)
            {
                Release(node.Histogram);
                continue;
            }
            var (leftHistogram, rightHistogram) = ChildHistograms(node, split);
            stack.Push(new Pending(split.Middle, node.End, node.Depth + 1, id, false, split.RightStats, split.RightImpurity, rightHistogram, split.ConstantFeatures));
            stack.Push(new Pending(node.Start, split.Middle, node.Depth + 1, id, true, split.LeftStats, split.LeftImpurity, leftHistogram, split.ConstantFeatures));
        }
    }

    void GrowBestFirst()
    {
        // the frontier holds nodes with a valid split, the largest improvement first; ties go to the earlier node
        var frontier = new PriorityQueue<(Pending Node, Chosen Split, int Id), (double, int)>();
        var order = 0;
        void Add(Pending node)
        {
            var split = CanSplit(node) ? FindSplit(node) : null;
            var id = _nodes.Add(node.Parent, node.IsLeft, -1, 0, node.Impurity, node.End - node.Start, Weight(node.Stats), NodeValue(node));
            Release(node.Histogram);
            if (split is not null) frontier.Enqueue((node with { Histogram = null }, split, id), (-split.Improvement, order++));
        }
        Add(Root());
        var splits = 0;
        while (frontier.Count > 0 && splits < _growth.MaxLeafNodes - 1)
        {
            _cancellation.ThrowIfCancellationRequested();
            var (node, split, id) = frontier.Dequeue();
            _nodes.MakeSplit(id, split.Feature, split.Threshold);
            splits++;
            Add(new Pending(node.Start, split.Middle, node.Depth + 1, id, true, split.LeftStats, split.LeftImpurity, null));
            Add(new Pending(split.Middle, node.End, node.Depth + 1, id, false, split.RightStats, split.RightImpurity, null));
        }
    }

    Pending Root()
    {
        var stats = new double[_stride];
        Accumulate(0, _rowCount, stats);
        return new Pending(0, _rowCount, 0, -1, false, stats, Impurity(0, _rowCount, stats), null);
    }

    bool CanSplit(Pending node)
    {
        var count = node.End - node.Start;
        var weight = Weight(node.Stats);
        return node.Depth < _growth.MaxDepth
            && count >= _growth.MinSamplesSplit
            && count >= 2 * _growth.MinSamplesLeaf
            && weight >= 2 * _minWeightLeaf
            && node.Impurity > Epsilon;
    }

    /// <summary>The node's best split, or null when none is valid or it decreases impurity by less than min impurity decrease.</summary>
    Chosen? FindSplit(Pending node)
    {
        var count = node.End - node.Start;
        var histogram = _fullHistograms && count >= _histogramMinRows ? node.Histogram ?? BuildFullHistogram(node.Start, node.End) : null;
        if (_growth.Criterion == SplitCriterion.AbsoluteError) RankTargets(node.Start, node.End);

        var bestFeature = -1;
        var bestBin = 0;
        var bestProxy = double.NegativeInfinity;
        var bestThreshold = 0.0;
        var left = new double[_stride];
        // scikit-learn's feature draw: features known constant from the parent sit first and are skipped, features found
        // constant here join them, and at least max-features features (one not constant) are looked at
        var knownConstants = node.ConstantFeatures;
        int drawnConstants = 0, foundConstants = 0, totalConstants = knownConstants, visited = 0;
        var remaining = _featureCount;
        while (remaining > totalConstants && (visited < _growth.MaxFeatures || visited <= foundConstants + drawnConstants))
        {
            visited++;
            var j = _random.Below(drawnConstants, remaining - foundConstants);
            if (j < knownConstants)
            {
                (_features[drawnConstants], _features[j]) = (_features[j], _features[drawnConstants]);
                drawnConstants++;
                continue;
            }
            j += foundConstants;
            var f = _features[j];
            FeatureSplit candidate;
            if (_growth.RandomThresholds) candidate = RandomSplit(f, node, left);
            else if (histogram is not null)
                candidate = HistogramSplit(f, histogram.AsSpan(_bins.BinOffset[f] * _stride, _bins.BinCount(f) * _stride), node, left);
            else if (_histograms && count >= Math.Max(SmallNodeRows, _bins.BinCount(f) / 8))
            {
                var span = _featureHistogram.AsSpan(0, _bins.BinCount(f) * _stride);
                BuildFeatureHistogram(f, node.Start, node.End, span);
                candidate = HistogramSplit(f, span, node, left);
            }
            else candidate = SortedSplit(f, node, left);
            if (candidate.Constant)
            {
                (_features[j], _features[totalConstants]) = (_features[totalConstants], _features[j]);
                foundConstants++;
                totalConstants++;
                continue;
            }
            remaining--;
            (_features[remaining], _features[j]) = (_features[j], _features[remaining]);
            if (candidate.Found && candidate.Proxy > bestProxy)
                (bestFeature, bestBin, bestProxy, bestThreshold) = (f, candidate.Bin, candidate.Proxy, candidate.Threshold);
        }
        // the known constants keep their order for the node's children and siblings; the newly found ones are remembered
        Array.Copy(_constantFeatures, 0, _features, 0, knownConstants);
        Array.Copy(_features, knownConstants, _constantFeatures, knownConstants, foundConstants);
        if (histogram is not null && node.Histogram is null) Release(histogram);
        if (bestFeature < 0) return null;

        var middle = Partition(node.Start, node.End, bestFeature, bestBin);
        var leftStats = new double[_stride];
        Accumulate(node.Start, middle, leftStats);
        // the right side summed afresh rather than as the node's minus the left's, which would carry rounding
        var rightStats = new double[_stride];
        Accumulate(middle, node.End, rightStats);
        var leftImpurity = Impurity(node.Start, middle, leftStats);
        var rightImpurity = Impurity(middle, node.End, rightStats);
        double weight = Weight(node.Stats), leftWeight = Weight(leftStats), rightWeight = Weight(rightStats);
        var improvement = weight / _rootWeight
            * (node.Impurity - rightWeight / weight * rightImpurity - leftWeight / weight * leftImpurity);
        // a refused split leaves the rows partitioned, which is harmless: the node becomes a leaf
        if (improvement + Epsilon < _growth.MinImpurityDecrease) return null;
        return new Chosen(bestFeature, bestThreshold, middle, improvement, leftStats, rightStats, leftImpurity, rightImpurity, totalConstants);
    }

    readonly record struct FeatureSplit(bool Found, bool Constant, int Bin, double Threshold, double Proxy);

    /// <summary>The best boundary between the node's occupied bins of one feature, from its histogram.</summary>
    FeatureSplit HistogramSplit(int feature, ReadOnlySpan<double> histogram, Pending node, double[] left)
    {
        var bins = histogram.Length / _stride;
        var countSlot = _stride - 1;
        var first = 0;
        while (first < bins && histogram[first * _stride + countSlot] == 0) first++;
        var last = bins - 1;
        while (last > first && histogram[last * _stride + countSlot] == 0) last--;
        if (first >= last) return new FeatureSplit(false, true, 0, 0, 0);
        Array.Clear(left);
        var nodeCount = node.End - node.Start;
        var best = new FeatureSplit(false, false, 0, 0, double.NegativeInfinity);
        for (var b = first; b < last; b++)
        {
            var cell = histogram.Slice(b * _stride, _stride);
            if (cell[countSlot] == 0) continue;
            for (var s = 0; s < _stride; s++) left[s] += cell[s];
            var leftCount = (int)left[countSlot];
            if (leftCount < _growth.MinSamplesLeaf) continue;
            if (nodeCount - leftCount < _growth.MinSamplesLeaf) break;
            var proxy = Proxy(left, node.Stats, out var valid);
            if (valid && proxy > best.Proxy)
            {
                var next = b + 1;
                while (histogram[next * _stride + countSlot] == 0) next++;
                best = new FeatureSplit(true, false, b, _bins.Threshold(feature, b, next), proxy);
            }
        }
        return best;
    }

    /// <summary>The best boundary between the node's distinct codes of one feature, by sorting the node's codes.</summary>
    FeatureSplit SortedSplit(int feature, Pending node, double[] left)
    {
        var count = node.End - node.Start;
        var keys = _scratchCodes.AsSpan(0, count);
        var rows = _scratchRows.AsSpan(0, count);
        for (var i = 0; i < count; i++)
        {
            var row = _rows[node.Start + i];
            rows[i] = row;
            keys[i] = _codes[(long)row * _featureCount + feature];
        }
        keys.Sort(rows);
        if (keys[0] == keys[count - 1]) return new FeatureSplit(false, true, 0, 0, 0);
        var absolute = _growth.Criterion == SplitCriterion.AbsoluteError;
        if (absolute) StartAbsoluteSweep(node.Start, node.End);
        Array.Clear(left);
        var best = new FeatureSplit(false, false, 0, 0, double.NegativeInfinity);
        for (var i = 0; i < count - 1; i++)
        {
            var row = rows[i];
            AddRow(row, left);
            if (absolute) MoveLeft(row);
            if (keys[i] == keys[i + 1]) continue;
            var leftCount = i + 1;
            if (leftCount < _growth.MinSamplesLeaf) continue;
            if (count - leftCount < _growth.MinSamplesLeaf) break;
            var proxy = absolute ? AbsoluteProxy(left, node.Stats, out var valid) : Proxy(left, node.Stats, out valid);
            if (valid && proxy > best.Proxy)
                best = new FeatureSplit(true, false, keys[i], _bins.Threshold(feature, keys[i], keys[i + 1]), proxy);
        }
        return best;
    }

    /// <summary>Extra trees: one threshold drawn uniformly between the node's smallest and largest value of the feature.</summary>
    FeatureSplit RandomSplit(int feature, Pending node, double[] left)
    {
        int low = ushort.MaxValue, high = 0;
        for (var i = node.Start; i < node.End; i++)
        {
            int code = _codes[(long)_rows[i] * _featureCount + feature];
            if (code < low) low = code;
            if (code > high) high = code;
        }
        if (low == high) return new FeatureSplit(false, true, 0, 0, 0);
        var offset = _bins.BinOffset[feature];
        double min = _bins.BinLow[offset + low], max = _bins.BinHigh[offset + high];
        var threshold = _random.Uniform(min, max);
        if (threshold >= max) threshold = min;
        // rows go left by bin: every bin starting at or below the threshold, and the threshold moved to keep its bin whole
        var bin = low;
        while (bin + 1 < high && _bins.BinLow[offset + bin + 1] <= threshold) bin++;
        if (_bins.BinHigh[offset + bin] > threshold) threshold = _bins.BinHigh[offset + bin];
        Array.Clear(left);
        var leftCount = 0;
        List<int>? leftRows = _growth.Criterion == SplitCriterion.AbsoluteError ? [] : null;
        for (var i = node.Start; i < node.End; i++)
        {
            var row = _rows[i];
            if (_codes[(long)row * _featureCount + feature] > bin) continue;
            AddRow(row, left);
            leftRows?.Add(row);
            leftCount++;
        }
        var count = node.End - node.Start;
        if (leftCount < _growth.MinSamplesLeaf || count - leftCount < _growth.MinSamplesLeaf)
            return new FeatureSplit(false, false, 0, 0, 0);
        left[_stride - 1] = leftCount;
        double proxy;
        bool valid;
        if (leftRows is null) proxy = Proxy(left, node.Stats, out valid);
        else
        {
            var rightRows = new List<int>(count - leftCount);
            for (var i = node.Start; i < node.End; i++)
                if (_codes[(long)_rows[i] * _featureCount + feature] > bin) rightRows.Add(_rows[i]);
            var leftWeight = left[0];
            var rightWeight = node.Stats[0] - leftWeight;
            valid = leftWeight >= _minWeightLeaf && rightWeight >= _minWeightLeaf;
            proxy = -(AbsoluteLoss(leftRows) + AbsoluteLoss(rightRows));
        }
        return new FeatureSplit(valid, false, bin, threshold, proxy);
    }

    /// <summary>scikit-learn's proxy for the impurity improvement (larger is better) of the split with these left totals.</summary>
    double Proxy(double[] left, double[] node, out bool valid)
    {
        double leftWeight, rightWeight;
        switch (_growth.Criterion)
        {
            case SplitCriterion.Gini:
            {
                double leftSquares = 0, rightSquares = 0;
                leftWeight = rightWeight = 0;
                for (var c = 0; c < _classCount; c++)
                {
                    double l = left[c], r = node[c] - l;
                    leftWeight += l;
                    rightWeight += r;
                    leftSquares += l * l;
                    rightSquares += r * r;
                }
                valid = leftWeight >= _minWeightLeaf && rightWeight >= _minWeightLeaf && leftWeight > 0 && rightWeight > 0;
                // scikit-learn's arithmetic, so that equal splits compare equal on both sides
                var leftGini = 1.0 - leftSquares / (leftWeight * leftWeight);
                var rightGini = 1.0 - rightSquares / (rightWeight * rightWeight);
                return -rightWeight * rightGini - leftWeight * leftGini;
            }
            case SplitCriterion.Entropy:
            {
                leftWeight = rightWeight = 0;
                for (var c = 0; c < _classCount; c++)
                {
                    leftWeight += left[c];
                    rightWeight += node[c] - left[c];
                }
                valid = leftWeight >= _minWeightLeaf && rightWeight >= _minWeightLeaf && leftWeight > 0 && rightWeight > 0;
                double leftEntropy = 0, rightEntropy = 0;
                for (var c = 0; c < _classCount; c++)
                {
                    double l = left[c], r = node[c] - l;
                    if (l > 0) leftEntropy -= l / leftWeight * Log2(l / leftWeight);
                    if (r > 0) rightEntropy -= r / rightWeight * Log2(r / rightWeight);
                }
                return -rightWeight * rightEntropy - leftWeight * leftEntropy;
            }
            default:
            {
                leftWeight = left[0];
                rightWeight = node[0] - leftWeight;
                valid = leftWeight >= _minWeightLeaf && rightWeight >= _minWeightLeaf && leftWeight > 0 && rightWeight > 0;
                double leftSum = left[1], rightSum = node[1] - leftSum;
                return leftSum * leftSum / leftWeight + rightSum * rightSum / rightWeight;
            }
        }
    }

    /// <summary>Splits the node's range so rows whose code is at most <paramref name="bin"/> come first; returns where the right part starts.</summary>
    int Partition(int start, int end, int feature, int bin)
    {
        var write = start;
        var spill = 0;
        for (var i = start; i < end; i++)
        {
            var row = _rows[i];
            if (_codes[(long)row * _featureCount + feature] <= bin) _rows[write++] = row;
            else _scratchRows[spill++] = row;
        }
        _scratchRows.AsSpan(0, spill).CopyTo(_rows.AsSpan(write));
        return write;
    }

    /// <summary>The histograms the children start from: the smaller child's built from its rows, the larger's the parent's minus it.</summary>
    (double[]? Left, double[]? Right) ChildHistograms(Pending node, Chosen split)
    {
        var parent = node.Histogram;
        var leftCount = split.Middle - node.Start;
        var rightCount = node.End - split.Middle;
        var larger = Math.Max(leftCount, rightCount);
        if (!_fullHistograms || larger < _histogramMinRows)
        {
            Release(parent);
            return (null, null);
        }
        var leftIsSmaller = leftCount <= rightCount;
        var smaller = leftIsSmaller ? BuildFullHistogram(node.Start, split.Middle) : BuildFullHistogram(split.Middle, node.End);
        parent ??= BuildFullHistogram(node.Start, node.End);
        System.Numerics.Tensors.TensorPrimitives.Subtract(parent, smaller, parent);
        return leftIsSmaller ? (smaller, parent) : (parent, smaller);
    }

    /// <summary>Every feature's histogram of the rows in [start, end), one pass over the rows' contiguous codes.</summary>
    double[] BuildFullHistogram(int start, int end)
    {
        var histogram = _freeHistograms.Count > 0 ? _freeHistograms.Pop() : new double[_histogramLength];
        Array.Clear(histogram);
        var offsets = _bins.BinOffset;
        var stride = _stride;
        var featureCount = _featureCount;
        for (var i = start; i < end; i++)
        {
            var row = _rows[i];
            var codes = _codes.AsSpan((int)((long)row * featureCount), featureCount);
            var w = _weights[row];
            if (_classOf is not null)
            {
                var c = _classOf[row];
                for (var f = 0; f < featureCount; f++)
                {
                    var cell = (offsets[f] + codes[f]) * stride;
                    histogram[cell + c] += w;
                    histogram[cell + stride - 1] += 1;
                }
            }
            else
            {
                var wy = w * _y![row];
                for (var f = 0; f < featureCount; f++)
                {
                    var cell = (offsets[f] + codes[f]) * 3;
                    histogram[cell] += w;
                    histogram[cell + 1] += wy;
                    histogram[cell + 2] += 1;
                }
            }
        }
        return histogram;
    }

    void BuildFeatureHistogram(int feature, int start, int end, Span<double> histogram)
    {
        histogram.Clear();
        for (var i = start; i < end; i++)
        {
            var row = _rows[i];
            var cell = _codes[(long)row * _featureCount + feature] * _stride;
            AddRow(row, histogram.Slice(cell, _stride));
        }
    }

    void Release(double[]? histogram)
    {
        if (histogram is not null) _freeHistograms.Push(histogram);
    }

    /// <summary>Adds a row's weight (to its class, or with its weighted target) and one to the count.</summary>
    void AddRow(int row, Span<double> stats)
    {
        var w = _weights[row];
        if (_classOf is not null) stats[_classOf[row]] += w;
        else
        {
            stats[0] += w;
            stats[1] += w * _y![row];
        }
        stats[_stride - 1] += 1;
    }

    void Accumulate(int start, int end, double[] stats)
    {
        for (var i = start; i < end; i++) AddRow(_rows[i], stats);
    }

    double Weight(double[] stats)
    {
        if (_classOf is null) return stats[0];
        var total = 0.0;
        for (var c = 0; c < _classCount; c++) total += stats[c];
        return total;
    }

    double Impurity(int start, int end, double[] stats)
    {
        var weight = Weight(stats);
        switch (_growth.Criterion)
        {
            case SplitCriterion.Gini:
            {
                var squares = 0.0;
                for (var c = 0; c < _classCount; c++) squares += stats[c] * stats[c];
                return 1.0 - squares / (weight * weight);
            }
            case SplitCriterion.Entropy:
            {
                var entropy = 0.0;
                for (var c = 0; c < _classCount; c++)
                    if (stats[c] > 0)
                    {
                        var p = stats[c] / weight;
                        entropy -= p * Log2(p);
                    }
                return entropy;
            }
            case SplitCriterion.SquaredError:
            {
                var squares = 0.0;
                for (var i = start; i < end; i++)
                {
                    var row = _rows[i];
                    squares += _weights[row] * _y![row] * _y[row];
                }
                var mean = stats[1] / weight;
                return squares / weight - mean * mean;
            }
            default:
            {
                var median = WeightedMedian(start, end);
                var loss = 0.0;
                for (var i = start; i < end; i++)
                {
                    var row = _rows[i];
                    loss += _weights[row] * Math.Abs(_y![row] - median);
                }
                return loss / weight;
            }
        }
    }

    /// <summary>log₂ as scikit-learn computes it, ln x / ln 2.</summary>
    static double Log2(double x) => Math.Log(x) / Math.Log(2.0);

    double[] NodeValue(Pending node)
    {
        if (_classOf is not null) return node.Stats[.._classCount];
        if (_growth.Criterion == SplitCriterion.AbsoluteError) return [WeightedMedian(node.Start, node.End)];
        return [node.Stats[1] / node.Stats[0]];
    }

    /// <summary>scikit-learn's weighted median: the first value whose cumulative weight reaches half, averaged with the next when exactly half.</summary>
    double WeightedMedian(int start, int end)
    {
        var count = end - start;
        var values = new double[count];
        var weights = new double[count];
        var total = 0.0;
        for (var i = 0; i < count; i++)
        {
            var row = _rows[start + i];
            values[i] = _y![row];
            weights[i] = _weights[row];
            total += weights[i];
        }
        Array.Sort(values, weights);
        var cumulative = 0.0;
        for (var i = 0; i < count; i++)
        {
            cumulative += weights[i];
            if (cumulative < total / 2) continue;
            return cumulative == total / 2 && i + 1 < count ? (values[i] + values[i + 1]) / 2 : values[i];
        }
        return values[^1];
    }

    double AbsoluteLoss(List<int> rows)
    {
        var start = 0;
        var values = new double[rows.Count];
        var weights = new double[rows.Count];
        var total = 0.0;
        foreach (var row in rows)
        {
            values[start] = _y![row];
            weights[start++] = _weights[row];
        }
        foreach (var w in weights) total += w;
        Array.Sort(values, weights);
        var cumulative = 0.0;
        var median = values[^1];
        for (var i = 0; i < values.Length; i++)
        {
            cumulative += weights[i];
            if (cumulative >= total / 2)
            {
                median = values[i];
                break;
            }
        }
        var loss = 0.0;
        for (var i = 0; i < values.Length; i++) loss += weights[i] * Math.Abs(values[i] - median);
        return loss;
    }

    /// <summary>Ranks the node's rows by target, so the sweeps can keep weighted medians in Fenwick trees over the ranks.</summary>
    void RankTargets(int start, int end)
    {
        var count = end - start;
        var rows = _scratchRows.AsSpan(0, count);
        var targets = _sortedTargets.AsSpan(0, count);
        for (var i = 0; i < count; i++)
        {
            rows[i] = _rows[start + i];
            targets[i] = _y![rows[i]];
        }
        targets.Sort(rows);
        for (var i = 0; i < count; i++) _rankOfRow![rows[i]] = i;
    }

    void StartAbsoluteSweep(int start, int end)
    {
        var count = end - start;
        Array.Clear(_fenwickLeftWeight!, 0, count + 1);
        Array.Clear(_fenwickLeftSum!, 0, count + 1);
        Array.Clear(_fenwickRightWeight!, 0, count + 1);
        Array.Clear(_fenwickRightSum!, 0, count + 1);
        for (var i = start; i < end; i++)
        {
            var row = _rows[i];
            FenwickAdd(_fenwickRightWeight!, _fenwickRightSum!, count, _rankOfRow![row], _weights[row], _weights[row] * _y![row]);
        }
        _absoluteCount = count;
    }

    void MoveLeft(int row)
    {
        var rank = _rankOfRow![row];
        double w = _weights[row], wy = w * _y![row];
        FenwickAdd(_fenwickLeftWeight!, _fenwickLeftSum!, _absoluteCount, rank, w, wy);
        FenwickAdd(_fenwickRightWeight!, _fenwickRightSum!, _absoluteCount, rank, -w, -wy);
    }

    double AbsoluteProxy(double[] left, double[] node, out bool valid)
    {
        var leftWeight = left[0];
        var rightWeight = node[0] - leftWeight;
        valid = leftWeight >= _minWeightLeaf && rightWeight >= _minWeightLeaf && leftWeight > 0 && rightWeight > 0;
        return -(FenwickLoss(_fenwickLeftWeight!, _fenwickLeftSum!, leftWeight, left[1])
            + FenwickLoss(_fenwickRightWeight!, _fenwickRightSum!, rightWeight, node[1] - left[1]));
    }

    static void FenwickAdd(double[] weights, double[] sums, int count, int rank, double w, double wy)
    {
        for (var i = rank + 1; i <= count; i += i & -i)
        {
            weights[i] += w;
            sums[i] += wy;
        }
    }

    /// <summary>Σ w·|y − median| of the rows in the Fenwick trees: below the median each row counts median − y, above y − median.</summary>
    double FenwickLoss(double[] weights, double[] sums, double totalWeight, double totalSum)
    {
        // descend to the last rank whose cumulative weight stays below half; the next rank holds a weighted median
        var position = 0;
        double below = 0, belowSum = 0;
        var step = 1;
        while (step * 2 <= _absoluteCount) step *= 2;
        for (; step > 0; step /= 2)
        {
            var next = position + step;
            if (next <= _absoluteCount && below + weights[next] < totalWeight / 2)
            {
                position = next;
                below += weights[next];
                belowSum += sums[next];
            }
        }
        if (position >= _absoluteCount) position = _absoluteCount - 1;
        var median = _sortedTargets![position];
        return median * below - belowSum + (totalSum - belowSum) - median * (totalWeight - below);
    }
}

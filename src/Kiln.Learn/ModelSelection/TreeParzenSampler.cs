namespace Kiln.Learn.ModelSelection;

/// <summary>
/// The tree-structured Parzen estimator of Bergstra et al. (2011), one parameter at a time as Optuna's default TPE: the
/// finished candidates are split into the best quarter (at most 25) and the rest, pruned ones among the rest; each
/// group's values become a density (a mixture of truncated Gaussians on the range's scale with a wide prior, or
/// smoothed counts for a list); 24 values are drawn from the good density and the one with the highest ratio of good to
/// poor density is proposed.
/// </summary>
internal sealed class TreeParzenSampler(SearchSpace space)
{
    const int Draws = 24;
    const double GoodShare = 0.25;
    const int MostGood = 25;

    public IReadOnlyDictionary<string, object?> Suggest(IReadOnlyList<SearchTrial> history, Random random)
    {
        var complete = history.Where(t => !t.Pruned && !double.IsNaN(t.Score)).OrderByDescending(t => t.Score).ToList();
        var goodCount = Math.Clamp((int)Math.Ceiling(GoodShare * complete.Count), 1, MostGood);
        var good = complete.Take(goodCount).ToList();
        var poor = complete.Skip(goodCount).Concat(history.Where(t => t.Pruned || double.IsNaN(t.Score))).ToList();
        if (good.Count == 0) return space.Sample(random);
        var candidate = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var dimension in space.Dimensions)
            candidate[dimension.Parameter] = dimension.IsRange
                ? SuggestNumber(dimension, Values(good, dimension), Values(poor, dimension), random)
                : SuggestChoice(dimension, good, poor, random);
        return candidate;
    }

    static double[] Values(List<SearchTrial> trials, ParameterDistribution dimension) =>
        [.. trials.Select(t => t.Parameters[dimension.Parameter]).OfType<IConvertible>()
            .Select(v => dimension.Scale(v.ToDouble(System.Globalization.CultureInfo.InvariantCulture)))];

    static object? SuggestNumber(ParameterDistribution dimension, double[] good, double[] poor, Random random)
    {
        var (low, high) = (dimension.Scale(dimension.Low), dimension.Scale(dimension.High));
        var goodDensity = new ParzenMixture(good, low, high);
        var poorDensity = new ParzenMixture(poor, low, high);
        var best = double.NaN;
        var bestRatio = double.NegativeInfinity;
        for (var i = 0; i < Draws; i++)
        {
            var x = goodDensity.Sample(random);
            var ratio = goodDensity.LogDensity(x) - poorDensity.LogDensity(x);
            if (ratio > bestRatio) (best, bestRatio) = (x, ratio);
        }
        return dimension.FromScale(best);
    }

    static object? SuggestChoice(ParameterDistribution dimension, List<SearchTrial> good, List<SearchTrial> poor, Random random)
    {
        var values = dimension.Values;
        // counts smoothed by one of each value, so no value ever has zero chance
        double[] Weights(List<SearchTrial> trials)
        {
            var weights = Enumerable.Repeat(1.0, values.Count).ToArray();
            foreach (var trial in trials)
            {
                var at = IndexOf(values, trial.Parameters[dimension.Parameter]);
                if (at >= 0) weights[at]++;
            }
            var total = weights.Sum();
            return [.. weights.Select(w => w / total)];
        }
        var (goodWeights, poorWeights) = (Weights(good), Weights(poor));
        var best = 0;
        var bestRatio = double.NegativeInfinity;
        for (var i = 0; i < Draws; i++)
        {
            var at = Draw(goodWeights, random);
            var ratio = Math.Log(goodWeights[at]) - Math.Log(poorWeights[at]);
            if (ratio > bestRatio) (best, bestRatio) = (at, ratio);
        }
        return values[best];
    }

    static int IndexOf(IReadOnlyList<object?> values, object? value)
    {
        for (var i = 0; i < values.Count; i++) if (Equals(values[i], value)) return i;
        return -1;
    }

    static int Draw(double[] weights, Random random)
    {
        var u = random.NextDouble();
        for (var i = 0; i < weights.Length - 1; i++)
        {
            u -= weights[i];
            if (u < 0) return i;
        }
        return weights.Length - 1;
    }
}

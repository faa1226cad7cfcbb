using Kiln.Data;
using Kiln.Learn;
using Kiln.Learn.Cluster;
using Kiln.Learn.Decomposition;
using Kiln.Learn.Linear;
using Kiln.Learn.NaiveBayes;
using Kiln.Learn.Neighbors;
using Kiln.Learn.Svm;
using static Kiln.Bench.Timing;

namespace Kiln.Bench;

/// <summary>
/// Kiln's side of bench/learners-vs-sklearn.sh: fit and predict (or transform) of every learner that has a
/// scikit-learn counterpart, with the same parameters as bench/learners_sklearn.py, on the same generated CSV.
/// Prints "model.fit", "model.predict" and, for classifiers with probabilities, "model.proba" seconds.
/// </summary>
public static class LearnersBenchmark
{
    const int NeighbourRows = 20_000;
    const int NeighbourQueries = 5_000;

    static IReadOnlySet<string>? selected;

    /// <param name="models">Comma-separated model names to run, or null for all of them.</param>
    public static void Run(string path, int runs, string? models = null)
    {
        selected = string.IsNullOrWhiteSpace(models) ? null : models.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();
        var frame = Frame.ReadCsv(path);
        var xc = frame.Select([.. Enumerable.Range(0, 40).Select(i => $"c{i}")]);
        var yc = frame["class"];
        var xr = frame.Select([.. Enumerable.Range(0, 40).Select(i => $"r{i}")]);
        var yr = frame["target"];
        var xcCounts = Absolute(xc); // multinomial and complement NB need non-negative features

        Classifier("gaussian-nb", new GaussianNaiveBayes(), xc, yc, xc, runs);
        Classifier("bernoulli-nb", new BernoulliNaiveBayes(), xc, yc, xc, runs);
        Classifier("multinomial-nb", new MultinomialNaiveBayes(), xcCounts, yc, xcCounts, runs);
        Classifier("complement-nb", new ComplementNaiveBayes(), xcCounts, yc, xcCounts, runs);
        Regressor("linear-regression", new LinearRegression(), xr, yr, xr, runs);
        Regressor("ridge", new Ridge { Alpha = 1.0 }, xr, yr, xr, runs);
        Regressor("lasso", new Lasso { Alpha = 1.0 }, xr, yr, xr, runs);
        Regressor("elastic-net", new ElasticNet { Alpha = 1.0, L1Ratio = 0.5 }, xr, yr, xr, runs);
        Regressor("sgd-regressor", new SgdRegressor(), xr, yr, xr, runs);
        Classifier("sgd-classifier", new SgdClassifier(), xc, yc, xc, runs, probabilities: false);
        Classifier("logistic-regression", new LogisticRegression(), xc, yc, xc, runs);
        var queries = xc.Slice(NeighbourRows, NeighbourQueries);
        Classifier("knn-classifier", new KnnClassifier { NNeighbors = 5 }, xc.Slice(0, NeighbourRows),
            yc.Slice(0, NeighbourRows), queries, runs);
        Regressor("knn-regressor", new KnnRegressor { NNeighbors = 5 }, xr.Slice(0, NeighbourRows),
            yr.Slice(0, NeighbourRows), xr.Slice(NeighbourRows, NeighbourQueries), runs);
        Transformer("pca", new Pca { NComponents = 10 }, xc, runs);
        Transformer("truncated-svd", new TruncatedSvd { NComponents = 10 }, xc, runs);
        Clusterer("kmeans", new KMeans { NClusters = 8, NInit = 1, Algorithm = KMeansAlgorithm.Lloyd }, xc, runs);
        Clusterer("mini-batch-kmeans", new MiniBatchKMeans { NClusters = 8, NInit = 3, BatchSize = 1024 }, xc, runs);
        Classifier("linear-svm", new LinearSvm { C = 1.0 }, xc, yc, xc, runs, probabilities: false);
        Classifier("svm-classifier", new SvmClassifier { C = 1.0, Kernel = SvmKernel.Rbf, Gamma = "scale" }, xc.Slice(0, NeighbourRows),
            yc.Slice(0, NeighbourRows), queries, runs, probabilities: false);
        Regressor("svm-regressor", new SvmRegressor { C = 1.0, Epsilon = 0.1, Kernel = SvmKernel.Rbf, Gamma = "scale" }, xr.Slice(0, NeighbourRows),
            yr.Slice(0, NeighbourRows), xr.Slice(NeighbourRows, NeighbourQueries), runs);
    }

    static void Classifier<TModel>(string name, Estimator<TModel> estimator, Frame x, Column y, Frame queries, int runs,
        bool probabilities = true) where TModel : ClassifierModel
    {
        if (selected is not null && !selected.Contains(name)) return;
        var model = Fit(name, () => estimator.Fit(x, y), runs);
        Report($"{name}.predict", Best(runs, () => model.Predict(queries)));
        if (probabilities)
            Report($"{name}.proba", Best(runs, () => model.PredictProbabilities(queries)));
    }

    static void Regressor<TModel>(string name, Estimator<TModel> estimator, Frame x, Column y, Frame queries, int runs)
        where TModel : RegressorModel
    {
        if (selected is not null && !selected.Contains(name)) return;
        var model = Fit(name, () => estimator.Fit(x, y), runs);
        Report($"{name}.predict", Best(runs, () => model.Predict(queries)));
    }

    static void Transformer<TModel>(string name, Estimator<TModel> estimator, Frame x, int runs) where TModel : TransformerModel
    {
        if (selected is not null && !selected.Contains(name)) return;
        var model = Fit(name, () => estimator.Fit(x), runs);
        Report($"{name}.predict", Best(runs, () => model.Transform(x)));
    }

    static void Clusterer<TModel>(string name, Estimator<TModel> estimator, Frame x, int runs) where TModel : ClustererModel
    {
        if (selected is not null && !selected.Contains(name)) return;
        var model = Fit(name, () => estimator.Fit(x), runs);
        Report($"{name}.predict", Best(runs, () => model.Predict(x)));
    }

    static TModel Fit<TModel>(string name, Func<TModel> fit, int runs)
    {
        TModel model = default!;
        Report($"{name}.fit", Best(runs, () => model = fit()));
        return model;
    }

    static Frame Absolute(Frame x) => new(x.ColumnNames.Select(name =>
    {
        var values = ((Float64Column)x[name]).Values.ToArray();
        for (var i = 0; i < values.Length; i++)
            values[i] = Math.Abs(values[i]);
        return (Column)new Float64Column(name, values);
    }));
}

using Kiln.Data;

namespace Kiln.Learn.Dummy;

/// <summary>
/// A fitted <see cref="DummyClassifier"/>: the classes and their priors. The random strategies draw from a generator
/// seeded afresh on every call, so the same rows get the same answers every time and from every thread.
/// </summary>
public sealed class DummyClassifierModel : ClassifierModel
{
    readonly double[] _priors;
    readonly DummyClassifier _estimator;
    readonly int _mostFrequent;
    readonly int _constant;

    internal DummyClassifierModel(DummyClassifier estimator, InputSchema schema, Column classes, double[] priors)
        : base(estimator, schema, classes)
    {
        _estimator = estimator;
        _priors = priors;
        _mostFrequent = MostProbable(priors, priors.Length)[0];
        _constant = estimator.Strategy == DummyClassifierStrategy.Constant ? estimator.ConstantCode(classes) : -1;
    }

    /// <summary>Each class's share of the (weighted) training rows, in class order.</summary>
    public IReadOnlyList<double> ClassPriors => _priors;

    protected override double[] Probabilities(Frame features)
    {
        var (rows, k) = (RowCount(features), _priors.Length);
        var probabilities = new double[(long)rows * k];
        switch (_estimator.Strategy)
        {
            case DummyClassifierStrategy.Prior:
                for (var i = 0; i < rows; i++) _priors.CopyTo(probabilities, (long)i * k);
                break;
            case DummyClassifierStrategy.Uniform:
                Array.Fill(probabilities, 1.0 / k);
                break;
            default:
                var codes = PredictCodes(features);
                for (var i = 0; i < rows; i++) probabilities[(long)i * k + codes[i]] = 1;
                break;
        }
        return probabilities;
    }

    protected override int[] PredictCodes(Frame features)
    {
        var codes = new int[RowCount(features)];
        switch (_estimator.Strategy)
        {
            case DummyClassifierStrategy.Stratified:
                var random = Random();
                for (var i = 0; i < codes.Length; i++) codes[i] = Draw(random.NextDouble());
                break;
            case DummyClassifierStrategy.Uniform:
                var uniform = Random();
                for (var i = 0; i < codes.Length; i++) codes[i] = uniform.Next(_priors.Length);
                break;
            default:
                Array.Fill(codes, _estimator.Strategy == DummyClassifierStrategy.Constant ? _constant : _mostFrequent);
                break;
        }
        return codes;
    }

    /// <summary>The class whose share of the cumulative priors holds <paramref name="u"/>, skipping classes of prior zero.</summary>
    int Draw(double u)
    {
        var cumulative = 0.0;
        var last = 0;
        for (var c = 0; c < _priors.Length; c++)
        {
            if (_priors[c] == 0) continue;
            cumulative += _priors[c];
            last = c;
            if (u < cumulative) return c;
        }
        return last;
    }

    Random Random() => new(unchecked((int)(_estimator.Seed ^ (_estimator.Seed >> 32))));

    /// <summary>The input's row count once it has passed the schema and value checks every model makes.</summary>
    int RowCount(Frame features) => NumericInput.Checked(this, features).RowCount;

    public override void Save(ModelWriter writer)
    {
        ClassColumns.Save(writer, Classes);
        writer.Write("class-priors", _priors);
    }

    public static DummyClassifierModel Load(ModelReader reader)
    {
        var classes = ClassColumns.Load(reader);
        var priors = reader.ReadDoubles("class-priors");
        if (priors.Length != classes.Length)
            throw new InvalidDataException($"model package: dummy-classifier holds {priors.Length} class priors for {classes.Length} classes");
        return new DummyClassifierModel((DummyClassifier)reader.Estimator, reader.Schema, classes, priors);
    }
}

using Kiln.Data;

namespace Kiln.Learn.Dummy;

/// <summary>A fitted <see cref="DummyRegressor"/>: the one number it predicts for every row.</summary>
public sealed class DummyRegressorModel : RegressorModel
{
    internal DummyRegressorModel(DummyRegressor estimator, InputSchema schema, string targetName, double prediction)
        : base(estimator, schema, targetName) => Prediction = prediction;

    /// <summary>The value predicted for every row.</summary>
    public double Prediction { get; }

    protected override double[] PredictValues(Frame features)
    {
        var values = new double[NumericInput.Checked(this, features).RowCount];
        Array.Fill(values, Prediction);
        return values;
    }

    public override void Save(ModelWriter writer)
    {
        writer.Write("target-name", TargetName);
        writer.Write("prediction", Prediction);
    }

    public static DummyRegressorModel Load(ModelReader reader)
    {
        var prediction = reader.ReadDouble("prediction");
        if (!double.IsFinite(prediction)) throw new InvalidDataException($"model package: dummy-regressor's prediction is {prediction}");
        return new DummyRegressorModel((DummyRegressor)reader.Estimator, reader.Schema, reader.ReadString("target-name"), prediction);
    }
}

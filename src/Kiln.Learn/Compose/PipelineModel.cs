using Kiln.Data;

namespace Kiln.Learn.Compose;

/// <summary>
/// A fitted <see cref="Pipeline"/>. It plays the role of its last step: it transforms when that step transforms, and
/// predicts (with class probabilities for a classifier) when that step predicts; asking for a role the last step lacks
/// is an <see cref="InvalidOperationException"/>. <see cref="Role"/> says which. Steps that change rows are skipped here.
/// </summary>
public sealed class PipelineModel : ITransformerModel, IClassifierModel, IRegressorModel, IClustererModel, ICompositeModel
{
    public const string CompositeKind = "pipeline";

    readonly NamedModel[] _steps;

    internal PipelineModel(Pipeline estimator, NamedModel[] steps)
    {
        Estimator = estimator;
        _steps = steps;
    }

    public IEstimator Estimator { get; }

    /// <summary>The first step's schema: what the whole pipeline needs as input.</summary>
    public InputSchema Schema => _steps[0].Model.Schema;

    public IReadOnlyList<NamedModel> Steps => _steps;

    public string Kind => CompositeKind;

    IReadOnlyList<NamedModel> ICompositeModel.Parts => _steps;

    /// <summary>The fitted last step, whose role the pipeline plays.</summary>
    public IModel Final => _steps[^1].Model;

    /// <summary>Transformer when the last step transforms or only changes rows; otherwise the last step's role.</summary>
    public EstimatorRole Role => Final is IResamplingModel ? EstimatorRole.Transformer : StepRoles.RoleOf(Final);

    public Frame Transform(Frame features)
    {
        if (Role != EstimatorRole.Transformer) throw Lacks("transform", "Predict");
        var output = ThroughSteps(features, _steps.Length - 1);
        return Final is ITransformerModel last and not IResamplingModel ? last.Transform(output) : output;
    }

    public IReadOnlyList<string> OutputNames
    {
        get
        {
            if (Role != EstimatorRole.Transformer) throw Lacks("transform", "Predict");
            for (var i = _steps.Length - 1; i >= 0; i--)
                if (_steps[i].Model is ITransformerModel transformer and not IResamplingModel) return transformer.OutputNames;
            return [.. Schema.Names];
        }
    }

    public Column Predict(Frame features) =>
        Final is IPredictorModel predictor && Role != EstimatorRole.Transformer
            ? predictor.Predict(ThroughSteps(features, _steps.Length - 1))
            : throw Lacks("predict", "Transform");

    public Column Classes => Classifier("give classes").Classes;

    public Frame PredictProbabilities(Frame features) =>
        Classifier("predict probabilities").PredictProbabilities(ThroughSteps(features, _steps.Length - 1));

    /// <summary>The input after the first <paramref name="count"/> steps, skipping the ones that only change rows while fitting.</summary>
    Frame ThroughSteps(Frame features, int count)
    {
        var frame = Schema.Check(features, "pipeline");
        for (var i = 0; i < count; i++)
            if (_steps[i].Model is ITransformerModel transformer and not IResamplingModel)
                frame = transformer.Transform(frame);
        return frame;
    }

    IClassifierModel Classifier(string action) =>
        Role == EstimatorRole.Classifier && Final is IClassifierModel classifier ? classifier : throw Lacks(action, Role == EstimatorRole.Transformer ? "Transform" : "Predict");

    InvalidOperationException Lacks(string action, string instead) =>
        new($"this pipeline ends in step '{_steps[^1].Name}' ({EstimatorCatalog.NameOf(Final.Estimator)}, a {Role.ToString().ToLowerInvariant()}), which cannot {action}; call {instead} instead");

    public void Save(ModelWriter writer)
    {
        writer.Write("names", [.. _steps.Select(s => s.Name)]);
        var steps = writer.Section("steps");
        for (var i = 0; i < _steps.Length; i++)
            steps.WriteModel(i.ToString(System.Globalization.CultureInfo.InvariantCulture), _steps[i].Model);
    }

    public static PipelineModel Load(ModelReader reader)
    {
        var names = reader.ReadStrings("names");
        if (names.Length == 0) throw new InvalidDataException("model package: the pipeline has no steps");
        var section = reader.Section("steps");
        var steps = new NamedModel[names.Length];
        for (var i = 0; i < steps.Length; i++)
        {
            var name = names[i] ?? throw new InvalidDataException($"model package: pipeline step {i} has no name");
            steps[i] = new NamedModel(name, section.ReadModel(i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            if (i < steps.Length - 1 && steps[i].Model is not (ITransformerModel or IResamplingModel))
                throw new InvalidDataException($"model package: pipeline step '{name}' does not transform, so it cannot come before the last step");
        }
        return new PipelineModel(new Pipeline(steps.Select(s => new PipelineStep(s.Name, s.Model.Estimator))), steps);
    }
}

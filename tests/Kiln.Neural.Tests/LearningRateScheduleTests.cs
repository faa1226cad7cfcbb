using Kiln.Neural.Callbacks;
using Kiln.Neural.Config;
using Kiln.Neural.Layers;
using Kiln.Neural.Training;

namespace Kiln.Neural.Tests;

public class LearningRateScheduleTests
{
    static bool Close(double a, double b) => Math.Abs(a - b) <= 1e-12;

    static Sequential Classifier() => new([2], [new Dense(8, ActivationFunction.Tanh), new Dense(2, ActivationFunction.Softmax)]);

    [Fact]
    public void An_optimizers_cosine_schedule_spans_each_fit_and_starts_again_from_its_learning_rate()
    {
        var (x, y) = TwoRings.Make(64, seed: 3);
        using var model = Classifier();
        model.Compile(new Sgd { LearningRate = 0.1, Schedule = LearningRateSchedule.Cosine() }, Loss.SparseCategoricalCrossentropy);
        var expected = new[] { 0.1, 0.1 * (1 + Math.Sqrt(0.5)) / 2, 0.05, 0.1 * (1 - Math.Sqrt(0.5)) / 2 };
        Assert.Equal(expected, model.Fit(x, y, new FitOptions { Epochs = 4, BatchSize = 64 })["learning_rate"], Close);
        Assert.Equal(expected, model.Fit(x, y, new FitOptions { Epochs = 4, BatchSize = 64 })["learning_rate"], Close);
        Assert.Equal([0.1, 0.05], model.Fit(x, y, new FitOptions { Epochs = 2, BatchSize = 64 })["learning_rate"], Close);
    }

    [Fact]
    public void Step_exponential_and_one_cycle_schedules_follow_their_formulas()
    {
        Assert.Equal([0.1, 0.1, 0.05, 0.05, 0.025], Enumerable.Range(0, 5).Select(e => LearningRateSchedule.Step(2, 0.5).At(e, 5, 0.1)), Close);
        Assert.Equal([0.1, 0.08, 0.064], Enumerable.Range(0, 3).Select(e => LearningRateSchedule.Exponential(0.8).At(e, 3, 0.1)), Close);
        Assert.Equal(0.01, LearningRateSchedule.Cosine(minimum: 0.01).At(10, 10, 0.1), 12);
        var cycle = Enumerable.Range(0, 10).Select(e => LearningRateSchedule.OneCycle.At(e, 10, 0.1)).ToList();
        Assert.Equal(0.1 / 25, cycle[0], 12);
        Assert.Equal(3, cycle.IndexOf(cycle.Max()));
        Assert.Equal(0.1 / 1e4, cycle[^1], 12);
    }

    [Fact]
    public void A_schedule_and_a_callback_that_also_sets_the_learning_rate_are_refused_together()
    {
        var (x, y) = TwoRings.Make(64, seed: 3);
        using var model = Classifier();
        model.Compile(new Adam { Schedule = LearningRateSchedule.Cosine() }, Loss.SparseCategoricalCrossentropy);
        var error = Assert.Throws<ArgumentException>(() => model.Fit(x, y, new FitOptions { Callbacks = [new ReduceLearningRateOnPlateau()] }));
        Assert.Contains("cosine learning-rate schedule and the ReduceLearningRateOnPlateau callback", error.Message);
    }

    [Theory]
    [InlineData("\"cosine\"", "cosine")]
    [InlineData("""{"type":"cosine","minimum":0.0001}""", "cosine")]
    [InlineData("""{"type":"exponential","rate":0.9}""", "exponential")]
    [InlineData("""{"type":"step","every":3,"factor":0.5}""", "step")]
    [InlineData("\"one-cycle\"", "one_cycle")]
    public void A_specs_optimizer_schedule_round_trips(string schedule, string name)
    {
        using var model = ModelConfig.FromJson($$$"""{"input_shape":[2],"layers":[{"type":"dense","units":1}],"compile":{"optimizer":{"type":"adam","schedule":{{{schedule}}}},"loss":"mean_squared_error"}}""");
        Assert.Equal(name, model.CompiledOptimizer!.Schedule!.Name);
        var written = ModelConfig.ToJson(model);
        Assert.Equal(name, written["compile"]!["optimizer"]!["schedule"]!["type"]!.GetValue<string>());
        using var rebuilt = ModelConfig.FromJson(written);
        Assert.Equal(model.CompiledOptimizer, rebuilt.CompiledOptimizer);
    }

    [Theory]
    [InlineData("\"linear\"", "'type' is \"linear\"")]
    [InlineData("""{"type":"exponential"}""", "'rate' is missing")]
    [InlineData("""{"type":"step","every":0,"factor":0.5}""", "every must be at least 1")]
    [InlineData("""{"type":"cosine","epochs":10}""", "unknown key 'epochs'")]
    [InlineData("3", "must be a name such as \"cosine\"")]
    public void A_bad_schedule_in_a_spec_names_the_optimizer_schedule_and_the_problem(string schedule, string what)
    {
        var json = """{"input_shape":[2],"layers":[{"type":"dense","units":1}],"compile":{"optimizer":{"type":"adam","schedule":""" + schedule + "}}}";
        var error = Assert.Throws<InvalidDataException>(() => ModelConfig.FromJson(json, source: "spec.json"));
        Assert.StartsWith("spec.json: compile, optimizer, schedule: ", error.Message);
        Assert.Contains(what, error.Message);
    }
}

using System.Text.Json.Nodes;
using Kiln.Neural.Experiments;

namespace Kiln.Neural.Tests.Experiments;

public class VariantGeneratorTests
{
    /// <summary>Dense 8 → 6 → 4 → 3 with dropout 0.2 after each hidden layer, as docs/examples/mlp.json is shaped.</summary>
    static JsonObject Mlp() => JsonNode.Parse("""
        {"input_shape": [8], "layers": [
          {"type": "dense", "units": 6, "activation": "relu"}, {"type": "dropout", "rate": 0.2},
          {"type": "dense", "units": 4, "activation": "relu"}, {"type": "dropout", "rate": 0.2},
          {"type": "dense", "units": 3, "activation": "softmax"}],
         "compile": {"optimizer": {"type": "adam", "learning_rate": 0.001}, "loss": "sparse_categorical_crossentropy", "metrics": ["accuracy"]}}
        """)!.AsObject();

    static readonly ExperimentTraining Training = new() { Epochs = 3, BatchSize = 16 };

    static IReadOnlyList<ExperimentVariant> Generate(string vary, ExperimentMode mode = ExperimentMode.OneAtATime, JsonObject? config = null, int max = 64) =>
        VariantGenerator.Generate(config ?? Mlp(), Training, Variation.Parse(vary), mode, "mlp.json", max);

    static JsonArray Layers(ExperimentVariant variant) => variant.Config["layers"]!.AsArray();

    /// <summary>The layer list in short: "dense 6 relu", "dropout 0.2" …</summary>
    static string[] Shape(ExperimentVariant variant) => [.. Layers(variant).Select(l => l!["type"]!.GetValue<string>() switch
    {
        "dense" => $"dense {l["units"]} {l["activation"]}",
        "dropout" => $"dropout {l["rate"]}",
        var type => type,
    })];

    [Fact]
    public void One_at_a_time_gives_the_base_then_each_value_and_the_base_stands_for_the_values_it_already_has()
    {
        var variants = Generate("layers=1,2,3;optimizer=sgd,adam");
        Assert.Equal(["base", "layers=1", "layers=3", "optimizer=sgd"], variants.Select(v => v.Name));
        Assert.Equal(new Dictionary<string, string> { ["layers"] = "2", ["optimizer"] = "adam" }, variants[0].Settings);
        Assert.Equal(new Dictionary<string, string> { ["layers"] = "3" }, variants[2].Settings);
        Assert.All(variants, v => Assert.Equal(Training, v.Training));
    }

    [Fact]
    public void Layers_keeps_the_first_hidden_blocks_and_repeats_the_last_one()
    {
        var variants = Generate("layers=1,3");
        Assert.Equal(["dense 6 relu", "dropout 0.2", "dense 3 softmax"], Shape(variants[1]));
        Assert.Equal(["dense 6 relu", "dropout 0.2", "dense 4 relu", "dropout 0.2", "dense 4 relu", "dropout 0.2", "dense 3 softmax"], Shape(variants[2]));
    }

    [Fact]
    public void Units_activation_and_dropout_change_every_hidden_layer_and_leave_the_output_layer_alone()
    {
        var variant = Generate("units=32;activation=tanh;dropout=0", ExperimentMode.Grid).Single();
        Assert.Equal("units=32, activation=tanh, dropout=0", variant.Name);
        Assert.Equal(["dense 32 tanh", "dense 32 tanh", "dense 3 softmax"], Shape(variant));
    }

    [Fact]
    public void Dropout_is_placed_after_each_hidden_layer_of_a_base_that_has_none()
    {
        var config = JsonNode.Parse("""{"input_shape":[1,4,4],"layers":[{"type":"flatten"},{"type":"dense","units":5,"activation":"relu"},{"type":"dense","units":2,"activation":"softmax"}]}""")!.AsObject();
        var variants = Generate("dropout=0.3;layers=2", config: config);
        Assert.Equal(["flatten", "dense 5 relu", "dropout 0.3", "dense 2 softmax"], Shape(variants[1]));
        Assert.Equal(["flatten", "dense 5 relu", "dense 5 relu", "dense 2 softmax"], Shape(variants[2]));
    }

    [Fact]
    public void In_a_grid_added_layers_take_the_varied_width_and_dropout()
    {
        var variant = Generate("dropout=0.5;units=16;layers=3", ExperimentMode.Grid).Single();
        Assert.Equal(["dense 16 relu", "dropout 0.5", "dense 16 relu", "dropout 0.5", "dense 16 relu", "dropout 0.5", "dense 3 softmax"], Shape(variant));
    }

    [Fact]
    public void A_separate_activation_layer_in_a_hidden_block_takes_the_varied_activation()
    {
        var config = JsonNode.Parse("""{"input_shape":[4],"layers":[{"type":"dense","units":5},{"type":"batch_normalization"},{"type":"leaky_relu"},{"type":"dense","units":2,"activation":"softmax"}]}""")!.AsObject();
        var variant = Generate("activation=elu", config: config)[1];
        Assert.Equal(["dense 5 linear", "batch_normalization", "activation", "dense 2 softmax"], Shape(variant));
        Assert.Equal("elu", Layers(variant)[2]!["activation"]!.GetValue<string>());
    }

    [Fact]
    public void L2_penalises_every_layer_with_a_kernel_and_keeps_its_l1_factor()
    {
        var config = JsonNode.Parse("""{"input_shape":[1,6,6],"layers":[{"type":"conv2d","filters":2,"kernel_size":3,"kernel_regularizer":{"l1":0.01}},{"type":"flatten"},{"type":"dense","units":2}]}""")!.AsObject();
        var variants = Generate("l2=0.001,0", config: config);
        var regularizers = Layers(variants[1]).Select(l => l!["kernel_regularizer"]?.ToJsonString() ?? "none").ToArray();
        Assert.Equal(["""{"l1":0.01,"l2":0.001}""", "none", """{"l1":0,"l2":0.001}"""], regularizers);
        // l2=0 is what the base has: its run stands for it
        Assert.Equal("0", variants[0].Settings["l2"]);
    }

    [Fact]
    public void Optimizer_takes_its_own_defaults_and_lr_then_sets_its_learning_rate()
    {
        var variants = Generate("optimizer=sgd;lr=0.1,0.001", ExperimentMode.Grid);
        Assert.Equal(["optimizer=sgd, lr=0.1", "optimizer=sgd, lr=0.001"], variants.Select(v => v.Name));
        var optimizer = variants[0].Config["compile"]!["optimizer"]!;
        Assert.Equal("sgd", optimizer["type"]!.GetValue<string>());
        Assert.Equal(0.1, optimizer["learning_rate"]!.GetValue<double>());
        Assert.Equal(0.01, Generate("optimizer=sgd")[1].Config["compile"]!["optimizer"]!["learning_rate"]!.GetValue<double>());
    }

    [Fact]
    public void Batch_size_epochs_and_early_stopping_change_the_training_not_the_network()
    {
        var variants = Generate("batch-size=64;epochs=10;early-stopping=4");
        Assert.Equal(64, variants[1].Training.BatchSize);
        Assert.Equal(10, variants[2].Training.Epochs);
        Assert.Equal(4, variants[3].Training.EarlyStoppingPatience);
        Assert.All(variants, v => Assert.Equal(variants[0].Config.ToJsonString(), v.Config.ToJsonString()));
    }

    [Fact]
    public void A_grid_is_every_combination_with_the_first_key_changing_slowest()
    {
        var variants = Generate("layers=1,2;units=8,16,32", ExperimentMode.Grid);
        Assert.Equal(6, variants.Count);
        Assert.Equal("layers=1, units=8", variants[0].Name);
        Assert.Equal("layers=2, units=32", variants[5].Name);
        Assert.Equal(new Dictionary<string, string> { ["layers"] = "2", ["units"] = "8" }, variants[3].Settings);
    }

    [Fact]
    public void A_grid_above_the_limit_is_refused_with_its_size()
    {
        var error = Assert.Throws<ArgumentException>(() => Generate("layers=1,2,3,5;units=64,128,256,512;activation=relu,tanh,sigmoid", ExperimentMode.Grid, max: 40));
        Assert.StartsWith("the grid has 48 variants (4 layers × 4 units × 3 activation), more than the limit of 40", error.Message);
        Assert.Contains("vary one key at a time (12 variants)", error.Message);
    }

    [Fact]
    public void Architecture_keys_are_refused_when_the_base_has_no_hidden_dense_layer()
    {
        var config = JsonNode.Parse("""{"input_shape":[4],"layers":[{"type":"dense","units":3,"activation":"softmax"}]}""")!.AsObject();
        var error = Assert.Throws<ArgumentException>(() => Generate("units=8", config: config));
        Assert.Equal("mlp.json: 'units' changes the hidden dense layers, but the base has none: its only dense layer (layer 0) is the output layer", error.Message);
        // keys that do not touch the layers still apply
        Assert.Equal(2, Generate("lr=0.01", config: config).Count);
    }

    [Fact]
    public void Architecture_keys_are_refused_on_a_functional_base()
    {
        var config = JsonNode.Parse("""{"model":"functional","inputs":[{"name":"a","shape":[4]}],"layers":[{"name":"h","type":"dense","units":4,"inputs":["a"]},{"name":"o","type":"dense","units":2,"inputs":["h"]}],"output":"o"}""")!.AsObject();
        var error = Assert.Throws<ArgumentException>(() => Generate("dropout=0.5", config: config));
        Assert.StartsWith("mlp.json: 'dropout' changes the hidden dense layers of a sequential model, but the base is a functional model", error.Message);
        Assert.NotNull(Generate("l2=0.01", config: config)[1].Config["layers"]![1]!["kernel_regularizer"]);
    }

    [Fact]
    public void Layers_is_refused_when_other_layers_stand_between_the_hidden_blocks()
    {
        var config = JsonNode.Parse("""{"input_shape":[6],"layers":[{"type":"dense","units":6},{"type":"reshape","target_shape":[2,3]},{"type":"flatten"},{"type":"dense","units":4},{"type":"dense","units":2}]}""")!.AsObject();
        var error = Assert.Throws<ArgumentException>(() => Generate("layers=3", config: config));
        Assert.Contains("'layers' repeats the hidden blocks", error.Message);
        Assert.Contains("layer 1 (reshape) stands between them", error.Message);
        Assert.Equal(2, Generate("activation=tanh", config: config).Count);
    }

    [Fact]
    public void A_base_without_compile_settings_gets_adam_and_accuracy_is_always_measured()
    {
        var bare = Mlp();
        bare.Remove("compile");
        var compile = Generate("units=5", config: bare)[0].Config["compile"]!;
        Assert.Equal("adam", compile["optimizer"]!["type"]!.GetValue<string>());
        Assert.Equal("sparse_categorical_crossentropy", compile["loss"]!.GetValue<string>());
        Assert.Equal("""["accuracy"]""", compile["metrics"]!.ToJsonString());

        var withAuc = Mlp();
        withAuc["compile"]!["metrics"] = new JsonArray("auc");
        Assert.Equal("""["accuracy","auc"]""", Generate("units=5", config: withAuc)[0].Config["compile"]!["metrics"]!.ToJsonString());
    }

    [Fact]
    public void A_variant_that_breaks_the_network_is_refused_before_training_naming_it()
    {
        // the reshape takes exactly 4 values, so 6 units no longer fit
        var config = JsonNode.Parse("""{"input_shape":[2],"layers":[{"type":"dense","units":4},{"type":"reshape","target_shape":[2,2]},{"type":"flatten"},{"type":"dense","units":2}]}""")!.AsObject();
        var error = Assert.Throws<InvalidDataException>(() => Generate("units=6", config: config));
        Assert.StartsWith("mlp.json with units=6: layer 1 (reshape)", error.Message);
    }
}

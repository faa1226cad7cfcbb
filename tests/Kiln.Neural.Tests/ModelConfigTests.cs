using System.Numerics.Tensors;
using System.Text.Json.Nodes;
using Kiln.Neural.Config;
using Kiln.Neural.Layers;
using Kiln.Neural.Training;

namespace Kiln.Neural.Tests;

public class ModelConfigTests
{
    /// <summary>One small sequential model per layer type: its input shape and its layers' configs.</summary>
    public static TheoryData<string, string, string> EveryLayerType => new()
    {
        { "dense", "[4]", """[{"type":"dense","units":3,"activation":"relu","kernel_regularizer":{"l2":0.01}}]""" },
        { "conv1d", "[2,8]", """[{"type":"conv1d","filters":3,"kernel_size":3,"padding":"same","dilation_rate":2},{"type":"flatten"}]""" },
        { "conv2d", "[1,6,6]", """[{"type":"conv2d","filters":2,"kernel_size":3,"strides":2,"activation":"tanh","kernel_initializer":"he_normal"}]""" },
        { "max_pooling2d", "[1,6,6]", """[{"type":"max_pooling2d","pool_size":2}]""" },
        { "average_pooling2d", "[2,6,6]", """[{"type":"average_pooling2d","pool_size":3,"strides":1}]""" },
        { "global_average_pooling2d", "[3,4,4]", """[{"type":"global_average_pooling2d"}]""" },
        { "flatten", "[2,3]", """[{"type":"flatten"},{"type":"dense","units":2}]""" },
        { "reshape", "[6]", """[{"type":"reshape","target_shape":[2,3]}]""" },
        { "dropout", "[4]", """[{"type":"dropout","rate":0.25},{"type":"dense","units":2}]""" },
        { "activation", "[4]", """[{"type":"dense","units":3},{"type":"activation","activation":"softmax"}]""" },
        { "leaky_relu", "[4]", """[{"type":"dense","units":3},{"type":"leaky_relu","negative_slope":0.1}]""" },
        { "elu", "[4]", """[{"type":"dense","units":3},{"type":"elu","alpha":0.5}]""" },
        { "batch_normalization", "[4]", """[{"type":"batch_normalization","momentum":0.9}]""" },
        { "layer_normalization", "[4]", """[{"type":"layer_normalization","epsilon":0.01}]""" },
        { "rescaling", "[4]", """[{"type":"rescaling","scale":0.5,"offset":1}]""" },
        { "embedding", "[5]", """[{"type":"embedding","input_dim":10,"output_dim":3}]""" },
        { "simple_rnn", "[5,3]", """[{"type":"simple_rnn","units":4,"return_sequences":true}]""" },
        { "lstm", "[5,3]", """[{"type":"lstm","units":4}]""" },
        { "gru", "[5,3]", """[{"type":"gru","units":4,"kernel_regularizer":{"l1":0.001}}]""" },
    };

    [Theory]
    [MemberData(nameof(EveryLayerType))]
    public void Each_layer_type_round_trips_through_its_config_and_the_rebuilt_model_predicts_the_same(string type, string inputShape, string layers)
    {
        var given = $$"""{"input_shape":{{inputShape}},"layers":{{layers}}}""";
        using var original = ModelConfig.FromJson(given, seed: 1);
        var written = ModelConfig.ToJsonString(original);
        Assert.Contains($"\"type\": \"{type}\"", written);

        using var rebuilt = ModelConfig.FromJson(written, seed: 2);
        Assert.Equal(written, ModelConfig.ToJsonString(rebuilt));

        rebuilt.SetWeights(original.GetWeights());
        var x = Inputs(type, original.InputShapes[0]);
        Assert.Equal(Data.Flat(original.Predict(x)), Data.Flat(rebuilt.Predict(x)));
    }

    [Fact]
    public void The_round_trip_cases_cover_every_registered_type_but_the_merges()
    {
        var covered = EveryLayerType.Select(row => row.Data.Item1).ToHashSet();
        Assert.Equal(ModelConfig.LayerTypeNames.Where(n => n is not ("add" or "concatenate")).Order(), covered.Order());
    }

    [Fact]
    public void Written_configs_give_every_setting_in_keras_names()
    {
        using var model = ModelConfig.FromJson("""{"input_shape":[1,8,8],"layers":[{"type":"conv2d","filters":4,"kernel_size":3}]}""");
        var layer = ModelConfig.ToJson(model)["layers"]![0]!.AsObject();
        Assert.Equal(["type", "filters", "kernel_size", "strides", "padding", "dilation_rate", "activation", "kernel_initializer", "kernel_regularizer"],
            layer.Select(p => p.Key));
        Assert.Equal("valid", layer["padding"]!.GetValue<string>());
        Assert.Equal("glorot_uniform", layer["kernel_initializer"]!.GetValue<string>());
    }

    [Fact]
    public void Compile_settings_round_trip_with_the_optimizer_hyperparameters()
    {
        using var model = new Sequential([4], [new Dense(3, ActivationFunction.Softmax)]);
        model.Compile(new Sgd { LearningRate = 0.05, Momentum = 0.9, Nesterov = true, ClipNorm = 1 }, Loss.SparseCategoricalCrossentropy,
            Metric.Accuracy, Metric.TopKCategoricalAccuracy(2));
        var config = ModelConfig.ToJson(model);
        var compile = config["compile"]!;
        Assert.Equal("sgd", compile["optimizer"]!["type"]!.GetValue<string>());
        Assert.Equal(0.9, compile["optimizer"]!["momentum"]!.GetValue<double>());
        Assert.Equal("sparse_categorical_crossentropy", compile["loss"]!.GetValue<string>());

        using var rebuilt = ModelConfig.FromJson(config);
        Assert.Equal(new Sgd { LearningRate = 0.05, Momentum = 0.9, Nesterov = true, ClipNorm = 1 }, rebuilt.CompiledOptimizer);
        Assert.Equal(["accuracy", "top_2_categorical_accuracy"], rebuilt.CompiledMetrics.Select(m => m.Name));
        Assert.Equal(config.ToJsonString(), ModelConfig.ToJson(rebuilt).ToJsonString());
    }

    [Theory]
    [InlineData("adam")]
    [InlineData("adamw")]
    [InlineData("rmsprop")]
    public void Every_optimizer_round_trips(string name)
    {
        using var model = ModelConfig.FromJson($$$"""{"input_shape":[2],"layers":[{"type":"dense","units":1}],"compile":{"optimizer":{"type":"{{{name}}}","learning_rate":0.02},"loss":"mean_squared_error"}}""");
        Assert.Equal(0.02, model.CompiledOptimizer!.LearningRate);
        using var rebuilt = ModelConfig.FromJson(ModelConfig.ToJson(model));
        Assert.Equal(model.CompiledOptimizer, rebuilt.CompiledOptimizer);
        Assert.Equal(Loss.MeanSquaredError, rebuilt.CompiledLoss);
    }

    [Fact]
    public void A_functional_model_with_shared_layers_and_merges_round_trips_and_predicts_the_same()
    {
        var a = new Input([3], "left");
        var b = new Input([3], "right");
        var shared = new Dense(4, ActivationFunction.Tanh);
        var sum = new Add().Apply(shared.Apply(a), shared.Apply(b));
        var joined = new Concatenate().Apply(sum, a);
        using var original = new Functional([a, b], new Dense(2).Apply(joined), seed: 3);
        var config = ModelConfig.ToJson(original);
        Assert.Equal("functional", config["model"]!.GetValue<string>());
        Assert.Contains(config["layers"]!.AsArray(), node => node!["shares"] is not null);

        using var rebuilt = ModelConfig.FromJson(config, seed: 4);
        Assert.Equal(config.ToJsonString(), ModelConfig.ToJson(rebuilt).ToJsonString());
        Assert.Equal(original.GetWeights().Count, rebuilt.GetWeights().Count);
        rebuilt.SetWeights(original.GetWeights());
        Tensor<float>[] x = [Data.Noise(5, 6, 3), Data.Noise(6, 6, 3)];
        Assert.Equal(Data.Flat(original.Predict(x)), Data.Flat(rebuilt.Predict(x)));
    }

    [Theory]
    [InlineData("""{"input_shape":[4],"layers":[{"type":"dense","units":3},{"type":"dence","units":2}]}""", "layer 1", "'type' is \"dence\"")]
    [InlineData("""{"input_shape":[4],"layers":[{"type":"dense","units":0}]}""", "layer 0 (dense)", "'units'")]
    [InlineData("""{"input_shape":[4],"layers":[{"type":"dense","units":"many"}]}""", "layer 0 (dense)", "'units' must be a whole number")]
    [InlineData("""{"input_shape":[4],"layers":[{"type":"dropout","rate":0.5,"seed":3}]}""", "layer 0 (dropout)", "unknown key 'seed'")]
    [InlineData("""{"input_shape":[4],"layers":[{"type":"dense","units":2,"activation":"swish"}]}""", "layer 0 (dense)", "'activation' is \"swish\"")]
    [InlineData("""{"input_shape":[4],"layers":[{"type":"dense","units":2},{"type":"conv2d","filters":2,"kernel_size":3}]}""", "layer 1 (conv2d)", "channels, height, width")]
    [InlineData("""{"input_shape":[4],"layers":[{"type":"dense","units":2}],"compile":{"optimizer":"adamax"}}""", "compile, optimizer", "'type' is \"adamax\"")]
    [InlineData("""{"input_shape":[4],"layers":[{"type":"dense","units":2}],"compile":{"loss":"hinge"}}""", "compile", "'loss' is \"hinge\"")]
    public void Bad_configs_name_the_layer_and_the_key(string json, string where, string what)
    {
        var error = Assert.Throws<InvalidDataException>(() => ModelConfig.FromJson(json, source: "spec.json"));
        Assert.StartsWith("spec.json: ", error.Message);
        Assert.Contains(where, error.Message);
        Assert.Contains(what, error.Message);
    }

    [Fact]
    public void The_optimizer_may_be_named_alone_and_takes_its_defaults()
    {
        using var model = ModelConfig.FromJson("""{"input_shape":[4],"layers":[{"type":"dense","units":2,"activation":"softmax"}],"compile":{"optimizer":"rmsprop","metrics":["accuracy"]}}""");
        Assert.Equal(new RmsProp(), model.CompiledOptimizer);
        Assert.Equal(Loss.SparseCategoricalCrossentropy, model.CompiledLoss);
    }

    [Fact]
    public void The_functional_example_in_the_docs_shares_one_layer_between_two_inputs()
    {
        using var model = ModelConfig.FromJson("""
            {
              "model": "functional",
              "inputs": [{ "name": "left", "shape": [3] }, { "name": "right", "shape": [3] }],
              "layers": [
                { "name": "encode_l", "type": "dense", "units": 4, "activation": "tanh", "inputs": ["left"] },
                { "name": "encode_r", "shares": "encode_l", "inputs": ["right"] },
                { "name": "sum", "type": "add", "inputs": ["encode_l", "encode_r"] },
                { "name": "head", "type": "dense", "units": 2, "inputs": ["sum"] }
              ],
              "output": "head"
            }
            """);
        Assert.Equal(4, model.GetWeights().Count); // one kernel and bias per dense layer, the shared one counted once
        Assert.Equal([2L], model.OutputShape);
    }

    static Tensor<float> Inputs(string type, IReadOnlyList<long> shape)
    {
        var rows = 4;
        var x = Data.Noise(7, [rows, .. shape.Select(d => (int)d)]);
        if (type != "embedding") return x;
        var ids = Data.Flat(x).Select(v => MathF.Floor((v + 1) * 5)).ToArray(); // whole ids 0 … 9
        return Data.Rows(ids, [rows, .. shape.Select(d => (int)d)]);
    }
}

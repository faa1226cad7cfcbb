"""PyTorch's side of bench/nn-vs-torch.sh: builds the network of a Kiln architecture spec (docs/examples/mlp.json,
cnn.json) in PyTorch — the same layers, Keras' initialisation (Glorot-uniform kernels unless the spec names another,
zero biases), the spec's Adam settings and learning-rate schedule — trains it on an IDX image dataset with pixels
scaled by 1/255, the given thread count and batch size, rows reshuffled every epoch, and prints each epoch's seconds to
standard error, "NAME.epoch_seconds" (the median of the epochs after the first), "NAME.epoch_cpu_seconds" (the same
median of the process's processor time, which other work on the machine disturbs less) and "NAME.accuracy" on the test
images. A final softmax layer is left out and the loss is cross_entropy on its input: the same model as a softmax
followed by the log-likelihood, written as a PyTorch user writes it.
Usage: nn_torch.py NAME SPEC.json DATA_FOLDER epochs threads batch_size"""
import gzip
import json
import math
import os
import statistics
import sys
import time

import numpy as np
import torch
from torch import nn


def read_idx(path):
    """An IDX file's array (unsigned bytes), gzipped or not."""
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as stream:
        data = stream.read()
    if data[2] != 0x08:
        raise ValueError(f"{path}: IDX type {data[2]:#x} is not unsigned bytes")
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def part(folder, name):
    for candidate in (name, name + ".gz"):
        path = os.path.join(folder, candidate)
        if os.path.exists(path):
            return path
    raise FileNotFoundError(f"{folder}: no {name} (.gz or not)")


def load(folder, split, shape):
    images = read_idx(part(folder, f"{split}-images-idx3-ubyte"))
    labels = read_idx(part(folder, f"{split}-labels-idx1-ubyte"))
    x = torch.from_numpy(images.astype(np.float32) / 255.0).reshape(len(images), *shape)
    return x, torch.from_numpy(labels.astype(np.int64))


ACTIVATIONS = {"relu": nn.ReLU, "tanh": nn.Tanh, "sigmoid": nn.Sigmoid, "softmax": lambda: nn.Softmax(dim=-1)}
INITIALIZERS = {"glorot_uniform": nn.init.xavier_uniform_,
                "he_uniform": lambda w: nn.init.kaiming_uniform_(w, nonlinearity="relu")}


def build(spec):
    """The spec's sequential layers as PyTorch modules, without a last softmax; the input shape is channels first."""
    shape = list(spec["input_shape"])
    modules = []
    for index, layer in enumerate(spec["layers"]):
        kind = layer["type"]
        if kind == "dense":
            module = nn.Linear(shape[-1], layer["units"])
            shape = shape[:-1] + [layer["units"]]
        elif kind == "conv2d":
            size = layer["kernel_size"]
            if layer.get("padding", "valid") == "same" and size % 2 == 0:
                raise ValueError(f"layer {index}: same padding with an even kernel pads unequally; not built here")
            pad = size // 2 if layer.get("padding", "valid") == "same" else 0
            module = nn.Conv2d(shape[0], layer["filters"], size, padding=pad)
            shape = [layer["filters"], shape[1] + 2 * pad - size + 1, shape[2] + 2 * pad - size + 1]
        elif kind == "max_pooling2d":
            size = layer.get("pool_size", 2)
            modules.append(nn.MaxPool2d(size))
            shape = [shape[0], shape[1] // size, shape[2] // size]
            continue
        elif kind == "dropout":
            modules.append(nn.Dropout(layer["rate"]))
            continue
        elif kind == "flatten":
            modules.append(nn.Flatten())
            shape = [math.prod(shape)]
            continue
        elif kind == "batch_normalization":
            # PyTorch's momentum weighs the new batch, Keras' the running average
            norm = nn.BatchNorm2d if len(shape) == 3 else nn.BatchNorm1d
            modules.append(norm(shape[0], eps=layer.get("epsilon", 1e-3), momentum=1 - layer.get("momentum", 0.99)))
            continue
        elif kind == "activation":
            modules.append(ACTIVATIONS[layer["activation"]]())
            continue
        else:
            raise ValueError(f"layer {index}: type '{kind}' is not built by this script")
        INITIALIZERS[layer.get("kernel_initializer", "glorot_uniform")](module.weight)
        nn.init.zeros_(module.bias)
        modules.append(module)
        activation = layer.get("activation", "linear")
        if activation != "linear" and not (activation == "softmax" and index == len(spec["layers"]) - 1):
            modules.append(ACTIVATIONS[activation]())
    if spec["layers"][-1].get("activation") != "softmax":
        raise ValueError("the last layer must be a softmax, as sparse categorical cross-entropy expects here")
    return nn.Sequential(*modules)


def learning_rates(optimizer_spec, epochs):
    """The learning rate of each epoch, as Kiln's optimizer schedules give it."""
    initial = optimizer_spec.get("learning_rate", 0.001)
    schedule = optimizer_spec.get("schedule")
    if isinstance(schedule, str):
        schedule = {"type": schedule}
    if schedule is None:
        return [initial] * epochs
    if schedule["type"] == "cosine":
        low = schedule.get("minimum", 0.0)
        return [low + (initial - low) * (1 + math.cos(math.pi * e / epochs)) / 2 for e in range(epochs)]
    raise ValueError(f"schedule '{schedule['type']}' is not followed by this script")


def median_after_first(epochs):
    return statistics.median(epochs[1:] if len(epochs) > 1 else epochs)


def main():
    name, spec_path, folder = sys.argv[1], sys.argv[2], sys.argv[3]
    epochs, threads, batch_size = int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
    with open(spec_path) as stream:
        spec = json.load(stream)
    optimizer_spec = spec["compile"]["optimizer"]
    if optimizer_spec.get("type") != "adam" or spec["compile"].get("loss") != "sparse_categorical_crossentropy":
        raise ValueError(f"{spec_path}: this script trains with Adam and sparse categorical cross-entropy only")
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    x_train, y_train = load(folder, "train", spec["input_shape"])
    x_test, y_test = load(folder, "t10k", spec["input_shape"])
    model = build(spec)
    optimizer = torch.optim.Adam(model.parameters(), lr=optimizer_spec.get("learning_rate", 0.001),
                                 betas=(optimizer_spec.get("beta_1", 0.9), optimizer_spec.get("beta_2", 0.999)),
                                 eps=optimizer_spec.get("epsilon", 1e-7))
    rates = learning_rates(optimizer_spec, epochs)
    loss_function = nn.CrossEntropyLoss()
    rows = len(x_train)
    seconds, processor_seconds = [], []
    for epoch in range(epochs):
        start, processor_start = time.perf_counter(), time.process_time()
        for group in optimizer.param_groups:
            group["lr"] = rates[epoch]
        model.train()
        order = torch.randperm(rows)
        correct = 0
        loss_sum = 0.0
        for first in range(0, rows, batch_size):
            index = order[first:first + batch_size]
            xb, yb = x_train[index], y_train[index]
            output = model(xb)
            loss = loss_function(output, yb)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            # the running loss and accuracy a Keras-style progress line shows, as Kiln's trainer keeps them
            loss_sum += loss.item() * len(index)
            correct += (output.argmax(1) == yb).sum().item()
        seconds.append(time.perf_counter() - start)
        processor_seconds.append(time.process_time() - processor_start)
        print(f"{name}.epoch_{epoch + 1} {seconds[-1]:.4f} s, cpu {processor_seconds[-1]:.4f} s, loss {loss_sum / rows:.4f}, accuracy {correct / rows:.4f}",
              file=sys.stderr, flush=True)
    model.eval()
    with torch.no_grad():
        predicted = torch.cat([model(x_test[i:i + 1000]).argmax(1) for i in range(0, len(x_test), 1000)])
    print(f"{name}.epoch_seconds {median_after_first(seconds):.4f}")
    print(f"{name}.epoch_cpu_seconds {median_after_first(processor_seconds):.4f}")
    print(f"{name}.accuracy {(predicted == y_test).float().mean().item():.4f}")


main()

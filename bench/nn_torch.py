"""PyTorch's side of bench/nn-vs-torch.sh: trains the dense network of docs/examples/mlp.json or the CNN of
docs/examples/cnn.json on an IDX image dataset (pixels scaled by 1/255) with the same settings as Kiln's side — Glorot
uniform kernels and zero biases, Adam (learning rate 0.001, epsilon 1e-7), sparse categorical cross-entropy, the same
dropout, batch size and thread count, rows reshuffled every epoch — and prints each epoch's seconds to standard error,
"NAME.epoch_seconds" (the median of the epochs after the first), "NAME.epoch_cpu_seconds" (the same median of the
process's processor time, which other work on the machine disturbs less) and "NAME.accuracy" on the test images.
The network ends in logits and the loss is cross_entropy on them: the same model as a softmax layer followed by the
log-likelihood, written as a PyTorch user writes it.
Usage: nn_torch.py dense|cnn DATA_FOLDER epochs threads batch_size"""
import gzip
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


def dense_network():
    return nn.Sequential(
        nn.Linear(784, 256), nn.ReLU(), nn.Dropout(0.2),
        nn.Linear(256, 128), nn.ReLU(), nn.Dropout(0.2),
        nn.Linear(128, 10))


def convolutional_network():
    def block(inputs, filters):
        return [nn.Conv2d(inputs, filters, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2)]
    return nn.Sequential(
        *block(1, 32), *block(32, 64), *block(64, 128),
        nn.Dropout(0.25), nn.Flatten(),
        nn.Linear(128 * 3 * 3, 128), nn.ReLU(), nn.Dropout(0.5),
        nn.Linear(128, 10))


def keras_initialise(module):
    """Keras' defaults, which Kiln follows: Glorot-uniform kernels, zero biases."""
    if isinstance(module, (nn.Linear, nn.Conv2d)):
        nn.init.xavier_uniform_(module.weight)
        nn.init.zeros_(module.bias)


def median_after_first(epochs):
    return statistics.median(epochs[1:] if len(epochs) > 1 else epochs)


def main():
    name, folder, epochs, threads, batch_size = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    shape = (784,) if name == "dense" else (1, 28, 28)
    x_train, y_train = load(folder, "train", shape)
    x_test, y_test = load(folder, "t10k", shape)
    model = dense_network() if name == "dense" else convolutional_network()
    model.apply(keras_initialise)
    optimizer = torch.optim.Adam(model.parameters(), lr=0.001, eps=1e-7)
    loss_function = nn.CrossEntropyLoss()
    rows = len(x_train)
    seconds, processor_seconds = [], []
    for epoch in range(epochs):
        start, processor_start = time.perf_counter(), time.process_time()
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

"""The generated data sets that the fixtures of the 200k x 40 cases use, computed the same way by the C# tests
(tests/Kiln.Learn.Tests/GeneratedSets.cs), so that no large file is committed.

Every number comes from a counter-based generator: uniform(stream, n) mixes stream * 0x9E3779B97F4A7C15 +
(n + 1) * 0xD1B54A32D192ED03 (mod 2^64) with splitmix64's finaliser and keeps the top 53 bits; normal(stream, n) is
Box-Muller on uniforms 2n and 2n + 1. Row i of a set does not depend on how many rows are asked for.

  classification  40 standard-normal features; 3 classes, the argmax of W x[:20] plus unit normal noise per class
  counts          the classification set with every feature made non-negative (absolute value), for the count models
  regression      40 standard-normal features; target 100 u . x[:30] + 10 normal noise (u uniform weights)
"""
import numpy as np

WIDTH = 40
CLASSES = 3
INFORMATIVE_CLASSIFICATION = 20
INFORMATIVE_REGRESSION = 30
FEATURES, WEIGHTS, NOISE = 1, 2, 3


def mix(z):
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return z ^ (z >> np.uint64(31))


def uniform(stream, n):
    n = np.asarray(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        z = np.uint64(stream) * np.uint64(0x9E3779B97F4A7C15) + (n + np.uint64(1)) * np.uint64(0xD1B54A32D192ED03)
        return (mix(z) >> np.uint64(11)).astype(np.float64) * 2.0 ** -53


def normal(stream, n):
    n = np.asarray(n, dtype=np.uint64)
    u1 = uniform(stream, n * np.uint64(2))
    u2 = uniform(stream, n * np.uint64(2) + np.uint64(1))
    return np.sqrt(-2.0 * np.log(1.0 - u1)) * np.cos(2.0 * np.pi * u2)


def features(rows):
    return normal(FEATURES, np.arange(rows * WIDTH, dtype=np.uint64)).reshape(rows, WIDTH)


def classification(rows):
    x = features(rows)
    w = normal(WEIGHTS, np.arange(CLASSES * WIDTH, dtype=np.uint64)).reshape(CLASSES, WIDTH)[:, :INFORMATIVE_CLASSIFICATION]
    logits = x[:, :INFORMATIVE_CLASSIFICATION] @ w.T + normal(NOISE, np.arange(rows * CLASSES, dtype=np.uint64)).reshape(rows, CLASSES)
    return x, np.argmax(logits, axis=1)


def regression(rows):
    x = features(rows)
    w = 100.0 * uniform(WEIGHTS, np.arange(INFORMATIVE_REGRESSION, dtype=np.uint64))
    return x, x[:, :INFORMATIVE_REGRESSION] @ w + 10.0 * normal(NOISE, np.arange(rows, dtype=np.uint64))


def generated(name):
    """'generated-<kind>-<rows>' as (features, target)."""
    _, kind, rows = name.split("-")
    rows = int(rows)
    if kind == "classification":
        return classification(rows)
    if kind == "counts":
        x, y = classification(rows)
        return np.abs(x), y
    if kind == "regression":
        return regression(rows)
    raise ValueError(name)

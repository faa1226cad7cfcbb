"""Times pandas on the benchmark CSV, printing one "name seconds" line per operation (best of several runs)."""
import gc
import sys
import time

import pandas as pd

path = sys.argv[1]
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5


def best(action):
    action()
    result = float("inf")
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        action()
        result = min(result, time.perf_counter() - start)
    return result


frame = pd.read_csv(path)
print(f"read_csv {best(lambda: pd.read_csv(path)):.4f}")
print(f"memory_bytes {frame.memory_usage(deep=True).sum()}")
print(f"filter {best(lambda: frame[frame['f0'] > 0]):.4f}")
print(f"describe {best(lambda: frame.describe()):.4f}")
floats = [f"f{i}" for i in range(8)]
print(f"groupby_mean {best(lambda: frame.groupby('city')[floats].mean()):.4f}")

"""Writes the benchmark CSV: 1M rows x 10 columns (8 float64, 1 string with 100 categories, 1 int64), seeded."""
import sys
import numpy as np
import pandas as pd

path = sys.argv[1]
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
rng = np.random.default_rng(42)
frame = pd.DataFrame({f"f{i}": rng.normal(100 * i, 10 + i, rows).round(6) for i in range(8)})
frame["city"] = np.array([f"city_{k:03d}" for k in range(100)])[rng.integers(0, 100, rows)]
frame["count"] = rng.integers(0, 1_000_000, rows)
frame.to_csv(path, index=False)

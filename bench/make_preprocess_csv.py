"""Writes the preprocessing benchmark CSV: 30 numeric columns (5% missing) and 5 text columns of 8–12 categories, seeded."""
import sys
import numpy as np
import pandas as pd

path = sys.argv[1]
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
rng = np.random.default_rng(7)
columns = {}
for i in range(30):
    values = rng.normal(10 * i, 1 + i, rows).round(4)
    values[rng.random(rows) < 0.05] = np.nan
    columns[f"x{i}"] = values
for i in range(5):
    categories = np.array([f"c{i}_{k}" for k in range(8 + i)])
    columns[f"cat{i}"] = categories[rng.integers(0, len(categories), rows)]
pd.DataFrame(columns).to_csv(path, index=False)

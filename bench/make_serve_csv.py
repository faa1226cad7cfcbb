"""Writes the seeded training data of bench/serve-vs-fastapi.sh: a binary make_classification set of 10 numeric
features (f0..f9, class) and the one JSON row that wrk posts to both servers."""
import json
import sys

import pandas as pd
from sklearn.datasets import make_classification

csv_path, row_path, rows = sys.argv[1], sys.argv[2], int(sys.argv[3])
x, y = make_classification(n_samples=rows, n_features=10, n_informative=6, n_redundant=2, n_classes=2, random_state=0)
frame = pd.DataFrame(x, columns=[f"f{i}" for i in range(10)])
frame["class"] = y
frame.to_csv(csv_path, index=False, float_format="%.10g")
with open(row_path, "w") as out:
    json.dump({f"f{i}": round(float(v), 6) for i, v in enumerate(x[0])}, out)

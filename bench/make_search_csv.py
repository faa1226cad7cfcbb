"""Writes the seeded data of bench/search-vs-sklearn.sh: a binary make_classification set of 20 features (f0..f19, class)."""
import sys

import pandas as pd
from sklearn.datasets import make_classification

path, rows = sys.argv[1], int(sys.argv[2])
x, y = make_classification(n_samples=rows, n_features=20, n_informative=10, n_redundant=4, n_classes=2, random_state=0)
frame = pd.DataFrame(x, columns=[f"f{i}" for i in range(20)])
frame["class"] = y
frame.to_csv(path, index=False, float_format="%.10g")

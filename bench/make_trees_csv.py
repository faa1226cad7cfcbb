"""Writes the seeded data of bench/trees-vs-sklearn.sh: a binary make_classification set of 40 features (f0..f39,
class), the training rows first and then the held-out rows."""
import sys

import numpy as np
import pandas as pd
from sklearn.datasets import make_classification

path, rows = sys.argv[1], int(sys.argv[2])
x, y = make_classification(n_samples=rows, n_features=40, n_informative=20, n_redundant=5, n_classes=2, random_state=0)
frame = pd.DataFrame(x, columns=[f"f{i}" for i in range(40)])
frame["class"] = y
frame.to_csv(path, index=False, float_format="%.10g")

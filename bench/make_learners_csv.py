"""Writes the seeded data of bench/learners-vs-sklearn.sh: a 3-class classification set (c0..c39, class) from
make_classification and a regression set (r0..r39, target) from make_regression, side by side in one CSV."""
import sys

import numpy as np
import pandas as pd
from sklearn.datasets import make_classification, make_regression

path, rows = sys.argv[1], int(sys.argv[2])
xc, yc = make_classification(n_samples=rows, n_features=40, n_informative=20, n_redundant=5, n_classes=3,
                             random_state=0)
xr, yr = make_regression(n_samples=rows, n_features=40, n_informative=30, noise=10.0, random_state=1)
frame = pd.DataFrame(np.hstack([xc, xr]), columns=[f"c{i}" for i in range(40)] + [f"r{i}" for i in range(40)])
frame.insert(40, "class", yc)
frame["target"] = yr
frame.to_csv(path, index=False, float_format="%.10g")

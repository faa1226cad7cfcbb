#!/usr/bin/python3
"""Regenerates the baseline (dummy) model fixtures that tests/Kiln.Learn.Tests compare Kiln against.

Run with Debian's scikit-learn 1.2 (python3-sklearn): /usr/bin/python3 bench/compare/dummy-fixtures.py
It reads the split CSVs neighbors-naive-bayes-fixtures.py wrote and writes, into fixtures/ beside itself,
  dummy-expected.json   for each deterministic strategy: scikit-learn's held-out score, predictions and (classifiers)
                        probabilities; and under "weighted", the class priors and mean scikit-learn fits with sample
                        weights 1, 2, 3, 1, 2, 3 … on the training rows
The random strategies (stratified, uniform) draw from NumPy's generator, which Kiln does not reproduce, so only their
behaviour is tested, not their draws.
"""
import json
import os

import numpy as np
import sklearn
from sklearn.dummy import DummyClassifier, DummyRegressor
from sklearn.metrics import accuracy_score, r2_score

from fixture_splits import OUT, read_split

CLASSIFIER_CASES = [
    ({}, {}),
    ({"strategy": "most-frequent"}, {"strategy": "most_frequent"}),
    ({"strategy": "constant", "constant": "1"}, {"strategy": "constant", "constant": 1}),
]

REGRESSOR_CASES = [
    ({}, {}),
    ({"strategy": "median"}, {"strategy": "median"}),
    ({"strategy": "quantile", "quantile": 0.25}, {"strategy": "quantile", "quantile": 0.25}),
    ({"strategy": "quantile", "quantile": 0.9}, {"strategy": "quantile", "quantile": 0.9}),
    ({"strategy": "quantile", "quantile": 1.0}, {"strategy": "quantile", "quantile": 1.0}),
    ({"strategy": "constant", "constant": 100.5}, {"strategy": "constant", "constant": 100.5}),
]


def case(dataset, estimator, params, model, data, regression):
    x_train, y_train, x_test, y_test = data
    model.fit(x_train, y_train)
    predicted = model.predict(x_test)
    score = r2_score(y_test, predicted) if regression else accuracy_score(y_test, predicted)
    settings = "".join(f" {key}={value}" for key, value in params.items())
    result = {"name": f"{estimator}{settings} on {dataset}", "dataset": f"neighbors-{dataset}.csv", "estimator": estimator,
              "parameters": params, "metric": "r2" if regression else "accuracy", "score": float(score),
              "predictions": [float(p) for p in predicted] if regression else [int(p) for p in predicted]}
    if not regression:
        result["probabilities"] = [[float(p) for p in row] for row in model.predict_proba(x_test)]
    return result


def unit_pattern(n):
    return np.array([1.0 + i % 3 for i in range(n)])


def main():
    cases = []
    weighted = {}
    for dataset in ("iris", "wine", "breast-cancer"):
        data = read_split(f"neighbors-{dataset}.csv", False)
        for kiln, sk in CLASSIFIER_CASES:
            cases.append(case(dataset, "dummy-classifier", kiln, DummyClassifier(**sk), data, False))
        x_train, y_train = data[0], data[1]
        model = DummyClassifier().fit(x_train, y_train, sample_weight=unit_pattern(len(y_train)))
        weighted[f"dummy-classifier on {dataset}"] = {"class-priors": [float(p) for p in model.class_prior_]}
    diabetes = read_split("neighbors-diabetes.csv", True)
    for kiln, sk in REGRESSOR_CASES:
        cases.append(case("diabetes", "dummy-regressor", kiln, DummyRegressor(**sk), diabetes, True))
    x_train, y_train = diabetes[0], diabetes[1]
    model = DummyRegressor().fit(x_train, y_train, sample_weight=unit_pattern(len(y_train)))
    weighted["dummy-regressor on diabetes"] = {"prediction": float(model.constant_[0][0])}

    with open(os.path.join(OUT, "dummy-expected.json"), "w") as f:
        json.dump({"scikit-learn": sklearn.__version__, "cases": cases, "weighted": weighted}, f, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()

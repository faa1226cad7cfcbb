#!/usr/bin/python3
"""Regenerates the kernel SVM fixtures that tests/Kiln.Learn.Tests/Svm compares Kiln against.

Run with Debian's scikit-learn 1.2 (python3-sklearn): /usr/bin/python3 bench/compare/svm-fixtures.py
It reads the k-NN fixtures' datasets (neighbors-<dataset>.csv, with their train/test split column) and writes into
fixtures/ beside itself
  svm-wine.csv, svm-breast-cancer.csv   the same rows with each feature standardised by the training rows' mean and
                                        standard deviation (a user's StandardScaler), rounded to 6 significant digits:
                                        their features span 0.1 to 1000, which an RBF kernel cannot use unscaled.
                                        iris (all in centimetres) and digits (all pixel counts 0-16) are used as they are.
  svm-expected.json                     scikit-learn's held-out score and predictions per case; probabilities for the
                                        probability cases; for two cases the fitted dual coefficients ("coefficients",
                                        classes-1 x support vectors), intercepts, support vector counts per class and
                                        training-row indices. SVR cases keep their predictions as "svr-predictions",
                                        compared to a tolerance rather than exactly.
letter-recognition (../shared/datasets) is read when present and only its score is kept.
"""
import json
import os
import sys

import numpy as np
import pandas as pd
import sklearn
from sklearn.metrics import accuracy_score, r2_score
from sklearn.svm import SVC, SVR

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "fixtures")
LETTER = os.path.join(HERE, "..", "..", "..", "shared", "datasets", "letter-recognition", "letter-recognition.data")


def read(file):
    frame = pd.read_csv(os.path.join(OUT, file))
    test = (frame["split"] == "test").to_numpy()
    x = frame.drop(columns=["target", "split"]).to_numpy(dtype=float)
    y = frame["target"].to_numpy()
    return x[~test], y[~test], x[test], y[test]


def standardised(name):
    frame = pd.read_csv(os.path.join(OUT, f"neighbors-{name}.csv"))
    features = [c for c in frame.columns if c not in ("target", "split")]
    train = frame["split"] == "train"
    mean, std = frame.loc[train, features].mean(), frame.loc[train, features].std(ddof=0)
    frame[features] = (frame[features] - mean) / std
    path = os.path.join(OUT, f"svm-{name}.csv")
    frame.to_csv(path, index=False, float_format="%.6g")
    return f"svm-{name}.csv"


def kiln_parameters(params):
    return {key.replace("_", "-").lower(): value for key, value in params.items()}


def case(dataset, file, params, data, regression=False, details=False):
    x_train, y_train, x_test, y_test = data
    model = (SVR if regression else SVC)(**params)
    model.fit(x_train, y_train)
    predicted = model.predict(x_test)
    score = r2_score(y_test, predicted) if regression else accuracy_score(y_test, predicted)
    settings = "".join(f" {key}={value}" for key, value in kiln_parameters(params).items())
    estimator = "svm-regressor" if regression else "svm-classifier"
    parameters = kiln_parameters(params)
    if "class-weight" in parameters:
        parameters["class-weight"] = parameters["class-weight"] or "none"
    result = {"name": f"{estimator}{settings} on {dataset}", "dataset": file, "estimator": estimator, "parameters": parameters,
              "metric": "r2" if regression else "accuracy", "score": round(float(score), 6)}
    if dataset == "letter-recognition":
        return result
    if regression:
        result["svr-predictions"] = [round(float(p), 6) for p in predicted]
    else:
        result["predictions"] = [int(p) for p in predicted]
    if params.get("probability"):
        result["probabilities"] = [[round(float(p), 6) for p in row] for row in model.predict_proba(x_test)]
    if details:
        result["coefficients"] = np.atleast_2d(model.dual_coef_).tolist()
        result["intercept"] = np.atleast_1d(model.intercept_).tolist()
        result["support-counts"] = [int(c) for c in np.atleast_1d(model.n_support_)]
        result["support-indices"] = [int(i) for i in model.support_]
    return result


def main():
    files = {"iris": "neighbors-iris.csv", "wine": standardised("wine"), "breast-cancer": standardised("breast-cancer"),
             "digits": "neighbors-digits.csv"}
    data = {name: read(file) for name, file in files.items()}
    cases = []
    for name in files:
        for kernel in ("linear", "rbf", "poly", "sigmoid"):
            params = {"kernel": kernel}
            details = (name, kernel) in (("breast-cancer", "rbf"), ("iris", "linear"))
            cases.append(case(name, files[name], params, data[name], details=details))
    cases.append(case("wine", files["wine"], {"kernel": "rbf", "C": 10.0, "gamma": 0.05}, data["wine"]))
    cases.append(case("digits", files["digits"], {"kernel": "poly", "degree": 2, "gamma": "auto", "coef0": 1.0}, data["digits"]))
    cases.append(case("breast-cancer", files["breast-cancer"], {"kernel": "rbf", "class_weight": "balanced"}, data["breast-cancer"]))
    cases.append(case("wine", files["wine"], {"kernel": "linear", "C": 0.1, "class_weight": "balanced"}, data["wine"]))
    for name in ("iris", "wine"):
        cases.append(case(name, files[name], {"kernel": "rbf", "probability": True}, data[name]))
    diabetes = read("neighbors-diabetes.csv")
    for params in ({"kernel": "rbf"}, {"kernel": "rbf", "C": 100.0}, {"kernel": "linear", "C": 100.0},
                   {"kernel": "poly", "C": 100.0, "epsilon": 5.0}):
        cases.append(case("diabetes", "neighbors-diabetes.csv", params, diabetes, regression=True))
    if os.path.exists(LETTER):
        raw = np.genfromtxt(LETTER, delimiter=",", dtype=str)
        xs, ys = raw[:, 1:].astype(float), np.array([ord(c) - ord("A") for c in raw[:, 0]])
        letter = (xs[:16000], ys[:16000], xs[16000:], ys[16000:])
        cases.append(case("letter-recognition", "letter-recognition", {"kernel": "rbf"}, letter))
    else:
        print(f"{LETTER} not found; letter-recognition case left out", file=sys.stderr)
    with open(os.path.join(OUT, "svm-expected.json"), "w") as f:
        json.dump({"scikit-learn": sklearn.__version__, "cases": cases}, f, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()

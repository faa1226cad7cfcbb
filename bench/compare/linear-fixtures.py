#!/usr/bin/python3
"""Regenerates the linear-model fixtures that Kiln.Learn.Tests compares against scikit-learn.

Writes small CSVs of scikit-learn's bundled datasets (values rounded to 6 significant digits, then read back,
so both libraries fit exactly the same numbers) and linear-expected.json with scikit-learn's coefficients,
intercepts and held-out scores. The collinear case adds x10 = 2·x2 − x3 to diabetes, which the tests rebuild. Held-out rows are those whose index is a multiple of 4 (of 5 for housing).
Run with Debian's python3-sklearn (1.2): /usr/bin/python3 bench/compare/linear-fixtures.py
"""
import json
import os
import sys

import numpy as np
import pandas as pd
import sklearn
from sklearn import datasets, linear_model
from sklearn.metrics import accuracy_score, r2_score

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "fixtures")
HOUSING = os.path.join(HERE, "..", "..", "..", "shared", "datasets", "housing", "housing.csv")
TIGHT = dict(tol=1e-10, max_iter=100000)
# lbfgs stops on its relative-decrease test well before tol; newton-cg reaches the same objective's optimum
NEWTON = dict(solver="newton-cg", **TIGHT)


def write_csv(name, x, y, standardise):
    x = np.asarray(x, dtype=float)
    if standardise:
        x = (x - x.mean(axis=0)) / x.std(axis=0)
    frame = pd.DataFrame(x, columns=[f"x{j}" for j in range(x.shape[1])])
    frame["target"] = y
    path = os.path.join(OUT, f"linear-{name}.csv")
    frame.to_csv(path, index=False, float_format="%.6g")
    return pd.read_csv(path)


def split(frame, every):
    test = np.arange(len(frame)) % every == 0
    x = frame.drop(columns=["target"]).to_numpy()
    y = frame["target"].to_numpy()
    return x[~test], y[~test], x[test], y[test]


def case(name, dataset, estimator, parameters, model, frame, every=4, coefficients=True):
    x_train, y_train, x_test, y_test = split(frame, every)
    model.fit(x_train, y_train)
    predicted = model.predict(x_test)
    classifier = hasattr(model, "classes_")
    entry = {
        "name": name, "dataset": dataset, "estimator": estimator, "parameters": parameters, "every": every,
        "metric": "accuracy" if classifier else "r2",
        "score": float(accuracy_score(y_test, predicted) if classifier else r2_score(y_test, predicted)),
    }
    if coefficients:
        entry["coefficients"] = np.atleast_2d(model.coef_).tolist()
        entry["intercept"] = np.atleast_1d(model.intercept_).tolist()
    return entry


def main():
    os.makedirs(OUT, exist_ok=True)
    diabetes = write_csv("diabetes", *datasets.load_diabetes(return_X_y=True), standardise=False)
    iris = write_csv("iris", *datasets.load_iris(return_X_y=True), standardise=False)
    wine = write_csv("wine", *datasets.load_wine(return_X_y=True), standardise=True)
    cancer_x, cancer_y = datasets.load_breast_cancer(return_X_y=True)
    cancer = write_csv("breast-cancer", cancer_x[:, :10], cancer_y, standardise=True)
    collinear = diabetes.copy()
    collinear.insert(10, "x10", collinear["x2"] * 2 - collinear["x3"])

    lm = linear_model
    cases = [
        case("least squares on diabetes", "linear-diabetes.csv", "linear-regression", {}, lm.LinearRegression(), diabetes),
        case("least squares on collinear columns", "linear-diabetes.csv+collinear", "linear-regression", {}, lm.LinearRegression(), collinear,
             coefficients=False),  # rounding leaves x10 a hair off the span, so lstsq's coefficients explode; only the score is comparable
        case("ridge on diabetes", "linear-diabetes.csv", "ridge", {"alpha": 0.5}, lm.Ridge(alpha=0.5), diabetes),
        case("lasso on diabetes", "linear-diabetes.csv", "lasso", {"alpha": 0.1, "tol": 1e-10, "max-iter": 100000},
             lm.Lasso(alpha=0.1, **TIGHT), diabetes),
        case("elastic net on diabetes", "linear-diabetes.csv", "elastic-net", {"alpha": 0.002, "l1-ratio": 0.7, "tol": 1e-10, "max-iter": 100000},
             lm.ElasticNet(alpha=0.002, l1_ratio=0.7, **TIGHT), diabetes),
        case("binary logistic regression on breast cancer", "linear-breast-cancer.csv", "logistic-regression",
             {"c": 0.5, "tol": 1e-10, "max-iter": 10000}, lm.LogisticRegression(C=0.5, **NEWTON), cancer),
        case("multinomial logistic regression on iris", "linear-iris.csv", "logistic-regression",
             {"c": 1.0, "tol": 1e-10, "max-iter": 10000}, lm.LogisticRegression(C=1.0, **NEWTON), iris),
        case("multinomial logistic regression on wine", "linear-wine.csv", "logistic-regression",
             {"c": 0.1, "tol": 1e-10, "max-iter": 10000}, lm.LogisticRegression(C=0.1, **NEWTON), wine),
        case("balanced logistic regression on wine", "linear-wine.csv", "logistic-regression",
             {"c": 0.1, "class-weight": "balanced", "tol": 1e-10, "max-iter": 10000},
             lm.LogisticRegression(C=0.1, class_weight="balanced", **NEWTON), wine),
        case("l1 logistic regression on breast cancer", "linear-breast-cancer.csv", "logistic-regression",
             {"penalty": "l1", "c": 0.2, "tol": 1e-10, "max-iter": 10000},
             lm.LogisticRegression(penalty="l1", C=0.2, solver="saga", **TIGHT), cancer),
        case("elastic-net logistic regression on wine", "linear-wine.csv", "logistic-regression",
             {"penalty": "elastic-net", "c": 0.1, "l1-ratio": 0.5, "tol": 1e-10, "max-iter": 10000},
             lm.LogisticRegression(penalty="elasticnet", C=0.1, l1_ratio=0.5, solver="saga", **TIGHT), wine),
        case("unpenalised logistic regression on breast cancer", "linear-breast-cancer.csv", "logistic-regression",
             {"penalty": "none", "max-iter": 1000}, lm.LogisticRegression(penalty="none", max_iter=1000), cancer, coefficients=False),
    ]
    if os.path.exists(HOUSING):
        housing = pd.read_csv(HOUSING).drop(columns=["ocean_proximity"]).dropna().reset_index(drop=True)
        housing = housing.rename(columns={"median_house_value": "target"})
        cases += [
            case("least squares on housing", "housing", "linear-regression", {}, lm.LinearRegression(), housing, every=5),
            case("ridge on housing", "housing", "ridge", {"alpha": 10.0}, lm.Ridge(alpha=10.0), housing, every=5),
        ]
    with open(os.path.join(OUT, "linear-expected.json"), "w") as f:
        json.dump({"sklearn": sklearn.__version__, "cases": cases}, f, indent=1)
    print(f"wrote {len(cases)} cases with scikit-learn {sklearn.__version__} to {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()

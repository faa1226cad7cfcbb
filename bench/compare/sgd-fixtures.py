#!/usr/bin/python3
"""Regenerates the SGD and linear-SVM fixtures that Kiln.Learn.Tests compares against scikit-learn.

Writes standardised CSVs of iris and diabetes (values rounded to 6 significant digits, then read back) beside the
linear fixtures' wine and breast-cancer CSVs, and sgd-expected.json in the same format as linear-expected.json.
SGD's trajectory depends on the random generator, so its cases record only the held-out score, and the script
refuses a case whose score moves by more than a point across scikit-learn's own seeds. LinearSVC's dual problem has
one solution, so its cases also record coefficients. Held-out rows are those whose index is a multiple of 4.
Run with Debian's python3-sklearn (1.2): /usr/bin/python3 bench/compare/sgd-fixtures.py
"""
import json
import os
import sys

import numpy as np
import pandas as pd
import sklearn
from sklearn import datasets, linear_model, svm
from sklearn.base import clone
from sklearn.metrics import accuracy_score, r2_score

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "fixtures")


def write_csv(name, x, y):
    x = np.asarray(x, dtype=float)
    x = (x - x.mean(axis=0)) / x.std(axis=0)
    frame = pd.DataFrame(x, columns=[f"x{j}" for j in range(x.shape[1])])
    frame["target"] = y
    path = os.path.join(OUT, f"sgd-{name}.csv")
    frame.to_csv(path, index=False, float_format="%.6g")
    return pd.read_csv(path)


def split(frame, every=4):
    test = np.arange(len(frame)) % every == 0
    x = frame.drop(columns=["target"]).to_numpy()
    y = frame["target"].to_numpy()
    return x[~test], y[~test], x[test], y[test]


def score(model, frame):
    x_train, y_train, x_test, y_test = split(frame)
    model.fit(x_train, y_train)
    predicted = model.predict(x_test)
    return float(accuracy_score(y_test, predicted) if hasattr(model, "classes_") else r2_score(y_test, predicted))


def case(name, dataset, estimator, parameters, model, frame, coefficients=False):
    entry = {"name": name, "dataset": dataset, "estimator": estimator, "parameters": parameters, "every": 4,
             "metric": "accuracy" if hasattr(model, "predict_proba") or isinstance(model, (svm.LinearSVC, linear_model.SGDClassifier)) else "r2",
             "score": score(model, frame)}
    if coefficients:
        entry["coefficients"] = np.atleast_2d(model.coef_).tolist()
        entry["intercept"] = np.atleast_1d(model.intercept_).tolist()
    else:
        scores = [100 * score(clone(model).set_params(random_state=seed), frame) for seed in range(10)]
        spread = max(scores) - min(scores)
        print(f"{name}: {100 * entry['score']:.2f}, seeds {min(scores):.2f}..{max(scores):.2f}", file=sys.stderr)
        if spread > 1:
            sys.exit(f"{name}: scikit-learn's own score moves by {spread:.2f} points across seeds; not a fair fixture")
    return entry


def main():
    os.makedirs(OUT, exist_ok=True)
    iris = write_csv("iris", *datasets.load_iris(return_X_y=True))
    diabetes = write_csv("diabetes", *datasets.load_diabetes(return_X_y=True))
    wine = pd.read_csv(os.path.join(OUT, "linear-wine.csv"))
    cancer = pd.read_csv(os.path.join(OUT, "linear-breast-cancer.csv"))
    tight = dict(tol=1e-8, max_iter=100000)
    sgd, reg = linear_model.SGDClassifier, linear_model.SGDRegressor
    # a fixed 200 averaged epochs (Kiln's tol 0 is scikit-learn's tol None) reach the penalised optimum whatever the shuffle
    EPOCHS = {"tol": 0.0, "max-iter": 200, "average": True}
    FIXED = dict(tol=None, max_iter=200, average=True, random_state=0)
    cases = [
        case("hinge linear svm on breast cancer", "linear-breast-cancer.csv", "linear-svm", {"c": 0.5, "loss": "hinge", "tol": 1e-8, "max-iter": 100000},
             svm.LinearSVC(C=0.5, loss="hinge", dual=True, **tight), cancer, coefficients=True),
        case("squared-hinge linear svm on wine", "linear-wine.csv", "linear-svm", {"c": 0.1, "tol": 1e-8, "max-iter": 100000},
             svm.LinearSVC(C=0.1, dual=True, **tight), wine, coefficients=True),
        case("squared-hinge linear svm on iris", "sgd-iris.csv", "linear-svm", {"c": 1.0, "tol": 1e-8, "max-iter": 100000},
             svm.LinearSVC(C=1.0, dual=True, **tight), iris, coefficients=True),
        case("hinge sgd stopping early on breast cancer", "linear-breast-cancer.csv", "sgd-classifier", {"alpha": 0.1, "average": True},
             sgd(alpha=0.1, average=True, random_state=0), cancer),
        case("log-loss sgd on wine", "linear-wine.csv", "sgd-classifier", {"loss": "log-loss", "alpha": 0.01, **EPOCHS},
             sgd(loss="log_loss", alpha=0.01, **FIXED), wine),
        case("modified-huber sgd on iris", "sgd-iris.csv", "sgd-classifier", {"loss": "modified-huber", "alpha": 0.01, **EPOCHS},
             sgd(loss="modified_huber", alpha=0.01, **FIXED), iris),
        case("elastic-net log-loss sgd on breast cancer", "linear-breast-cancer.csv", "sgd-classifier",
             {"loss": "log-loss", "penalty": "elastic-net", "alpha": 0.03, "l1-ratio": 0.5},
             sgd(loss="log_loss", penalty="elasticnet", alpha=0.03, l1_ratio=0.5, random_state=0), cancer),
        case("squared-error sgd on diabetes", "sgd-diabetes.csv", "sgd-regressor", {"alpha": 0.01, **EPOCHS},
             reg(alpha=0.01, **FIXED), diabetes),
        case("huber sgd on diabetes", "sgd-diabetes.csv", "sgd-regressor", {"loss": "huber", "epsilon": 10.0, "eta0": 0.1, "alpha": 0.001, **EPOCHS},
             reg(loss="huber", epsilon=10.0, eta0=0.1, alpha=0.001, **FIXED), diabetes),
        case("elastic-net squared-error sgd on diabetes", "sgd-diabetes.csv", "sgd-regressor",
             {"penalty": "elastic-net", "alpha": 0.01, "tol": 0.0, "max-iter": 500},
             reg(penalty="elasticnet", alpha=0.01, tol=None, max_iter=500, random_state=0), diabetes),
    ]
    with open(os.path.join(OUT, "sgd-expected.json"), "w") as f:
        json.dump({"sklearn": sklearn.__version__, "cases": cases}, f, indent=1)
    print(f"wrote {len(cases)} cases with scikit-learn {sklearn.__version__} to {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()

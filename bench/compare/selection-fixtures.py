#!/usr/bin/python3
"""Records scikit-learn's model-selection results on deterministic models for tests/Kiln.Learn.Tests/ModelSelection.

Run with Debian's scikit-learn 1.2 (python3-sklearn): /usr/bin/python3 bench/compare/selection-fixtures.py
It reads linear-diabetes.csv and linear-iris.csv from fixtures/ beside itself and writes fixtures/selection-expected.json:
cross_validate of least squares, of a scaler-and-ridge pipeline and of logistic regression (per-fold test and train
scores), a GridSearchCV over ridge's alpha (mean, std and rank per candidate, the best alpha), a validation_curve of
that alpha and a learning_curve of least squares. Folds are unshuffled KFold and StratifiedKFold, whose indices Kiln's
splitters reproduce, and every model is deterministic, so Kiln must give the same numbers.
"""
import json
import os

import numpy as np
import pandas as pd
import sklearn
from sklearn.linear_model import LinearRegression, LogisticRegression, Ridge
from sklearn.model_selection import GridSearchCV, KFold, StratifiedKFold, cross_validate, learning_curve, validation_curve
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "fixtures")
ALPHAS = [0.001, 0.01, 0.1, 1.0, 10.0]
SIZES = [0.1, 0.25, 0.5, 0.75, 1.0]


def read(name):
    frame = pd.read_csv(os.path.join(OUT, name))
    return frame.drop(columns="target").to_numpy(float), frame["target"].to_numpy()


def floats(values):
    return [float(v) for v in np.ravel(values)]


def cross_validated(name, dataset, pipeline, parameters, model, x, y, cv, scoring):
    result = cross_validate(model, x, y, cv=cv, scoring=scoring, return_train_score=True)
    return {
        "name": name, "dataset": dataset, "pipeline": pipeline, "parameters": parameters, "folds": cv.get_n_splits(),
        "stratified": isinstance(cv, StratifiedKFold), "scoring": scoring,
        "test": {s: floats(result[f"test_{s}"]) for s in scoring},
        "train": {s: floats(result[f"train_{s}"]) for s in scoring},
    }


def main():
    diabetes_x, diabetes_y = read("linear-diabetes.csv")
    iris_x, iris_y = read("linear-iris.csv")
    kfold = KFold(5)
    cases = [
        cross_validated("least squares on diabetes", "linear-diabetes.csv", ["linear-regression"], {}, LinearRegression(),
                        diabetes_x, diabetes_y, kfold, ["r2", "neg_mean_squared_error"]),
        cross_validated("scaled ridge on diabetes", "linear-diabetes.csv", ["standard-scaler", "ridge"], {"alpha": 10.0},
                        make_pipeline(StandardScaler(), Ridge(alpha=10.0)), diabetes_x, diabetes_y, kfold, ["r2", "neg_mean_absolute_error"]),
        cross_validated("logistic regression on iris", "linear-iris.csv", ["logistic-regression"], {"c": 1.0, "tol": 1e-10, "max-iter": 10000},
                        LogisticRegression(C=1.0, solver="newton-cg", tol=1e-8, max_iter=10000), iris_x, iris_y, StratifiedKFold(5),
                        ["accuracy", "neg_log_loss"]),
    ]

    grid = GridSearchCV(Ridge(), {"alpha": ALPHAS}, cv=kfold, scoring="r2").fit(diabetes_x, diabetes_y)
    search = {
        "dataset": "linear-diabetes.csv", "estimator": "ridge", "parameter": "alpha", "values": ALPHAS, "folds": 5, "scoring": "r2",
        "mean": floats(grid.cv_results_["mean_test_score"]), "std": floats(grid.cv_results_["std_test_score"]),
        "rank": [int(r) for r in grid.cv_results_["rank_test_score"]], "best": float(grid.best_params_["alpha"]),
        "best_score": float(grid.best_score_),
    }

    train, test = validation_curve(Ridge(), diabetes_x, diabetes_y, param_name="alpha", param_range=ALPHAS, cv=kfold, scoring="r2")
    validation = {
        "dataset": "linear-diabetes.csv", "estimator": "ridge", "parameter": "alpha", "values": ALPHAS, "folds": 5, "scoring": "r2",
        "train_mean": floats(train.mean(axis=1)), "train_std": floats(train.std(axis=1)),
        "test_mean": floats(test.mean(axis=1)), "test_std": floats(test.std(axis=1)),
    }

    sizes, train, test = learning_curve(LinearRegression(), diabetes_x, diabetes_y, train_sizes=SIZES, cv=kfold, scoring="r2")
    learning = {
        "dataset": "linear-diabetes.csv", "estimator": "linear-regression", "fractions": SIZES, "folds": 5, "scoring": "r2",
        "sizes": [int(s) for s in sizes], "train_mean": floats(train.mean(axis=1)), "train_std": floats(train.std(axis=1)),
        "test_mean": floats(test.mean(axis=1)), "test_std": floats(test.std(axis=1)),
    }

    # under "cross_validate", not "cases": the shared fixture reader takes "cases" for held-out score records
    with open(os.path.join(OUT, "selection-expected.json"), "w") as f:
        json.dump({"sklearn": sklearn.__version__, "cross_validate": cases, "grid_search": search,
                   "validation_curve": validation, "learning_curve": learning}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()

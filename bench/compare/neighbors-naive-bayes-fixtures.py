#!/usr/bin/python3
"""Regenerates the k-NN and naive Bayes fixtures that tests/Kiln.Learn.Tests compare Kiln against.

Run with Debian's scikit-learn 1.2 (python3-sklearn): /usr/bin/python3 bench/compare/neighbors-naive-bayes-fixtures.py
It writes, into fixtures/ beside itself,
  neighbors-<dataset>.csv       features f0..fN, the target and a train/test split column (data shared by both families)
  neighbors-expected.json       scikit-learn's held-out score and test predictions for each k-NN case
  naive-bayes-expected.json     the same for each naive Bayes case
Datasets are scikit-learn's bundled ones, trimmed and rounded to keep the committed files small; scikit-learn is fitted
on exactly the values written. letter-recognition (../shared/datasets) is read when present and only scores are kept.
"""
import json
import os
import sys

import numpy as np
from sklearn import datasets
from sklearn.metrics import accuracy_score, r2_score
from sklearn.model_selection import train_test_split
from sklearn.naive_bayes import BernoulliNB, ComplementNB, GaussianNB, MultinomialNB
from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "fixtures")
LETTER = os.path.join(HERE, "..", "..", "..", "shared", "datasets", "letter-recognition", "letter-recognition.data")


def load(name):
    if name == "iris":
        x, y = datasets.load_iris(return_X_y=True)
    elif name == "wine":
        x, y = datasets.load_wine(return_X_y=True)
    elif name == "breast-cancer":
        x, y = datasets.load_breast_cancer(return_X_y=True)
        x = x[:, :10]  # the ten "mean" measurements keep the file small
    elif name == "digits":
        x, y = datasets.load_digits(return_X_y=True)
        x, y = x[:500], y[:500]
    elif name == "diabetes":
        x, y = datasets.load_diabetes(return_X_y=True)
        x = np.round(x, 4)
    else:
        raise ValueError(name)
    return x, y


def write_dataset(name, regression):
    x, y = load(name)
    train, test = train_test_split(np.arange(len(y)), test_size=0.3, random_state=0,
                                   stratify=None if regression else y)
    split = np.empty(len(y), dtype=object)
    split[train], split[test] = "train", "test"
    path = os.path.join(OUT, f"neighbors-{name}.csv")
    with open(path, "w") as f:
        f.write(",".join([f"f{j}" for j in range(x.shape[1])] + ["target", "split"]) + "\n")
        for i in range(len(y)):
            values = [repr(float(v)) if v != int(v) else str(int(v)) for v in x[i]]
            target = repr(float(y[i])) if regression else str(int(y[i]))
            f.write(",".join(values + [target, split[i]]) + "\n")
    # fit on the values as written, so both sides see the same numbers
    data = np.genfromtxt(path, delimiter=",", skip_header=1, dtype=str)
    xs = data[:, :-2].astype(float)
    ys = data[:, -2].astype(float) if regression else data[:, -2].astype(int)
    is_train = data[:, -1] == "train"
    return xs[is_train], ys[is_train], xs[~is_train], ys[~is_train]


def knn(params):
    return dict(n_neighbors=params["n-neighbors"], weights=params["weights"], metric=params["metric"], algorithm="brute")


def case(dataset, estimator, params, model, data, regression, keep_predictions=True):
    x_train, y_train, x_test, y_test = data
    model.fit(x_train, y_train)
    predicted = model.predict(x_test)
    score = r2_score(y_test, predicted) if regression else accuracy_score(y_test, predicted)
    settings = "".join(f" {key}={value}" for key, value in params.items())
    file = dataset if dataset == "letter-recognition" else f"neighbors-{dataset}.csv"
    result = {"name": f"{estimator}{settings} on {dataset}", "dataset": file, "estimator": estimator, "parameters": params,
              "metric": "r2" if regression else "accuracy", "score": round(float(score), 6)}
    if keep_predictions:
        result["predictions"] = [round(float(p), 6) for p in predicted] if regression else [int(p) for p in predicted]
    if not regression and keep_predictions and dataset in ("iris", "wine"):
        result["probabilities"] = [[round(float(p), 6) for p in row] for row in model.predict_proba(x_test)]
    return result


def main():
    classification = {name: write_dataset(name, False) for name in ("iris", "wine", "breast-cancer", "digits")}
    diabetes = write_dataset("diabetes", True)
    letter = None
    if os.path.exists(LETTER):
        raw = np.genfromtxt(LETTER, delimiter=",", dtype=str)
        xs, ys = raw[:, 1:].astype(float), np.array([ord(c) - ord("A") for c in raw[:, 0]])
        letter = (xs[:16000], ys[:16000], xs[16000:], ys[16000:])
    else:
        print(f"{LETTER} not found; letter-recognition cases left out", file=sys.stderr)

    neighbors = []
    knn_settings = [
        {"n-neighbors": 5, "weights": "uniform", "metric": "euclidean"},
        {"n-neighbors": 7, "weights": "distance", "metric": "manhattan"},
        {"n-neighbors": 5, "weights": "uniform", "metric": "cosine"},
        {"n-neighbors": 15, "weights": "distance", "metric": "euclidean"},
    ]
    for name, data in classification.items():
        for params in knn_settings:
            neighbors.append(case(name, "knn-classifier", params, KNeighborsClassifier(**knn(params)), data, False))
    for params in knn_settings[:3] + [{"n-neighbors": 10, "weights": "distance", "metric": "cosine"}]:
        neighbors.append(case("diabetes", "knn-regressor", params, KNeighborsRegressor(**knn(params)), diabetes, True))
    if letter is not None:
        for params in knn_settings[:2]:
            neighbors.append(case("letter-recognition", "knn-classifier", params, KNeighborsClassifier(**knn(params)), letter, False, False))

    bayes = []
    nb_cases = [
        ("gaussian-nb", {}, lambda p: GaussianNB(), ["iris", "wine", "breast-cancer", "digits"]),
        ("gaussian-nb", {"var-smoothing": 0.01}, lambda p: GaussianNB(var_smoothing=0.01), ["digits", "wine"]),
        ("multinomial-nb", {}, lambda p: MultinomialNB(), ["iris", "wine", "breast-cancer", "digits"]),
        ("multinomial-nb", {"alpha": 0.5, "fit-prior": False}, lambda p: MultinomialNB(alpha=0.5, fit_prior=False), ["digits", "wine"]),
        ("bernoulli-nb", {}, lambda p: BernoulliNB(), ["digits"]),
        ("bernoulli-nb", {"binarize": 8.0, "alpha": 0.5}, lambda p: BernoulliNB(binarize=8.0, alpha=0.5), ["digits"]),
        ("complement-nb", {}, lambda p: ComplementNB(), ["iris", "wine", "breast-cancer", "digits"]),
        ("complement-nb", {"alpha": 0.3, "norm": True}, lambda p: ComplementNB(alpha=0.3, norm=True), ["digits", "wine"]),
    ]
    for estimator, params, make, names in nb_cases:
        for name in names:
            bayes.append(case(name, estimator, params, make(params), classification[name], False))
        if letter is not None and not params:
            bayes.append(case("letter-recognition", estimator, params, make(params), letter, False, False))

    for file, cases in (("neighbors-expected.json", neighbors), ("naive-bayes-expected.json", bayes)):
        with open(os.path.join(OUT, file), "w") as f:
            json.dump({"scikit-learn": __import__("sklearn").__version__, "cases": cases}, f, separators=(",", ":"))
            f.write("\n")


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""Records scikit-learn 1.2's held-out scores (and the linear models' coefficients) on the generated 200k x 40 sets,
into fixtures/generated-expected.json. The data is not written: generated_sets.py and the C# tests compute the same
numbers. Every fifth row (from row 0) is held out. k-NN and the SVMs use the first 20k rows.
Run with Debian's python3-sklearn (1.2): /usr/bin/python3 bench/compare/generated-fixtures.py
"""
import json
import os
import sys
import time

import numpy as np
import sklearn
from sklearn import linear_model as lm
from sklearn.metrics import accuracy_score, r2_score
from sklearn.naive_bayes import BernoulliNB, ComplementNB, GaussianNB, MultinomialNB
from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor
from sklearn.svm import SVC, SVR, LinearSVC

from generated_sets import generated

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "fixtures")
EVERY = 5
TIGHT = dict(tol=1e-10, max_iter=100000)


def case(name, dataset, estimator, parameters, model, coefficients=False):
    x, y = generated(dataset)
    test = np.arange(len(y)) % EVERY == 0
    started = time.perf_counter()
    model.fit(x[~test], y[~test])
    predicted = model.predict(x[test])
    classifier = hasattr(model, "classes_")
    entry = {
        "name": name, "dataset": dataset, "estimator": estimator, "parameters": parameters, "every": EVERY,
        "metric": "accuracy" if classifier else "r2",
        "score": float(accuracy_score(y[test], predicted) if classifier else r2_score(y[test], predicted)),
    }
    if coefficients:
        entry["coefficients"] = np.atleast_2d(model.coef_).tolist()
        entry["intercept"] = np.atleast_1d(model.intercept_).tolist()
    print(f"{name}: {entry['metric']} {entry['score']:.4f} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return entry


def main():
    big, small = 200_000, 20_000
    classification, counts, regression = (f"generated-{kind}-{big}" for kind in ("classification", "counts", "regression"))
    cases = [
        case("least squares on generated 200k", regression, "linear-regression", {}, lm.LinearRegression(), True),
        case("ridge on generated 200k", regression, "ridge", {"alpha": 1.0}, lm.Ridge(alpha=1.0), True),
        case("lasso on generated 200k", regression, "lasso", {"alpha": 1.0, "tol": 1e-10, "max-iter": 100000},
             lm.Lasso(alpha=1.0, **TIGHT), True),
        case("elastic net on generated 200k", regression, "elastic-net",
             {"alpha": 1.0, "l1-ratio": 0.5, "tol": 1e-10, "max-iter": 100000}, lm.ElasticNet(alpha=1.0, l1_ratio=0.5, **TIGHT), True),
        case("sgd regression on generated 200k", regression, "sgd-regressor", {"seed": 0}, lm.SGDRegressor(random_state=0)),
        case("logistic regression on generated 200k", classification, "logistic-regression",
             {"c": 1.0, "tol": 1e-10, "max-iter": 10000},
             lm.LogisticRegression(C=1.0, solver="newton-cg", tol=1e-10, max_iter=10000), True),
        case("sgd classification on generated 200k", classification, "sgd-classifier", {"seed": 0}, lm.SGDClassifier(random_state=0)),
        case("gaussian naive bayes on generated 200k", classification, "gaussian-nb", {}, GaussianNB()),
        case("bernoulli naive bayes on generated 200k", classification, "bernoulli-nb", {}, BernoulliNB()),
        case("multinomial naive bayes on generated 200k", counts, "multinomial-nb", {}, MultinomialNB()),
        case("complement naive bayes on generated 200k", counts, "complement-nb", {}, ComplementNB()),
        case("k-nn classification on generated 20k", f"generated-classification-{small}", "knn-classifier",
             {"n-neighbors": 5}, KNeighborsClassifier(n_neighbors=5)),
        case("k-nn regression on generated 20k", f"generated-regression-{small}", "knn-regressor",
             {"n-neighbors": 5}, KNeighborsRegressor(n_neighbors=5)),
        # liblinear needs about 1,800 passes here, more than its default 1,000
        case("linear svm on generated 20k", f"generated-classification-{small}", "linear-svm",
             {"c": 1.0, "max-iter": 10000, "seed": 0}, LinearSVC(C=1.0, max_iter=10000, random_state=0), True),
        case("kernel svm on generated 20k", f"generated-classification-{small}", "svm-classifier", {}, SVC()),
        case("kernel svm regression on generated 20k", f"generated-regression-{small}", "svm-regressor", {}, SVR()),
    ]
    with open(os.path.join(OUT, "generated-expected.json"), "w") as f:
        json.dump({"sklearn": sklearn.__version__, "cases": cases}, f, indent=1)
        f.write("\n")
    print(f"wrote {len(cases)} cases with scikit-learn {sklearn.__version__} to {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()

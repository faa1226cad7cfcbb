#!/usr/bin/python3
"""Regenerates the histogram gradient boosting fixtures that tests/Kiln.Learn.Tests compare Kiln against.

Run with Debian's scikit-learn 1.2 and xgboost 1.7 (python3-sklearn, python3-xgboost):
    /usr/bin/python3 bench/compare/boosting-fixtures.py
It reads the neighbors-*.csv datasets already in fixtures/ and writes, into fixtures/ beside itself,
  boosting-titanic.csv    ../shared titanic with its real blanks: age missing (NaN), sex and embarked as text
  boosting-churn.csv      ../shared telco churn, the first 2000 rows, its text columns kept as text (categories) and
                          total charges blank where the source is blank
  boosting-expected.json  per case: scikit-learn's held-out score ("score"; with early stopping on, the mean over the
                          seeds 0 … "seeds" − 1, as the validation rows are drawn at random) and xgboost's
                          ("xgboost-score", null where xgboost 1.7 has no such loss or no early stopping to match),
                          plus the iterations scikit-learn ran
housing is read from ../shared by the test reader (every fifth row held out).

scikit-learn's side is HistGradientBoostingClassifier/Regressor with text columns ordinal-encoded and declared in
categorical_features; the huber loss, which HistGradientBoostingRegressor lacks, is GradientBoostingRegressor grown to
the same leaves. xgboost's side is tree_method="hist", grow_policy="lossguide", max_depth=0, max_leaves=31, the same
learning rate, iterations, bins and L2 penalty, text columns as pandas categories with enable_categorical; for
regression the least rows per leaf is xgboost's min_child_weight (every row's hessian is 1 there), while for
classification xgboost keeps its own min_child_weight of 1, a hessian sum with no row-count equivalent.
"""
import json
import os
import sys

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.ensemble import GradientBoostingRegressor, HistGradientBoostingClassifier, HistGradientBoostingRegressor
from sklearn.metrics import accuracy_score, r2_score
from sklearn.preprocessing import OrdinalEncoder
from sklearn.utils.class_weight import compute_sample_weight
from fixture_splits import HOUSING_EVERY, OUT, SHARED, housing, read_split, write_split_csv

EARLY_STOPPING_SEEDS = 5

# Kiln's kebab-case parameters to scikit-learn's
NAMES = {"loss": "loss", "learning-rate": "learning_rate", "max-iter": "max_iter", "max-leaf-nodes": "max_leaf_nodes",
         "max-depth": "max_depth", "min-samples-leaf": "min_samples_leaf", "l2-regularization": "l2_regularization",
         "max-bins": "max_bins", "early-stopping": "early_stopping", "validation-fraction": "validation_fraction",
         "n-iter-no-change": "n_iter_no_change", "tol": "tol", "class-weight": "class_weight", "quantile": "quantile"}


def titanic():
    raw = pd.read_csv(os.path.join(SHARED, "titanic", "train.csv"))
    frame = pd.DataFrame({"pclass": raw["Pclass"], "sex": raw["Sex"], "age": raw["Age"], "sibsp": raw["SibSp"],
                          "parch": raw["Parch"], "fare": raw["Fare"].round(4), "embarked": raw["Embarked"]})
    write_split_csv(os.path.join(OUT, "boosting-titanic.csv"), frame, raw["Survived"].to_numpy())


def churn():
    raw = pd.read_csv(os.path.join(SHARED, "churn", "Telco-Customer-Churn.csv")).head(2000)
    text = ["gender", "Partner", "Dependents", "PhoneService", "InternetService", "OnlineSecurity", "TechSupport",
            "Contract", "PaperlessBilling", "PaymentMethod"]
    frame = raw[text].copy()
    frame.insert(1, "SeniorCitizen", raw["SeniorCitizen"])
    frame.insert(5, "tenure", raw["tenure"])
    frame["MonthlyCharges"] = raw["MonthlyCharges"]
    frame["TotalCharges"] = pd.to_numeric(raw["TotalCharges"], errors="coerce")
    write_split_csv(os.path.join(OUT, "boosting-churn.csv"), frame, (raw["Churn"] == "Yes").astype(int).to_numpy())


DATA_FILES = {"iris": "neighbors-iris.csv", "wine": "neighbors-wine.csv", "breast-cancer": "neighbors-breast-cancer.csv",
              "digits": "neighbors-digits.csv", "diabetes": "neighbors-diabetes.csv", "titanic": "boosting-titanic.csv",
              "churn": "boosting-churn.csv"}


def text_columns(frame):
    return [c for c in frame.columns if frame[c].dtype == object]


def early_stopping_on(params, data):
    setting = params.get("early-stopping", "auto")
    return setting == "true" or (setting == "auto" and len(data[1]) > 10_000)


def sklearn_side(estimator, params, data, seed=0):
    x_train, y_train, x_test, y_test = data
    text = text_columns(x_train)
    converted = {NAMES[k]: v for k, v in params.items() if k in NAMES}
    if converted.get("class_weight") == "none":
        converted["class_weight"] = None
    if "early_stopping" in converted:
        converted["early_stopping"] = {"true": True, "false": False, "auto": "auto"}[converted["early_stopping"]]
    if "loss" in converted:
        converted["loss"] = converted["loss"].replace("-", "_")
    if text:
        encoder = OrdinalEncoder().fit(x_train[text])
        x_train, x_test = x_train.copy(), x_test.copy()
        x_train[text] = encoder.transform(x_train[text])
        x_test[text] = encoder.transform(x_test[text])
        converted["categorical_features"] = [c in text for c in x_train.columns]
    regression = estimator.endswith("regressor")
    if converted.get("loss") == "huber":
        model = GradientBoostingRegressor(loss="huber", alpha=params.get("huber-quantile", 0.9), n_estimators=params.get("max-iter", 100),
                                          learning_rate=params.get("learning-rate", 0.1), max_depth=None,
                                          max_leaf_nodes=params.get("max-leaf-nodes", 31), min_samples_leaf=params.get("min-samples-leaf", 20),
                                          random_state=0)
        model.fit(x_train.to_numpy(float), y_train)
        return r2_score(y_test, model.predict(x_test.to_numpy(float))), model.n_estimators_
    kind = HistGradientBoostingRegressor if regression else HistGradientBoostingClassifier
    model = kind(**converted, random_state=seed).fit(x_train, y_train)
    predicted = model.predict(x_test)
    score = r2_score(y_test, predicted) if regression else accuracy_score(y_test, predicted)
    return score, model.n_iter_


def xgboost_side(estimator, params, data):
    loss = params.get("loss", "squared-error" if estimator.endswith("regressor") else "log-loss")
    if loss in ("huber", "quantile") or params.get("early-stopping") == "true":
        return None
    x_train, y_train, x_test, y_test = data
    text = text_columns(x_train)
    if text:
        x_train, x_test = x_train.copy(), x_test.copy()
        for c in text:
            categories = sorted(x_train[c].dropna().unique())
            x_train[c] = pd.Categorical(x_train[c], categories=categories)
            x_test[c] = pd.Categorical(x_test[c], categories=categories)
    settings = dict(tree_method="hist", n_estimators=params.get("max-iter", 100), learning_rate=params.get("learning-rate", 0.1),
                    max_depth=params.get("max-depth", 0), grow_policy="lossguide", max_leaves=params.get("max-leaf-nodes", 31),
                    max_bin=params.get("max-bins", 255), reg_lambda=params.get("l2-regularization", 0.0), nthread=2,
                    enable_categorical=bool(text), random_state=0)
    if estimator.endswith("regressor"):
        objective = {"squared-error": "reg:squarederror", "absolute-error": "reg:absoluteerror"}[loss]
        # both losses give every row a hessian of 1, so a leaf's least hessian is its least number of rows
        settings["min_child_weight"] = params.get("min-samples-leaf", 20)
        model = xgb.XGBRegressor(objective=objective, **settings).fit(x_train, y_train)
        return r2_score(y_test, model.predict(x_test))
    weights = compute_sample_weight("balanced", y_train) if params.get("class-weight") == "balanced" else None
    model = xgb.XGBClassifier(**settings).fit(x_train, y_train, sample_weight=weights)
    return accuracy_score(y_test, model.predict(x_test))


def case(estimator, params, dataset, data):
    settings = "".join(f" {key}={value}" for key, value in params.items())
    regression = estimator.endswith("regressor")
    # with early stopping the validation rows are drawn at random, so the mean over five seeds is kept
    seeded = early_stopping_on(params, data)
    runs = [sklearn_side(estimator, params, data, seed) for seed in (range(EARLY_STOPPING_SEEDS) if seeded else [0])]
    score, iterations = float(np.mean([r[0] for r in runs])), float(np.mean([r[1] for r in runs]))
    xgboost_score = xgboost_side(estimator, params, data)
    result = {"name": f"{estimator}{settings} on {dataset}", "dataset": DATA_FILES.get(dataset, dataset),
              "estimator": estimator, "parameters": params, "metric": "r2" if regression else "accuracy",
              "score": round(float(score), 6),
              "xgboost-score": None if xgboost_score is None else round(float(xgboost_score), 6),
              "iterations": iterations}
    if seeded:
        result["seeds"] = EARLY_STOPPING_SEEDS
    if dataset == "housing":
        result["every"] = HOUSING_EVERY
    print(f"{result['name']}: scikit-learn {score:.4f}, xgboost {xgboost_score}", file=sys.stderr)
    return result


def main():
    titanic()
    churn()
    data = {name: read_split(file, name == "diabetes", as_frame=True) for name, file in DATA_FILES.items()}
    have_housing = os.path.exists(os.path.join(SHARED, "housing", "housing.csv"))
    if have_housing:
        data["housing"] = housing(as_frame=True)

    cases = []
    classifier = "gradient-boosting-classifier"
    for dataset in ("iris", "wine", "breast-cancer", "digits", "titanic", "churn"):
        cases.append(case(classifier, {}, dataset, data[dataset]))
    for params, datasets in [
        ({"class-weight": "balanced"}, ["churn", "titanic"]),
        ({"learning-rate": 0.05, "max-iter": 200}, ["breast-cancer"]),
        ({"max-depth": 3}, ["titanic", "churn"]),
        ({"max-leaf-nodes": 8, "l2-regularization": 1.0}, ["wine", "digits"]),
        ({"min-samples-leaf": 5}, ["titanic"]),
        ({"early-stopping": "true"}, ["digits", "churn"]),
    ]:
        for dataset in datasets:
            cases.append(case(classifier, params, dataset, data[dataset]))

    regressor = "gradient-boosting-regressor"
    regressions = [({}, "diabetes"), ({"max-iter": 50, "learning-rate": 0.05}, "diabetes"),
                   ({"loss": "absolute-error"}, "diabetes"), ({"loss": "quantile", "quantile": 0.5}, "diabetes"),
                   ({"loss": "huber"}, "diabetes"), ({"min-samples-leaf": 5, "l2-regularization": 1.0}, "diabetes")]
    if have_housing:
        regressions += [({}, "housing"), ({"early-stopping": "false"}, "housing"), ({"loss": "absolute-error"}, "housing"),
                        ({"loss": "quantile", "quantile": 0.6}, "housing"), ({"loss": "huber"}, "housing")]
    for params, dataset in regressions:
        cases.append(case(regressor, params, dataset, data[dataset]))

    with open(os.path.join(OUT, "boosting-expected.json"), "w") as f:
        json.dump({"cases": cases}, f, indent=1)
    print(f"{len(cases)} cases written", file=sys.stderr)


if __name__ == "__main__":
    main()

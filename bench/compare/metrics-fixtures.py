#!/usr/bin/python3
"""Regenerates the metrics fixtures that tests/Kiln.Learn.Tests/Metrics compares Kiln against.

Run with Debian's scikit-learn 1.2 (python3-sklearn): /usr/bin/python3 bench/compare/metrics-fixtures.py
It writes fixtures/metrics-expected.json beside itself: small deterministic inputs and scikit-learn's value of every
metric on them, in four sections.
  "labels"      true and predicted labels (binary, multiclass, imbalanced, text labels, sample weights, an explicit
                label list): accuracy, balanced accuracy, precision / recall / F-beta under every average, confusion
                matrices, Cohen's kappa, Matthews correlation and the classification report's text.
  "scores"      true labels with scores: binary ROC and precision-recall curves, ROC AUC, average precision, Brier
                score, log loss; multiclass probabilities (with ties): one-vs-rest and one-vs-one ROC AUC, log loss,
                top-k accuracy.
  "regression"  true and predicted values: every regression error and score, weighted and not.
  "clustering"  points with cluster labels and two labellings of the same rows: Davies-Bouldin, Calinski-Harabasz,
                adjusted Rand, mutual information scores, homogeneity, completeness and V-measure.
Values are written with repr precision, so the tests can ask for agreement to 1e-10.
"""
import json
import os
import warnings

import numpy as np
import sklearn
from sklearn.calibration import calibration_curve
from sklearn import metrics

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "fixtures", "metrics-expected.json")

warnings.simplefilter("ignore")
rng = np.random.RandomState(7)


def floats(values):
    return [float(v) for v in np.ravel(values)]


def matrix(values):
    return [floats(row) for row in np.asarray(values)]


def plain(labels):
    return [v.item() if hasattr(v, "item") else v for v in labels]


def label_case(name, y_true, y_pred, weights=None, labels=None, positive=None):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    common = dict(sample_weight=weights)
    listed = dict(common, labels=labels)
    case = {"name": name, "y_true": plain(y_true), "y_pred": plain(y_pred)}
    if weights is not None:
        case["weights"] = floats(weights)
    if labels is not None:
        case["labels"] = plain(labels)
    if positive is not None:
        case["positive"] = plain([positive])[0]
    case["accuracy"] = float(metrics.accuracy_score(y_true, y_pred, **common))
    if labels is None:
        case["balanced_accuracy"] = float(metrics.balanced_accuracy_score(y_true, y_pred, **common))
        case["balanced_accuracy_adjusted"] = float(metrics.balanced_accuracy_score(y_true, y_pred, adjusted=True, **common))
        case["matthews"] = float(metrics.matthews_corrcoef(y_true, y_pred, **common))
    for beta in (1.0, 0.5, 2.0):
        key = "f1" if beta == 1.0 else f"f{beta:g}"
        for zero_division in (0, 1):
            suffix = "" if zero_division == 0 else "_zd1"
            for average in ("micro", "macro", "weighted"):
                p, r, f, _ = metrics.precision_recall_fscore_support(
                    y_true, y_pred, beta=beta, average=average, zero_division=zero_division, **listed)
                if beta == 1.0:
                    case[f"precision_{average}{suffix}"] = float(p)
                    case[f"recall_{average}{suffix}"] = float(r)
                case[f"{key}_{average}{suffix}"] = float(f)
            p, r, f, s = metrics.precision_recall_fscore_support(
                y_true, y_pred, beta=beta, average=None, zero_division=zero_division, **listed)
            if beta == 1.0:
                case[f"precision_none{suffix}"] = floats(p)
                case[f"recall_none{suffix}"] = floats(r)
                case[f"support{suffix}"] = floats(s)
            case[f"{key}_none{suffix}"] = floats(f)
            if positive is not None:
                p, r, f, _ = metrics.precision_recall_fscore_support(
                    y_true, y_pred, beta=beta, average="binary", pos_label=positive, zero_division=zero_division,
                    **common)
                if beta == 1.0:
                    case[f"precision_binary{suffix}"] = float(p)
                    case[f"recall_binary{suffix}"] = float(r)
                case[f"{key}_binary{suffix}"] = float(f)
    for normalize in (None, "true", "pred", "all"):
        case[f"confusion_{normalize or 'counts'}"] = matrix(
            metrics.confusion_matrix(y_true, y_pred, normalize=normalize, **listed))
    for weighting in (None, "linear", "quadratic"):
        case[f"kappa_{weighting or 'unweighted'}"] = float(
            metrics.cohen_kappa_score(y_true, y_pred, labels=labels, weights=weighting, sample_weight=weights))
    case["report"] = metrics.classification_report(y_true, y_pred, zero_division=0, **listed)
    case["report_digits4"] = metrics.classification_report(y_true, y_pred, digits=4, zero_division=0, **listed)
    return case


def label_cases():
    binary_true = rng.randint(0, 2, 40)
    binary_pred = np.where(rng.rand(40) < 0.75, binary_true, 1 - binary_true)
    multi_true = rng.randint(0, 4, 60)
    multi_pred = np.where(rng.rand(60) < 0.6, multi_true, rng.randint(0, 4, 60))
    # class 3 is never predicted and class 4 only predicted: zero-division in both directions
    multi_pred[multi_pred == 3] = 4
    skewed_true = np.where(rng.rand(80) < 0.1, 1, 0)
    skewed_pred = np.where(rng.rand(80) < 0.85, skewed_true, 1 - skewed_true)
    words = np.array(["cat", "dog", "bird"])
    text_true = words[rng.randint(0, 3, 30)]
    text_pred = np.where(rng.rand(30) < 0.5, text_true, words[rng.randint(0, 3, 30)])
    eights_true = np.array([0] * 8 + [1] * 8)
    eights_pred = np.array([0] * 7 + [1] + [1] * 1 + [0] * 7)
    return [
        label_case("binary", binary_true, binary_pred, positive=1),
        label_case("binary-weighted", binary_true, binary_pred, weights=rng.rand(40) * 3, positive=0),
        label_case("multiclass", multi_true, multi_pred),
        label_case("multiclass-weighted", multi_true, multi_pred, weights=rng.randint(1, 4, 60).astype(float)),
        label_case("multiclass-labels", multi_true, multi_pred, labels=[4, 0, 2]),
        label_case("imbalanced", skewed_true, skewed_pred, positive=1),
        label_case("text", text_true, text_pred),
        label_case("eighths", eights_true, eights_pred, positive=1),
    ]


def binary_score_case(name, y_true, y_score, positive, weights=None):
    case = {"name": name, "y_true": plain(y_true), "y_score": floats(y_score), "positive": plain([positive])[0]}
    common = dict(sample_weight=weights)
    if weights is not None:
        case["weights"] = floats(weights)
    for drop in (True, False):
        fpr, tpr, thresholds = metrics.roc_curve(y_true, y_score, pos_label=positive, drop_intermediate=drop, **common)
        key = "roc" if drop else "roc_all"
        case[key] = {"fpr": floats(fpr), "tpr": floats(tpr), "thresholds": floats(thresholds)}
    precision, recall, thresholds = metrics.precision_recall_curve(y_true, y_score, pos_label=positive, **common)
    case["pr"] = {"precision": floats(precision), "recall": floats(recall), "thresholds": floats(thresholds)}
    truth = (np.asarray(y_true) == positive).astype(int)
    case["roc_auc"] = float(metrics.roc_auc_score(truth, y_score, **common))
    case["average_precision"] = float(metrics.average_precision_score(y_true, y_score, pos_label=positive, **common))
    probability = np.clip(y_score, 0, 1)
    case["probability"] = floats(probability)
    case["brier"] = float(metrics.brier_score_loss(y_true, probability, pos_label=positive, **common))
    for strategy, bins in (("uniform", 5), ("quantile", 4)):
        fraction, mean = calibration_curve(y_true, probability, pos_label=positive, n_bins=bins, strategy=strategy)
        case[f"calibration_{strategy}_{bins}"] = {"fraction": floats(fraction), "mean": floats(mean)}
    return case


def multiclass_score_case(name, y_true, probabilities, labels=None, weights=None):
    case = {"name": name, "y_true": plain(y_true), "probabilities": matrix(probabilities)}
    common = dict(sample_weight=weights)
    if weights is not None:
        case["weights"] = floats(weights)
    if labels is not None:
        case["labels"] = plain(labels)
    case["log_loss"] = float(metrics.log_loss(y_true, probabilities, labels=labels, **common))
    for k in (1, 2):
        case[f"top_{k}"] = float(metrics.top_k_accuracy_score(y_true, probabilities, k=k, labels=labels, **common))
    if labels is None:
        for average in ("macro", "weighted"):
            case[f"roc_auc_ovr_{average}"] = float(
                metrics.roc_auc_score(y_true, probabilities, multi_class="ovr", average=average, **common))
        case["roc_auc_ovr_none"] = floats(
            metrics.roc_auc_score(y_true, probabilities, multi_class="ovr", average=None, **common))
        if weights is None:
            case["roc_auc_ovo_macro"] = float(metrics.roc_auc_score(y_true, probabilities, multi_class="ovo"))
    return case


def score_cases():
    y = rng.randint(0, 2, 50)
    score = np.round(np.clip(0.35 * y + rng.rand(50) * 0.65, 0, 1), 1)  # rounded: many ties
    smooth = 0.3 * y + rng.rand(50) * 0.7
    text = np.where(y == 1, "spam", "ham")
    decision = (smooth - 0.5) * 6  # beyond [0, 1], as a decision function
    cases = [
        binary_score_case("ties", y, score, 1),
        binary_score_case("smooth", y, smooth, 1),
        binary_score_case("weighted-ties", y, score, 1, weights=np.where(rng.rand(50) < 0.1, 0, rng.rand(50) * 2)),
        binary_score_case("text-negative-positive", text, 1 - smooth, "ham"),
        binary_score_case("decision", y, decision, 1),
    ]
    raw = rng.rand(45, 3)
    raw[::5] = [0.2, 0.4, 0.4]  # tied top scores
    probabilities = raw / raw.sum(axis=1, keepdims=True)
    y3 = rng.randint(0, 3, 45)
    four = rng.dirichlet([1, 1, 1, 1], 30)
    multiclass = [
        multiclass_score_case("three-classes", y3, probabilities),
        multiclass_score_case("three-classes-weighted", y3, probabilities, weights=rng.rand(45) + 0.5),
        multiclass_score_case("four-labels-three-seen", np.array([0, 1, 3] * 10), four, labels=[0, 1, 2, 3]),
        multiclass_score_case("extreme", np.array([0, 1, 2, 1]), np.array(
            [[1.0, 0.0, 0.0], [0.0, 0.0, 1.0], [0.2, 0.3, 0.5], [0.5, 0.5, 0.0]])),
    ]
    return {"binary": cases, "multiclass": multiclass}


def regression_case(name, y_true, y_pred, weights=None):
    case = {"name": name, "y_true": floats(y_true), "y_pred": floats(y_pred)}
    common = dict(sample_weight=weights)
    if weights is not None:
        case["weights"] = floats(weights)
    case["mse"] = float(metrics.mean_squared_error(y_true, y_pred, **common))
    case["rmse"] = float(metrics.mean_squared_error(y_true, y_pred, squared=False, **common))
    case["mae"] = float(metrics.mean_absolute_error(y_true, y_pred, **common))
    case["mape"] = float(metrics.mean_absolute_percentage_error(y_true, y_pred, **common))
    case["median_ae"] = float(metrics.median_absolute_error(y_true, y_pred, **common))
    case["r2"] = float(metrics.r2_score(y_true, y_pred, **common))
    case["explained_variance"] = float(metrics.explained_variance_score(y_true, y_pred, **common))
    if weights is None:
        case["max_error"] = float(metrics.max_error(y_true, y_pred))
    return case


def regression_cases():
    y = rng.randn(41) * 10 + 3
    y[5] = 0.0  # MAPE's guard against dividing by zero
    p = y + rng.randn(41) * 3
    biased = y * 0.8 + 2
    return [
        regression_case("noisy", y, p),
        regression_case("noisy-weighted", y, p, weights=rng.rand(41) * 2),
        regression_case("biased", y, biased),
        regression_case("even-count", y[:40], p[:40]),
        regression_case("constant-target", np.full(6, 2.5), np.array([2.5, 2.5, 2.4, 2.6, 2.5, 2.5])),
        regression_case("constant-perfect", np.full(4, 1.0), np.full(4, 1.0)),
    ]


def clustering_cases():
    centres = np.array([[0, 0], [5, 1], [1, 6]])
    labels = rng.randint(0, 3, 60)
    points = centres[labels] + rng.randn(60, 2)
    assigned = np.where(rng.rand(60) < 0.8, labels, rng.randint(0, 4, 60))
    points_case = {
        "name": "three-blobs", "points": matrix(points), "labels": plain(assigned),
        "davies_bouldin": float(metrics.davies_bouldin_score(points, assigned)),
        "calinski_harabasz": float(metrics.calinski_harabasz_score(points, assigned)),
        "silhouette": float(metrics.silhouette_score(points, assigned)),
    }

    def agreement(name, first, second):
        h, c, v = metrics.homogeneity_completeness_v_measure(first, second)
        return {
            "name": name, "labels_true": plain(first), "labels_pred": plain(second),
            "adjusted_rand": float(metrics.adjusted_rand_score(first, second)),
            "mutual_info": float(metrics.mutual_info_score(first, second)),
            "adjusted_mutual_info": float(metrics.adjusted_mutual_info_score(first, second)),
            "normalized_mutual_info": float(metrics.normalized_mutual_info_score(first, second)),
            "homogeneity": float(h), "completeness": float(c), "v_measure": float(v),
            "v_measure_beta2": float(metrics.v_measure_score(first, second, beta=2.0)),
        }

    return {
        "points": [points_case],
        "agreement": [
            agreement("noisy", labels, assigned),
            agreement("renamed", labels, (labels + 1) * 10),
            agreement("split", np.array([0] * 6 + [1] * 6), np.array([0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3])),
            agreement("one-cluster", np.array([0, 0, 1, 1, 2, 2]), np.zeros(6, dtype=int)),
            agreement("independent", rng.randint(0, 5, 200), rng.randint(0, 4, 200)),
        ],
    }


def main():
    expected = {
        "sklearn": sklearn.__version__,
        "labels": label_cases(),
        "scores": score_cases(),
        "regression": regression_cases(),
        "clustering": clustering_cases(),
    }
    with open(OUT, "w") as out:
        json.dump(expected, out, indent=None, separators=(",", ":"))
        out.write("\n")
    print(f"wrote {OUT} ({os.path.getsize(OUT)} bytes) with scikit-learn {sklearn.__version__}")


if __name__ == "__main__":
    main()

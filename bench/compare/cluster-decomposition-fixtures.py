#!/usr/bin/python3
"""Regenerates the cluster-* and decomposition-* fixtures that Kiln.Learn.Tests compare against.

Run with Debian's scikit-learn (python3-sklearn, 1.2): /usr/bin/python3 bench/compare/cluster-decomposition-fixtures.py
It writes small CSV inputs and the numbers scikit-learn gives on them as JSON, into fixtures/ beside this script.
"""
import json
import math
import os

import numpy as np
import sklearn
from sklearn.cluster import DBSCAN, KMeans, MiniBatchKMeans
from sklearn.datasets import load_iris, load_wine, make_moons
from sklearn.decomposition import PCA, TruncatedSVD
from sklearn.metrics import silhouette_score

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "fixtures")


def write_csv(name, x, columns):
    with open(os.path.join(OUT, name), "w") as f:
        f.write(",".join(columns) + "\n")
        for row in x:
            f.write(",".join(repr(float(v)) for v in row) + "\n")


def write_json(name, value):
    with open(os.path.join(OUT, name), "w") as f:
        json.dump(value, f, indent=1)
        f.write("\n")


def wide_matrix(rows, columns):
    """A rank-10 matrix from a formula, so the C# tests build the same values without a large CSV."""
    x = np.empty((rows, columns))
    for i in range(rows):
        for j in range(columns):
            x[i, j] = sum(math.sin(r * (i + 1) * 0.37 + j * 0.11 * r) / r for r in range(1, 6))
    return x


def pca_numbers(pca):
    return {
        "n_components": int(pca.n_components_),
        "explained_variance": pca.explained_variance_.tolist(),
        "explained_variance_ratio": pca.explained_variance_ratio_.tolist(),
        "singular_values": pca.singular_values_.tolist(),
        "components": pca.components_.tolist(),
    }


iris = load_iris()
wine = load_wine()
# names without spaces or parentheses, so the CSV headers are plain column names
iris_columns = ["sepal_length", "sepal_width", "petal_length", "petal_width"]
write_csv("cluster-iris.csv", iris.data, iris_columns)
write_csv("cluster-wine.csv", wine.data, wine.feature_names)

kmeans = {}
for name, x in [("iris", iris.data), ("wine", wine.data)]:
    model = KMeans(n_clusters=3, n_init=10, random_state=0).fit(x)
    kmeans[name] = {
        "n_clusters": 3,
        "inertia": float(model.inertia_),
        "labels": model.labels_.tolist(),
        "silhouette": float(silhouette_score(x, model.labels_)),
    }
kmeans["iris_elbow"] = {
    str(k): float(KMeans(n_clusters=k, n_init=10, random_state=0).fit(iris.data).inertia_) for k in range(1, 7)
}
# mini-batches depend on the random draws, so record several seeds and compare the typical result
minis = [MiniBatchKMeans(n_clusters=3, n_init=3, batch_size=30, random_state=seed).fit(iris.data) for seed in range(5)]
kmeans["iris_mini_batch"] = {"batch_size": 30, "inertias": [float(m.inertia_) for m in minis]}

moons, _ = make_moons(n_samples=80, noise=0.08, random_state=0)
noise = np.random.default_rng(0).uniform(-1.5, 2.5, size=(8, 2))
points = np.vstack([moons, noise])
write_csv("cluster-moons.csv", points, ["x", "y"])
dbscan = DBSCAN(eps=0.25, min_samples=5).fit(points)
kmeans["moons_dbscan"] = {
    "eps": 0.25,
    "min_samples": 5,
    "labels": dbscan.labels_.tolist(),
    "core_sample_indices": dbscan.core_sample_indices_.tolist(),
}
kmeans["sklearn_version"] = sklearn.__version__
write_json("cluster-expected.json", kmeans)

decomposition = {"sklearn_version": sklearn.__version__}
decomposition["iris_full"] = pca_numbers(PCA().fit(iris.data))
decomposition["wine_fraction"] = pca_numbers(PCA(n_components=0.999).fit(wine.data))
whitened = PCA(n_components=2, whiten=True).fit(iris.data)
decomposition["iris_whiten"] = pca_numbers(whitened) | {"transform_first_rows": whitened.transform(iris.data[:5]).tolist()}
wide = wide_matrix(40, 600)
decomposition["wide_randomized"] = pca_numbers(PCA(n_components=5, svd_solver="randomized", random_state=0).fit(wide))
svd = TruncatedSVD(n_components=2, random_state=0).fit(iris.data)
decomposition["iris_truncated_svd"] = {
    "explained_variance": svd.explained_variance_.tolist(),
    "explained_variance_ratio": svd.explained_variance_ratio_.tolist(),
    "singular_values": svd.singular_values_.tolist(),
    "components": svd.components_.tolist(),
}
write_json("decomposition-expected.json", decomposition)

#!/usr/bin/python3
"""Writes drift-statistics.json: samples and contingency tables with the answers of scipy.stats, so the C# tests can
check Kiln's statistics against scipy's. Run with Debian's python3 (python3-scipy): /usr/bin/python3 make_fixtures.py"""
import json
import numpy as np
import scipy
from scipy import stats

rng = np.random.default_rng(20261124)
ks_cases = []
for name, first, second in [
    ("same normal", rng.normal(0, 1, 800), rng.normal(0, 1, 600)),
    ("shifted normal", rng.normal(0, 1, 1000), rng.normal(0.3, 1, 700)),
    ("wider spread", rng.normal(0, 1, 500), rng.normal(0, 1.5, 1500)),
    ("rounded values with ties", np.round(rng.normal(5, 2, 900)), np.round(rng.normal(5.4, 2, 1200))),
    ("exponential against uniform", rng.exponential(1, 2000), rng.uniform(0, 2, 2000)),
    ("equal sizes", rng.normal(0, 1, 300), rng.normal(0.2, 1, 300)),
    ("small samples", rng.normal(0, 1, 40), rng.normal(0.5, 1, 25)),
    ("a large live sample", rng.normal(0, 1, 2000), rng.normal(0.05, 1, 12000)),
]:
    # four decimals keep the file small; scipy is given the same rounded values
    first, second = np.round(first, 4), np.round(second, 4)
    d = stats.ks_2samp(first, second)
    en = len(first) * len(second) / (len(first) + len(second))
    ks_cases.append({
        "name": name,
        "first": [float(v) for v in first],
        "second": [float(v) for v in second],
        "statistic": float(d.statistic),
        # ks_2samp's default: exact up to 10,000 values a side, its asymptotic distribution above
        "pValue": float(d.pvalue),
        "exact": max(len(first), len(second)) <= 10000,
        # Kolmogorov's limiting distribution at sqrt(en)*D, which Kiln uses above 10,000 values
        "pValueLimiting": float(stats.kstwobign.sf(np.sqrt(en) * d.statistic)),
    })

chi_cases = []
for name, table in [
    ("three categories alike", [[120, 80, 40], [60, 41, 19]]),
    ("four categories shifted", [[300, 200, 100, 50], [80, 90, 70, 60]]),
    ("two categories, Yates-corrected", [[70, 30], [50, 50]]),
    ("a category unseen in training", [[500, 300, 0], [40, 30, 25]]),
    ("five categories, many rows", [[1000, 800, 600, 400, 200], [210, 160, 125, 70, 35]]),
]:
    arr = np.array(table)
    kept = arr[:, arr.sum(axis=0) > 0]
    chi2, p, dof, _ = stats.chi2_contingency(kept)
    chi_cases.append({"name": name, "table": table, "statistic": float(chi2), "pValue": float(p), "degreesOfFreedom": int(dof)})

with open("drift-statistics.json", "w") as out:
    json.dump({"scipy": scipy.__version__, "kolmogorovSmirnov": ks_cases, "chiSquare": chi_cases}, out, separators=(",", ":"))

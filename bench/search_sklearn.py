"""scikit-learn's side of bench/search-vs-sklearn.sh: GridSearchCV(n_jobs=-1) over the 20 random-forest candidates of
GRID with 5 stratified folds, accuracy, and the refit of the best, as Kiln.Bench's SearchBenchmark runs it. Prints
"search.wall" and "search.cpu" seconds (user + system of this process and of the worker processes, which are shut
down and reaped before the count is read), "search.cpu_use" (cpu / wall) and "search.best_score". Reading is not timed."""
import resource
import sys
import time

import pandas as pd
from joblib.externals.loky import get_reusable_executor
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import GridSearchCV

GRID = {"max_depth": [4, 8, 12, 16, None], "max_features": ["sqrt", 0.5], "min_samples_leaf": [1, 4]}

path = sys.argv[1]
trees = int(sys.argv[2]) if len(sys.argv) > 2 else 50
frame = pd.read_csv(path)
x = frame[[f"f{i}" for i in range(20)]].to_numpy()
y = frame["class"].to_numpy()
del frame


def cpu_seconds():
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


cpu = cpu_seconds()
start = time.perf_counter()
search = GridSearchCV(RandomForestClassifier(n_estimators=trees, random_state=0), GRID, cv=5, scoring="accuracy", n_jobs=-1)
search.fit(x, y)
wall = time.perf_counter() - start
get_reusable_executor().shutdown(wait=True)
cpu = cpu_seconds() - cpu
print(f"search.wall {wall:.4f}")
print(f"search.cpu {cpu:.4f}")
print(f"search.cpu_use {cpu / wall:.4f}")
print(f"search.best_score {search.best_score_:.4f}")
print(f"search.candidates {len(search.cv_results_['params'])}")
best = {k: ("none" if v is None else v) for k, v in search.best_params_.items()}
print("best parameters: " + ", ".join(f"{k.replace('_', '-')}={v}" for k, v in sorted(best.items())), file=sys.stderr)

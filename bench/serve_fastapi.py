"""The FastAPI side of bench/serve-vs-fastapi.sh: a scikit-learn random forest (100 trees, as Kiln's) trained on the
same CSV, answering one JSON row (or a list of them) at POST /predict with the class, its confidence and every
class's probability — the same answer Kiln gives. Run under uvicorn: the app module reads BENCH_CSV."""
import os

import numpy as np
import pandas as pd
from fastapi import FastAPI
from pydantic import BaseModel
from sklearn.ensemble import RandomForestClassifier

FEATURES = [f"f{i}" for i in range(10)]

frame = pd.read_csv(os.environ["BENCH_CSV"])
forest = RandomForestClassifier(n_estimators=100, random_state=0).fit(frame[FEATURES].to_numpy(), frame["class"].to_numpy())
classes = [str(c) for c in forest.classes_]


class Row(BaseModel):
    f0: float
    f1: float
    f2: float
    f3: float
    f4: float
    f5: float
    f6: float
    f7: float
    f8: float
    f9: float


app = FastAPI()


@app.post("/predict")
def predict(row: Row):
    x = np.array([[getattr(row, name) for name in FEATURES]])
    probabilities = forest.predict_proba(x)[0]
    best = int(np.argmax(probabilities))
    return {
        "model": "forest",
        "predictions": [{
            "prediction": classes[best],
            "confidence": float(probabilities[best]),
            "probabilities": {c: float(p) for c, p in zip(classes, probabilities)},
        }],
    }


@app.get("/health")
def health():
    return {"status": "ok"}

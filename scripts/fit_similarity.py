"""Fit the logistic model that combines the clusterer's scorers, and choose its threshold, on
../shared/dedup/wmt21-de-en.jsonl only (cs-en is kept to confirm: ``--confirm`` scores it once
with the fitted model).

Training pairs: for every third sentence, up to three other translations of it (positives) and
the six nearest sentences by WordLlama's cosine that translate another sentence (hard
negatives). The model is an L2-regularised logistic regression (C = 10), fitted by Newton's
method. The threshold is the one, on a grid of 0.05, that gives the highest recall over the pairs
of the two human translations with pairwise precision >= 0.97. Prints the weights to paste into
quotes/statements.py, and the grid.

    scripts/fit_similarity [--semantic] [--confirm]
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DEDUP = ROOT.parent / "shared" / "dedup"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT.parent / "shared" / "eval"))

from quotes import semantic, statements  # noqa: E402
from quotes.statements import Clusterer, Variant, scorers  # noqa: E402

C = 10.0
MIN_PRECISION = 0.97
POSITIVES, NEGATIVES, NEAREST = 3, 6, 60


def load(lang: str) -> list[dict]:
    path = DEDUP / f"wmt21-{lang}-en.jsonl"
    if not path.exists():
        sys.exit(f"{path} is missing: the fit needs ../shared")
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def training_pairs(rows: list[dict], embedder: semantic.Embedder, with_cosine: bool) -> tuple[np.ndarray, np.ndarray]:
    variants = [Variant.of(r["id"], r["text"]) for r in rows]
    vectors = embedder.embed([r["text"] for r in rows])
    for v, x in zip(variants, vectors):
        v.vector = x
    cluster = [r["cluster"] for r in rows]
    rng = random.Random(0)
    cosines = vectors @ vectors.T
    X, y = [], []
    for i in range(0, len(variants), 3):
        same = [j for j in range(len(variants)) if cluster[j] == cluster[i] and j != i]
        for j in rng.sample(same, min(POSITIVES, len(same))):
            X.append(scorers(variants[i], variants[j], with_cosine))
            y.append(1.0)
        nearest = [j for j in np.argsort(-cosines[i])[:NEAREST] if cluster[j] != cluster[i]][:NEGATIVES]
        for j in nearest:
            X.append(scorers(variants[i], variants[j], with_cosine))
            y.append(0.0)
    return np.array(X), np.array(y)


def fit(X: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Weights (intercept first) minimising the log loss plus ||w||^2 / (2C), by Newton's method."""
    A = np.hstack([np.ones((len(X), 1)), X])
    w = np.zeros(A.shape[1])
    penalty = np.eye(A.shape[1]) / C
    penalty[0, 0] = 0.0  # the intercept is not regularised
    for _ in range(100):
        p = 1 / (1 + np.exp(-A @ w))
        gradient = A.T @ (p - y) + penalty @ w
        hessian = (A * (p * (1 - p))[:, None]).T @ A + penalty
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-9:
            break
    return w


def evaluate(rows: list[dict], threshold: float, embedder: semantic.Embedder | None) -> dict:
    from score_clusters import score

    placed = Clusterer(threshold, embedder).add([(r["id"], r["text"], None) for r in rows])
    return score(rows, [{"id": r["id"], "cluster_id": placed[r["id"]].statement} for r in rows])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--semantic", action="store_true", help="fit the model with the cosine (WordLlama)")
    parser.add_argument("--confirm", action="store_true", help="then score wmt21-cs-en once with the fitted model")
    args = parser.parse_args()
    try:
        embedder = semantic.Embedder()  # the hard negatives are the nearest by cosine in both models
    except semantic.SemanticUnavailable as e:
        sys.exit(f"fit_similarity: {e}")
    de = load("de")
    X, y = training_pairs(de, embedder, args.semantic)
    w = [round(float(x), 2) for x in fit(X, y)]
    name = "SEMANTIC_WEIGHTS" if args.semantic else "LEXICAL_WEIGHTS"
    print(f"{len(y)} pairs ({int(y.sum())} positive); {name} = {tuple(w)}")
    setattr(statements, name, tuple(w))  # the grid below runs with the fitted weights
    scored = embedder if args.semantic else None
    best = None
    print("threshold  precision  recall  human-pair recall  (wmt21-de-en)")
    for k in range(1, 20):
        t = round(0.05 * k, 2)
        r = evaluate(de, t, scored)
        p, rec, h = r["pairwise"]["precision"], r["pairwise"]["recall"], r["human_pair_recall"]
        print(f"{t:9.2f}  {p:9.3f}  {rec:6.3f}  {h:17.3f}")
        if p >= MIN_PRECISION and (best is None or h > best[1]):
            best = (t, h)
    if best is None:
        sys.exit(f"no threshold gives precision >= {MIN_PRECISION}")
    print(f"chosen threshold: {best[0]}")
    if args.confirm:
        r = evaluate(load("cs"), best[0], scored)
        print(f"wmt21-cs-en at {best[0]}: precision {r['pairwise']['precision']:.3f}, recall "
              f"{r['pairwise']['recall']:.3f}, human-pair recall {r['human_pair_recall']:.3f}")


if __name__ == "__main__":
    main()

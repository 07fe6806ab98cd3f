"""The optional semantic scorer for statements: WordLlama's static sentence embeddings.

Translations that share few words ("Police is still investigating the man" / "The police
continue in their investigation of the man") still land close together. WordLlama ships its
weights (16 MB) and tokenizer inside the package, so nothing is downloaded at run time; it is an
extra (``pip install quotes[semantic]``) and the lexical path stays the default.
"""
from __future__ import annotations

from pathlib import Path
from typing import Sequence

import numpy as np

SIMILARITY = 0.25  # the probability a wording needs to join, chosen on wmt21-de-en like the lexical one
NEIGHBOURS = 10  # statements whose leaders are nearest a quote are candidates too


class SemanticUnavailable(Exception):
    """WordLlama is not installed or its bundled files are missing."""


class Embedder:
    """Unit-length sentence vectors from WordLlama's bundled model, loaded without the network."""

    def __init__(self) -> None:
        try:
            import wordllama
            from wordllama import WordLlama
        except ImportError:
            raise SemanticUnavailable("the semantic scorer needs WordLlama: pip install 'quotes[semantic]'") from None
        package = Path(wordllama.__file__).parent  # holds weights/ and tokenizers/
        try:
            self.model = WordLlama.load(cache_dir=package, disable_download=True)
        except FileNotFoundError as e:
            raise SemanticUnavailable(f"WordLlama's bundled model is missing: {e}") from None

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        return np.asarray(self.model.embed(list(texts), norm=True), dtype=np.float32)


class NearestLeaders:
    """The vectors of statement leaders, in statement order, searched by cosine."""

    def __init__(self) -> None:
        self.matrix = np.zeros((0, 0), dtype=np.float32)
        self.count = 0

    def add(self, vector: np.ndarray) -> None:
        if self.count == len(self.matrix):
            grown = np.zeros((max(1024, 2 * self.count), len(vector)), dtype=np.float32)
            if self.count:
                grown[:self.count] = self.matrix[:self.count]
            self.matrix = grown
        self.matrix[self.count] = vector
        self.count += 1

    def nearest(self, vector: np.ndarray, k: int = NEIGHBOURS) -> list[int]:
        """The statements (by index) whose leaders are the ``k`` nearest to ``vector``."""
        if not self.count:
            return []
        scores = self.matrix[:self.count] @ vector
        if self.count <= k:
            return list(range(self.count))
        return np.argpartition(-scores, k)[:k].tolist()

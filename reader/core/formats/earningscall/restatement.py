"""Restatement: whether one paragraph says again what others said (an interpretation of them).

Paragraphs are compared as tf-idf vectors of crudely stemmed content words and numbers."""

from __future__ import annotations

import functools
import math
import re
from collections import Counter

from reader.core.formats.earningscall import patterns as pat
from reader.core.formats.earningscall.units import Unit

TOKEN = re.compile(r"[a-z]{4,30}|\d{1,12}(?:\.\d{1,6})?")
STOP = frozenset([
    "about", "above", "after", "again", "against", "also", "although", "among", "another",
    "because", "been", "before", "being", "below", "between", "both", "could", "does", "doing",
    "down", "during", "each", "either", "even", "every", "from", "further", "had", "have",
    "having", "here", "into", "itself", "just", "last", "least", "less", "like", "made",
    "make", "many", "maybe", "more", "most", "much", "must", "next", "only", "other", "ours",
    "over", "same", "several", "should", "since", "some", "such", "than", "that", "their",
    "them", "then", "there", "these", "they", "this", "those", "though", "through", "thus",
    "under", "until", "very", "want", "well", "were", "what", "when", "where", "which",
    "while", "will", "with", "within", "without", "would", "year", "years", "your", "quarter",
    "quarters", "first", "second", "third", "fourth", "okay", "yeah", "think", "know", "going",
    "really", "still", "already", "basically", "actually", "said", "says", "wants", "thing",
    "things", "lot", "lots", "kind", "sort",
])
MIN_TOKENS = 10
TOKEN_WINDOW = 20_000  # enough words to tell a restatement; bounds the work on huge lines
MIN_CHARS = 50  # below this a paragraph cannot hold MIN_TOKENS content words
RESTATE = 0.2
LENGTH_RATIO = 3.0


class Restatement:
    """The paragraphs of one call, indexed for comparing them; scores are remembered."""

    def __init__(self, units: list[Unit]) -> None:
        """Document frequencies, so that words every paragraph uses weigh nothing.

        Paragraphs too short to be compared are left out; their vectors are made on demand.
        """
        self.units = units
        self.bags: dict[int, Counter[str]] = {}  # by unit index
        self._df: Counter[str] = Counter()
        self._vectors: dict[int, dict[str, float]] = {}
        self._merges: dict[tuple[int, ...], tuple[dict[str, float], float]] = {}
        self._scores: dict[tuple[tuple[int, ...], tuple[int, ...]], float] = {}
        for i, unit in enumerate(units):
            if len(unit.text) < MIN_CHARS:
                continue
            counts = bag(unit.text[:TOKEN_WINDOW])
            self.bags[i] = counts
            self._df.update(counts.keys())
        # A word's weight depends only on how many paragraphs use it: one logarithm for each
        # such count, not one for each word of each paragraph compared.
        n = len(self.units)
        top = max(self._df.values(), default=0)
        self._idf: list[float] = [math.log((n + 1) / (k + 1)) for k in range(top + 1)]

    def vector(self, i: int) -> dict[str, float]:
        vec = self._vectors.get(i)
        if vec is None:
            bag = self.bags.get(i) or Counter()
            df, idf = self._df, self._idf
            tf = [0.0] + [1 + math.log(c) for c in range(1, max(bag.values(), default=0) + 1)]
            vec = {w: tf[c] * idf[df[w]] for w, c in bag.items()}
            self._vectors[i] = vec
        return vec

    def similarity(self, a: list[int], b: list[int]) -> float:
        """Cosine similarity of what units `a` and units `b` say; 0 where they are too short
        or too different in length to be compared. Remembered: blocks ask again."""
        key = (tuple(a), tuple(b))
        score = self._scores.get(key)
        if score is None:
            score = self._scores[key] = self._score(a, b)
        return score

    def _score(self, a: list[int], b: list[int]) -> float:
        if not any(i in self.bags for i in a) or not any(i in self.bags for i in b):
            return 0.0
        la = sum(len(self.units[i].text) for i in a)
        lb = sum(len(self.units[i].text) for i in b)
        if max(la, lb) > LENGTH_RATIO * min(la, lb):
            return 0.0
        (va, na), (vb, nb) = self._merged(a), self._merged(b)
        if len(va) < MIN_TOKENS or len(vb) < MIN_TOKENS:
            return 0.0
        dot = sum(v * vb.get(w, 0.0) for w, v in va.items())
        return dot / (na * nb) if na and nb else 0.0

    def _merged(self, idx: list[int]) -> tuple[dict[str, float], float]:
        """The summed vector of units `idx`, and its norm."""
        key = tuple(idx)
        got = self._merges.get(key)
        if got is None:
            if len(idx) == 1:
                out = self.vector(idx[0])
            else:
                out = {}
                for i in idx:
                    for w, v in self.vector(i).items():
                        out[w] = out.get(w, 0.0) + v
            got = self._merges[key] = (out, math.sqrt(sum(v * v for v in out.values())))
        return got

    def restates(self, u: int, ref: list[int], block: list[int]) -> bool:
        """Whether unit `u` says again what the units `ref` said, and more so than it
        resembles anything else said just before them."""
        score = self.similarity([u], ref)
        if score < RESTATE:
            return False
        if pat.THANKS_NAME.search(self.units[u].text[:80]):
            return False  # a new speaker thanking the last, not an interpreter
        first = max(0, ref[0] - block[0])  # blocks are runs of consecutive units
        for other in block[max(0, first - 2):first]:
            if self.similarity([u], [other]) >= score:
                return False
        return True


def bag(text: str) -> Counter[str]:
    """Content words, crudely stemmed, and numbers ("#2.3"), counted, for comparing paragraphs.

    Counted in the order they first occur, which fixes the order of the sums in _similarity.
    """
    words = TOKEN.findall(text.lower().replace(",", ""))
    return Counter(filter(None, map(stem, words)))


@functools.lru_cache(maxsize=65536)  # a call repeats its words; stemming each once pays
def stem(word: str) -> str:
    if word[0].isdigit():
        return "#" + word
    if word in STOP:
        return ""
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word

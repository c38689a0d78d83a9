"""Simplified/Traditional script conversion (OpenCC) as a view mapped back to source offsets.

Only runs of Han characters go through OpenCC; everything else passes through unchanged, one
char for one char. A run whose conversion keeps its length maps char to char. When a run
changes length (s2twp turns 用户 into 使用者), it is cut at the positions where converting
the two sides separately gives the same result as converting them together; each piece then
maps as a unit onto the source piece that produced it, so phrase boundaries map exactly.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from itertools import pairwise
from typing import Protocol

from reader.core.offsetmap import MappedText

CONFIGS = ("none", "t2s", "s2t", "s2twp", "s2hk")

_HAN = "\u3005-\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_SEP = "\n"  # never inside a Han run, left alone by OpenCC, and no phrase spans it
_WINDOW = 8  # context each side when testing a cut in a long run; most phrases are shorter

Piece = tuple[int, str, bool]  # (source length, derived text, maps as a unit)


class _OpenCC(Protocol):
    def convert(self, text: str) -> str: ...


class ScriptConverter:
    """One conversion configuration; OpenCC and its dictionaries load on first use."""

    def __init__(self, config: str) -> None:
        if config not in CONFIGS:
            raise ValueError(f"unknown conversion {config!r}; expected one of {CONFIGS}")
        self.config = config
        self._cc: _OpenCC | None = None

    def _opencc(self) -> _OpenCC:
        if self._cc is None:
            import opencc  # imported here: loading the dictionaries slows start-up

            self._cc = opencc.OpenCC(self.config)
        return self._cc

    def _batch(self, parts: list[str]) -> list[str]:
        """Convert many strings in one OpenCC call; per-string calls cost far more."""
        if not parts:
            return []
        cc = self._opencc()
        out = str(cc.convert(_SEP.join(parts))).split(_SEP)
        if len(out) != len(parts):  # defensive: fall back if a separator was touched
            out = [str(cc.convert(p)) for p in parts]
        return out

    def _runs(self, text: str) -> Iterator[tuple[int, int, str, str]]:
        """(start, end, run, converted run) for each Han run of `text`."""
        spans = [m.span() for m in _han_run().finditer(text)]
        runs = [text[s:e] for s, e in spans]
        for (s, e), run, conv in zip(spans, runs, self._batch(runs), strict=True):
            yield s, e, run, conv

    def convert_text(self, text: str) -> str:
        """The converted text alone, without building an offset map."""
        if self.config == "none":
            return text
        out: list[str] = []
        pos = 0
        for s, e, _run, conv in self._runs(text):
            out.append(text[pos:s])
            out.append(conv)
            pos = e
        out.append(text[pos:])
        return "".join(out)

    def convert(self, text: str) -> MappedText:
        """The converted text with its map back to `text`."""
        if self.config == "none":
            return MappedText.identity(text)
        runs = list(self._runs(text))
        changed = [(run, conv) for _, _, run, conv in runs if len(run) != len(conv)]
        phrases = iter(self._phrases(changed))
        pieces: list[Piece] = []
        pos = 0
        for s, e, run, conv in runs:
            if pos < s:
                pieces.append((s - pos, text[pos:s], False))
            if len(conv) == len(run):
                pieces.append((len(run), conv, False))
            else:
                pieces.extend(next(phrases))
            pos = e
        if pos < len(text):
            pieces.append((len(text) - pos, text[pos:], False))
        return MappedText.from_pieces(pieces)

    def _phrases(self, runs: list[tuple[str, str]]) -> list[list[Piece]]:
        """Cut each (run, conversion) whose length changed into pieces that convert alone.

        A cut is kept where the text on each side, converted separately, gives the same as
        the two converted together. All runs are probed in one OpenCC call, and the pieces
        converted in one more; if the pieces do not add up to the run's conversion, the run
        stays one unit.
        """
        probes: list[str] = []
        for run, _ in runs:
            n = len(run)
            for i in range(1, n):
                if n <= 4 * _WINDOW:  # short run: test against the known whole conversion
                    probes += [run[:i], run[i:]]
                else:
                    a, b = max(0, i - _WINDOW), min(n, i + _WINDOW)
                    probes += [run[a:i], run[i:b], run[a:b]]
        done = iter(self._batch(probes))
        all_parts: list[list[str]] = []
        for run, conv in runs:
            n = len(run)
            cuts = [0]
            for i in range(1, n):
                left, right = next(done), next(done)
                whole = conv if n <= 4 * _WINDOW else next(done)
                if left + right == whole:
                    cuts.append(i)
            cuts.append(len(run))
            all_parts.append([run[a:b] for a, b in pairwise(cuts)])
        converted = iter(self._batch([p for parts in all_parts for p in parts]))
        out: list[list[Piece]] = []
        for (run, conv), parts in zip(runs, all_parts, strict=True):
            conv_parts = [next(converted) for _ in parts]
            if "".join(conv_parts) != conv:  # a cut changed the result: keep the run whole
                out.append([(len(run), conv, True)])
            else:
                out.append(
                    [(len(p), c, len(p) != len(c)) for p, c in zip(parts, conv_parts, strict=True)]
                )
        return out


@cache
def _han_run() -> re.Pattern[str]:
    """Compiled on first use: a window showing the source script never needs it, and its
    ranges take milliseconds to compile."""
    return re.compile(f"[{_HAN}]+")


@cache
def converter(config: str) -> ScriptConverter:
    """The shared converter for `config`, so each OpenCC configuration loads once."""
    return ScriptConverter(config)


def convert(text: str, config: str) -> MappedText:
    """Convert `text` with `config` ('none', 't2s', 's2t', 's2twp', 's2hk'), mapped."""
    return converter(config).convert(text)


def normalize_for_search(text: str) -> str:
    """Simplified form of `text`, for matching across scripts (length may change)."""
    return converter("t2s").convert_text(text)


def find_all(haystack: str, needle: str) -> list[tuple[int, int]]:
    """Source spans in `haystack` where `needle` occurs in either script (營收 finds 营收).

    Both sides are compared in simplified form; the plain needle is searched too, because a
    character alone can convert differently from the same character inside a phrase.
    """
    if not needle:
        return []
    hits: set[tuple[int, int]] = set(_spans(haystack, needle))
    simple = converter("t2s").convert(haystack)
    key = normalize_for_search(needle)
    for s, e in _spans(simple.text, key):
        hits.add((s, e) if simple.is_identity else simple.to_source_span(s, e))
    return sorted(hits)


def _spans(text: str, needle: str) -> Iterator[tuple[int, int]]:
    """Non-overlapping occurrences, as a find-next would step through them."""
    i = text.find(needle)
    while i >= 0:
        yield i, i + len(needle)
        i = text.find(needle, i + len(needle))

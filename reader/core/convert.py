"""Simplified/Traditional script conversion (OpenCC) as a view mapped back to source offsets.

Only runs of Han characters go through OpenCC; everything else passes through unchanged, one
char for one char. A run whose conversion keeps its length maps char to char. When a run
changes length (s2twp turns 用户 into 使用者), it is cut at the positions where converting
the two sides separately gives the same result as converting them together; each piece then
maps as a unit onto the source piece that produced it, so phrase boundaries map exactly.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Any, Protocol

from reader.core.offsetmap import MappedText

CONFIGS = ("none", "t2s", "s2t", "s2twp", "s2hk")

_HAN = "\u3005-\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_SEP = "\n"  # never inside a Han run, left alone by OpenCC, and no phrase spans it
_WINDOW = 8  # context each side when testing a cut in a long run; most phrases are shorter

Piece = tuple[int, str, bool]  # (source length, derived text, maps as a unit)


class _OpenCC(Protocol):
    def convert(self, text: str) -> str: ...


UNION_SOURCES = ("STPhrases.ocd2", "STPhrases_GeneratedFromRegionalPhrases.ocd2")
UNION_FILE = Path(__file__).with_name("dictionaries") / "STPhrasesUnion.ocd2"
UNION_MANIFEST = UNION_FILE.with_suffix(".json")


class ScriptConverter:
    """One conversion configuration; OpenCC and its dictionaries load on first use."""

    def __init__(self, config: str) -> None:
        if config not in CONFIGS:
            raise ValueError(f"unknown conversion {config!r}; expected one of {CONFIGS}")
        self.config = config
        self._cc: _OpenCC | None = None
        self.uses_union_file = False
        """Whether OpenCC runs on `lean_config` (the phrase tables loaded once) rather than
        on its own configuration file."""

    def _opencc(self) -> _OpenCC:
        if self._cc is None:
            import opencc  # imported here: loading the dictionaries slows start-up

            self._cc = self._lean_opencc(opencc.OpenCC)
            self.uses_union_file = self._cc is not None
            if self._cc is None:
                self._cc = opencc.OpenCC(self.config)
        return self._cc

    def _lean_opencc(self, make: Callable[[str], _OpenCC]) -> _OpenCC | None:
        """OpenCC on `lean_config`, or None where it does not apply or does not load."""
        config = lean_config(self.config)
        if config is None:
            return None
        import json
        import os
        import tempfile

        # OpenCC reads a configuration from a file only; it has loaded the dictionaries
        # the file names by the time the constructor returns.
        fd, name = tempfile.mkstemp(prefix="reader-opencc-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(config, out, ensure_ascii=False)
            return make(name)
        except Exception:  # an OpenCC that reads configurations otherwise: its own file
            return None
        finally:
            os.unlink(name)

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


def opencc_share_dir() -> Path:
    """Where the opencc package keeps its configurations and dictionaries (it reads them
    from there too, in the packaged app as well)."""
    import opencc

    return Path(opencc.__file__).resolve().parent / "clib" / "share" / "opencc"


@cache
def lean_config(config: str) -> dict[str, Any] | None:
    """OpenCC's own configuration for `config` with each union of the two phrase tables
    replaced by one merged file (packaging/opencc_union.py), so the tables load once.

    The Taiwan and Hong Kong configurations name that union twice (to segment and to
    convert) and OpenCC builds each in memory, 16 MB apiece. None where nothing would be
    saved, or where the installed tables are not the ones the merged file was made from.
    """
    import json  # with the first Taiwan or Hong Kong conversion only

    share = opencc_share_dir()
    if not _union_file_matches(share, UNION_MANIFEST):
        return None
    try:
        stock = json.loads((share / f"{config}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    replaced = 0

    def rewrite(node: Any) -> Any:
        nonlocal replaced
        if isinstance(node, list):
            return [rewrite(item) for item in node]
        if not isinstance(node, dict):
            return node
        if node.get("type") == "group" and node.get("match_policy") == "union" and tuple(
                d.get("file") for d in node.get("dicts", ())) == UNION_SOURCES:
            replaced += 1
            return {"type": "ocd2", "file": UNION_FILE.as_posix()}
        out = {key: rewrite(value) for key, value in node.items()}
        if isinstance(out.get("file"), str):  # found by OpenCC beside its own configuration
            out["file"] = (share / out["file"]).as_posix()
        return out

    lean = rewrite(stock)
    return lean if replaced > 1 else None


@cache
def _union_file_matches(share: Path, manifest_path: Path) -> bool:
    """Whether the installed phrase tables are the ones the merged file was built from
    (hashed once, whichever configurations use it)."""
    import hashlib
    import json

    try:
        built_from = json.loads(manifest_path.read_text(encoding="utf-8"))["built_from"]
        return all(hashlib.sha256((share / name).read_bytes()).hexdigest() == built_from[name]
                   for name in UNION_SOURCES)
    except (OSError, ValueError, KeyError, TypeError):
        return False


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

"""Text normalisation and tokens shared by the search index and search queries (pure, no I/O).

The full-text index (db/search_index.py, SQLite FTS5 with the unicode61 tokenizer) has two
text columns per indexed unit:

* `words`: the unit's text for English (and any Latin words or numbers in Chinese text).
  When the text holds no Han character this is the source text itself, so the index does
  not store a second copy of it; otherwise Han runs are replaced by spaces, so that `GMV增长`
  still yields the word `gmv`.
* `cjk`: the Han text folded to simplified script (OpenCC t2s), spaces that speech
  recognition puts between characters removed, written as space-separated grams: for each
  character its unigram, then the bigram it starts (`营收增长` -> `营 营收 收 收增 增 增长 长`).
  A one-character query is then one token, a two-character query one token, and a longer
  query is a phrase of consecutive grams (`收增长` -> "收增 增 增长"), which cannot match
  across punctuation because no bigram spans a run boundary. The trigram tokenizer alone
  could not match one or two characters.

A query is folded the same way. Chinese terms are looked up in simplified form, in the
Taiwan phrase form (s2twp then t2s, so 用户 finds 使用者) and in the mainland phrase form of a
Taiwan query (tw2sp, so 使用者 finds 用户). Hits are then found again in the source text of
each result, as source offsets, for the snippet and for selecting the passage.

English words are stemmed at query time, not in the index: the index keeps every word as
written (so a quoted phrase stays exact and `guid*` matches what starts with `guid`), and a
vocabulary table beside it maps each indexed word to its Snowball (Porter2) stem. A query word
becomes the OR of the indexed words sharing its stem (`cost` -> cost, costs, costing), and a
prefix also takes the words whose stem starts with the prefix's stem (`policy*` -> policies).
`index_terms` gives the vocabulary rows for new text; `expand_query` applies the forms found.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import Final, Protocol

from reader.core.convert import convert, converter

_HAN = "\u3005-\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_HAN_CHAR = re.compile(f"[{_HAN}]")
_GAP = "[ \t\u00a0\u3000]"
_HAN_RUN = re.compile(f"[{_HAN}](?:{_GAP}*[{_HAN}])*")
"""A run of Han characters, with the spaces speech recognition leaves between them."""
_GAPS = re.compile(f"{_GAP}+")
_INNER_GAP = re.compile(f"(?<=[{_HAN}]){_GAP}+(?=[{_HAN}])")
_HAN_ONLY = re.compile(f"[{_HAN}]+")
_WORD = re.compile(r"[^\W_]+")
"""A word as the unicode61 tokenizer sees one: letters and digits (underscore separates)."""
_QUERY_PART = re.compile(r'"([^"]*)"?|(\S+)')
_SNIPPET_WIDTH = 180
_LEAD_FRACTION = 6
"""The lead before the first hit is this fraction of the snippet's width."""


class _Converter(Protocol):
    def convert(self, text: str) -> str: ...


@cache
def _opencc(config: str) -> _Converter:
    """An OpenCC configuration that reader.core.convert does not offer (tw2sp)."""
    import opencc  # loaded on first Chinese query only

    cc: _Converter = opencc.OpenCC(config)
    return cc


def has_han(text: str) -> bool:
    return _HAN_CHAR.search(text) is not None


# --- index side ---------------------------------------------------------------------------------


def words_column(text: str) -> str | None:
    """What the `words` column indexes for `text`; None means the text itself."""
    if not has_han(text):
        return None
    return _HAN_ONLY.sub(" ", text)


def _grams(run: str) -> str:
    parts: list[str] = []
    for i, ch in enumerate(run):
        parts.append(ch)
        if i + 1 < len(run):
            parts.append(run[i:i + 2])
    return " ".join(parts)


def cjk_column(text: str) -> str | None:
    """The simplified unigram/bigram stream of `text`'s Han runs; None when it has none."""
    return cjk_columns([text])[0]


def cjk_columns(texts: Sequence[str]) -> list[str | None]:
    """`cjk_column` for many texts with one OpenCC call (per-call overhead dominates)."""
    runs_per_text = [[_GAPS.sub("", m.group()) for m in _HAN_RUN.finditer(t)] for t in texts]
    flat = [r for runs in runs_per_text for r in runs]
    if not flat:
        return [None] * len(texts)
    simplified = iter(converter("t2s").convert_text("\n".join(flat)).split("\n"))
    out: list[str | None] = []
    for runs in runs_per_text:
        if not runs:
            out.append(None)
            continue
        out.append(" ".join(_grams(next(simplified)) for _ in runs))
    return out


# --- stems --------------------------------------------------------------------------------------

_STEM_CACHE_MAX: Final = 500_000


@cache
def _stemmer() -> _Stemmer:
    import snowballstemmer  # type: ignore[import-untyped]  # loaded on first English text only

    stemmer: _Stemmer = snowballstemmer.stemmer("english")
    return stemmer


class _Stemmer(Protocol):
    def stemWord(self, word: str) -> str: ...


_stems: dict[str, str] = {}


def stem(word: str) -> str:
    """The Porter2 stem of a lower-case word (`costs` -> `cost`); other tokens as they are."""
    found = _stems.get(word)
    if found is not None:
        return found
    out = _stemmer().stemWord(word) if _is_stemmable(word) else word
    if len(_stems) >= _STEM_CACHE_MAX:
        _stems.clear()
    _stems[word] = out
    return out


def _is_stemmable(word: str) -> bool:
    return len(word) > 2 and word.isascii() and word.isalpha()


def fold_word(word: str) -> str:
    """A word as the index's tokenizer stores it: lower case, diacritics removed."""
    word = word.lower()
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word)
                   if not unicodedata.combining(c))


def index_terms(texts: Iterable[str]) -> list[tuple[str, str]]:
    """(word, stem) for each distinct English word of `texts` whose stem differs from it:
    the vocabulary rows that let a query word find its other forms."""
    words: set[str] = set()
    for text in texts:
        words.update(_WORD.findall(text.lower()))
    out = []
    for w in words:
        if not w.isascii():
            w = fold_word(w)
        if _is_stemmable(w):
            s = stem(w)
            if s != w:
                out.append((w, s))
    return out


# --- queries ------------------------------------------------------------------------------------


class TermKind(StrEnum):
    WORD = "word"        # one English word or number
    PREFIX = "prefix"    # rev*
    PHRASE = "phrase"    # "gross margin", or a word that the tokenizer splits (year-over-year)
    CJK = "cjk"          # a Chinese run, with its script variants


@dataclass(frozen=True, slots=True)
class Term:
    kind: TermKind
    tokens: tuple[str, ...]
    """Lower-cased words for WORD/PREFIX/PHRASE; simplified variants of the run for CJK."""

    @property
    def display(self) -> str:
        return " ".join(self.tokens) if self.kind is not TermKind.CJK else self.tokens[0]


@dataclass(frozen=True, slots=True)
class Query:
    """Terms that must all match (each group is an OR of alternatives)."""

    groups: tuple[tuple[Term, ...], ...]

    @property
    def empty(self) -> bool:
        return not self.groups

    @property
    def terms(self) -> list[Term]:
        return [t for g in self.groups for t in g]


def cjk_variants(run: str) -> tuple[str, ...]:
    """The simplified forms a Chinese query run may take in text, plain form first."""
    run = _GAPS.sub("", run)
    simple = converter("t2s").convert_text(run)
    taiwan = converter("t2s").convert_text(converter("s2twp").convert_text(simple))
    mainland = _opencc("tw2sp").convert(run)
    seen: dict[str, None] = {}
    for v in (simple, taiwan, mainland):
        if v:
            seen.setdefault(v, None)
    return tuple(seen)


def _terms_of(part: str, quoted: bool) -> list[Term]:
    """Terms of one query word or quoted phrase: Han runs and Latin pieces in turn."""
    terms: list[Term] = []
    prefix = not quoted and part.endswith("*")
    pos = 0
    pieces: list[tuple[bool, str]] = []
    for m in _HAN_RUN.finditer(part):
        pieces.append((False, part[pos:m.start()]))
        pieces.append((True, m.group()))
        pos = m.end()
    pieces.append((False, part[pos:]))
    last_latin = max((i for i, (han, p) in enumerate(pieces) if not han and _WORD.search(p)),
                     default=-1)
    for i, (han, piece) in enumerate(pieces):
        if han:
            terms.append(Term(TermKind.CJK, cjk_variants(piece)))
            continue
        words = tuple(w.casefold() for w in _WORD.findall(piece))
        if not words:
            continue
        if len(words) > 1:
            terms.append(Term(TermKind.PHRASE, words))
        elif prefix and i == last_latin and piece.rstrip().endswith("*"):
            terms.append(Term(TermKind.PREFIX, words))
        else:
            terms.append(Term(TermKind.WORD, words))
    return terms


def parse_query(text: str) -> Query:
    """Words (all must match), `word*` prefixes, "quoted phrases", and OR between two terms.

    Full-width forms typed with a Chinese input method count as their ASCII forms.
    """
    text = unicodedata.normalize("NFKC", text)
    groups: list[list[Term]] = []
    join_next = False
    for m in _QUERY_PART.finditer(text):
        quoted = m.group(1) is not None
        part = m.group(1) if quoted else m.group(2)
        if not quoted and part == "OR":
            join_next = bool(groups)
            continue
        terms = _terms_of(part, quoted)
        if not terms:
            continue
        if join_next and len(terms) == 1:
            groups[-1].append(terms[0])
        else:
            groups.extend([t] for t in terms)
        join_next = False
    return Query(tuple(tuple(g) for g in groups))


class Forms(Protocol):
    """Where the index's other forms of a word come from (db.search_index reads them)."""

    def words_with_stem(self, stems: Sequence[str]) -> dict[str, list[str]]: ...

    def words_with_stem_prefix(self, prefix: str, limit: int) -> list[str]: ...


_PREFIX_FORMS_MAX: Final = 64


def expand_query(query: Query, forms: Forms) -> Query:
    """`query` with each English word widened to the indexed words sharing its stem, and each
    prefix to the words whose stem starts with the prefix's stem (as extra alternatives of
    the same group). Quoted phrases and Chinese stay as they are."""
    words = [t.tokens[0] for t in query.terms if t.kind is TermKind.WORD]
    stems = sorted({stem(w) for w in words if _is_stemmable(w)})
    by_stem = forms.words_with_stem(stems) if stems else {}
    groups: list[tuple[Term, ...]] = []
    for group in query.groups:
        seen: dict[Term, None] = {}
        for term in group:
            seen.setdefault(term, None)
            token = term.tokens[0]
            if term.kind is TermKind.WORD and _is_stemmable(token):
                s = stem(token)
                for form in [s, *by_stem.get(s, ())]:
                    if form == s and stem(s) != s:
                        continue  # a stem that is not itself a word's form
                    seen.setdefault(Term(TermKind.WORD, (form,)), None)
            elif term.kind is TermKind.PREFIX and _is_stemmable(token):
                for form in forms.words_with_stem_prefix(stem(token), _PREFIX_FORMS_MAX):
                    if not form.startswith(token):  # the prefix itself covers the rest
                        seen.setdefault(Term(TermKind.WORD, (form,)), None)
        groups.append(tuple(seen))
    return Query(tuple(groups))


_PHRASE_COMBINATIONS_MAX: Final = 24
PHRASE_BOOST: Final = 4.0
"""A unit where the query's words stand together, in order, scores this many times higher."""
NEAR_BOOST: Final = 2.0
"""A unit where they stand within `NEAR_DISTANCE` words of each other (any order)."""
NEAR_DISTANCE: Final = 5


def boost_expressions(query: Query) -> list[tuple[str, float]]:
    """FTS5 expressions for the phrase and proximity boosts of a query of two or more
    English words (each with its forms), with their factors; none for other queries."""
    slots = [[t.tokens[0] for t in g] for g in query.groups
             if all(t.kind is TermKind.WORD for t in g)]
    if len(slots) < 2 or len(slots) != len(query.groups):
        return []
    combos: list[list[str]] = [[]]
    for alternatives in slots:
        combos = [[*c, a] for c in combos for a in alternatives]
        if len(combos) > _PHRASE_COMBINATIONS_MAX:
            combos = [[g[0] for g in slots]]  # too many: the words as typed
            break
    phrases = " OR ".join(_quote(" ".join(c)) for c in combos)
    near = " OR ".join(f"NEAR({' '.join(_quote(w) for w in c)}, {NEAR_DISTANCE})"
                       for c in combos)
    return [(f"words : ({phrases})", PHRASE_BOOST), (f"words : ({near})", NEAR_BOOST)]


def _quote(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def _cjk_expr(variant: str) -> str:
    if len(variant) == 1:
        return f"cjk : {_quote(variant)}"
    if len(variant) == 2:
        return f"cjk : {_quote(variant)}"
    grams: list[str] = []
    for i in range(len(variant) - 1):
        if i:
            grams.append(variant[i])
        grams.append(variant[i:i + 2])
    return f"cjk : {_quote(' '.join(grams))}"


def _term_expr(term: Term) -> str:
    if term.kind is TermKind.CJK:
        alts = [_cjk_expr(v) for v in term.tokens]
        return alts[0] if len(alts) == 1 else "(" + " OR ".join(alts) + ")"
    if term.kind is TermKind.PREFIX:
        return f"words : {_quote(term.tokens[0])} *"
    return f"words : {_quote(' '.join(term.tokens))}"


def fts_expression(query: Query) -> str:
    """The FTS5 MATCH expression for `query` over the `words` and `cjk` columns."""
    parts = []
    for group in query.groups:
        exprs = [_term_expr(t) for t in group]
        parts.append(exprs[0] if len(exprs) == 1 else "(" + " OR ".join(exprs) + ")")
    return " AND ".join(parts)


# --- hits in source text ------------------------------------------------------------------------


@cache
def _latin_pattern(kind: TermKind, tokens: tuple[str, ...]) -> re.Pattern[str]:
    # Starts with the literal word, so the regex engine can skip ahead to it; the word's
    # left edge is checked by the caller (a look-behind first would slow every position).
    body = r"[\W_]+".join(re.escape(t) for t in tokens)
    tail = r"[^\W_]*" if kind is TermKind.PREFIX else r"(?![^\W_])"
    return re.compile(body + tail)


def _latin_hits(text: str, terms: Sequence[Term]) -> list[tuple[int, int]]:
    lower = text.lower()
    slow = len(lower) != len(text)  # a rare letter whose lower case is longer: match slowly
    if slow:
        lower = text
    spans = []
    for term in terms:
        pattern = _latin_pattern(term.kind, term.tokens)
        if slow:
            pattern = re.compile(pattern.pattern, re.IGNORECASE)
        for m in pattern.finditer(lower):
            s = m.start()
            if s == 0 or not lower[s - 1].isalnum():
                spans.append(m.span())
    return spans


def _compact(text: str) -> tuple[str, Sequence[int]]:
    """`text` without the spaces between Han characters, and each kept char's source offset."""
    gaps = [m.span() for m in _INNER_GAP.finditer(text)]
    if not gaps:
        return text, range(len(text))
    keep: list[int] = []
    pieces: list[str] = []
    pos = 0
    for s, e in [*gaps, (len(text), len(text))]:
        pieces.append(text[pos:s])
        keep.extend(range(pos, s))
        pos = e
    return "".join(pieces), keep


def find_hits(text: str, query: Query) -> list[tuple[int, int]]:
    """Source spans in `text` where any term of `query` occurs, sorted, not overlapping."""
    return find_hits_many([text], query)[0]


def find_hits_many(texts: Sequence[str], query: Query) -> list[list[tuple[int, int]]]:
    """`find_hits` for each of `texts`; Chinese texts are folded to simplified in one batch."""
    latin = [t for t in query.terms if t.kind is not TermKind.CJK]
    cjk = [t for t in query.terms if t.kind is TermKind.CJK]
    spans: list[list[tuple[int, int]]] = [[] for _ in texts]
    if latin:
        for i, text in enumerate(texts):
            spans[i].extend(_latin_hits(text, latin))
    chinese = [i for i, t in enumerate(texts) if cjk and has_han(t)]
    compacts = {i: _compact(texts[i]) for i in chinese}
    # One OpenCC call for all; a text whose folding keeps its length maps char for char.
    batch = converter("t2s").convert_text(
        "\n".join(compacts[i][0].replace("\n", " ") for i in chinese)).split("\n")
    if len(batch) != len(chinese):
        batch = [""] * len(chinese)
    for i, folded in zip(chinese, batch, strict=True):
        compact, where = compacts[i]
        if len(folded) == len(compact):
            hay, mapped = folded, None
        else:
            mapped = convert(compact, "t2s")
            hay = mapped.text
        for term in cjk:
            for needle in term.tokens:
                for text_, use_map in ((hay, True), (compact, False)):
                    k = text_.find(needle)
                    while k >= 0:
                        s, e = k, k + len(needle)
                        if use_map and mapped is not None:
                            s, e = mapped.to_source_span(s, e)
                        if e > s:
                            spans[i].append((where[s], where[e - 1] + 1))
                        k = text_.find(needle, k + len(needle))
    return [_merge(sp) for sp in spans]


def _merge(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


@dataclass(frozen=True, slots=True)
class Snippet:
    """A one-line excerpt with the hits marked: `marks` are spans of `text`."""

    text: str
    marks: tuple[tuple[int, int], ...]
    offset: int
    """Where `text` starts in the unit's text, ignoring a leading ellipsis."""


def make_snippet(text: str, hits: Sequence[tuple[int, int]],
                 width: int = _SNIPPET_WIDTH) -> Snippet:
    """About `width` columns of `text` from a little before its first hit, on one line.

    A Chinese character counts two columns, as it is drawn about twice as wide, and the lead
    before the hit is short, so the hit shows in a narrow results list, whose rows are cut at
    the right. Speech-recognition spaces between Chinese characters are joined, as the
    reading view joins them by default.
    """
    from reader.core.cleanup import clean  # with search only

    first = hits[0][0] if hits else 0
    start = _columns_back(text, first, width // _LEAD_FRACTION)
    if start and not _is_wide(text[start]):  # begin at a word boundary near the cut
        space = text.rfind(" ", max(0, start - 15), start + 1)
        start = space + 1 if space >= 0 else start
    end = _columns_forward(text, start, width)
    if end < len(text) and not _is_wide(text[end - 1]):
        space = text.rfind(" ", max(start, end - 15), end)
        end = space if space > start else end
    piece = text[start:end]
    lead = "…" if start > 0 else ""
    tail = "…" if end < len(text) else ""
    if piece.isascii():  # no Chinese spaces to join: the view is the text itself
        shift = len(lead) - start
        shown = lead + _one_line(piece) + tail
        return Snippet(shown, _trimmed(shown, [(max(s, start) + shift, min(e, end) + shift)
                                               for s, e in hits if s < end and e > start]),
                       start)
    body = clean(piece, join_cjk_spaces=True)
    spans = [body.from_source_span(max(s, start) - start, min(e, end) - start)
             for s, e in hits if s < end and e > start]
    shown = lead + _one_line(body.text) + tail
    return Snippet(shown, _trimmed(shown, [(a + len(lead), b + len(lead)) for a, b in spans]),
                   start)


def _trimmed(shown: str, marks: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Marks without the white space at their edges; a mark left empty (a hit cut down to
    its spaces by the snippet's edge) is dropped."""
    out = []
    for a, b in marks:
        while a < b and shown[a].isspace():
            a += 1
        while b > a and shown[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
    return tuple(out)


def _one_line(text: str) -> str:
    # Three replaces beat one translate, whose dict lookups cost per character.
    return text.replace("\n", " ").replace("\r", " ").replace("\t", " ")


@cache
def _is_wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def _columns_back(text: str, pos: int, columns: int) -> int:
    """The start of the `columns` display columns before `pos`."""
    seg = text[max(0, pos - columns):pos]  # no more characters than columns can fit
    if seg.isascii():  # every ASCII character is one column wide
        return pos - len(seg)
    used = 0
    for ch in reversed(seg):
        if used >= columns:
            break
        used += 2 if _is_wide(ch) else 1
        pos -= 1
    return pos


def _columns_forward(text: str, pos: int, columns: int) -> int:
    """The end of the `columns` display columns from `pos`."""
    seg = text[pos:pos + columns]
    if seg.isascii():
        return pos + len(seg)
    used = 0
    for ch in seg:
        if used >= columns:
            break
        used += 2 if _is_wide(ch) else 1
        pos += 1
    return pos

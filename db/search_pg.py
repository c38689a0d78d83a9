"""The search index on PostgreSQL: tsvectors written from FTS5's own tokens, tsquery searches.

The same query language and the same matches as the SQLite index (db/search_index.py): the
app tokenizes, not the server. A unit's `words` tsvector holds the words FTS5's unicode61
tokenizer would index (letters and digits, lower case, diacritics removed) with their
positions, and its `cjk` tsvector the simplified unigram/bigram stream of
reader/core/search_text.py, also with positions; both are written as tsvector literals, so no
text search configuration (no stemming, no stop words, no parser of the server's) comes
between. A query is built as a tsquery literal the same way: a word is a lexeme, a prefix
`lexeme:*`, a phrase (or a Chinese run longer than two characters) lexemes joined by `<->`.
English stemming stays the app's (snowballstemmer) through the same `search_terms`
vocabulary, so `cost` finds `costs` on both.

Ranking: matches are taken in the same windows of the newest `RANK_WINDOW` units and ranked
with `ts_rank` (PostgreSQL has no bm25) times the same phrase and proximity boosts, so the
results and pages are the same as on SQLite and the order is close, not identical.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection, Iterable, Sequence
from typing import Any, Final

# SQLAlchemy at module level, allowed here only: db/ is the layer that exists to use it.
from sqlalchemy import Connection  # noqa: TID253

from reader.core.search_text import (
    NEAR_BOOST,
    NEAR_DISTANCE,
    PHRASE_BOOST,
    Query,
    Term,
    TermKind,
    fold_word,
)

_WORD: Final = re.compile(r"[^\W_]+")
"""A word as FTS5's unicode61 tokenizer sees one (the same pattern as search_text's)."""
_MAX_POSITION: Final = 16383
_MAX_POSITIONS_PER_LEXEME: Final = 256
"""PostgreSQL's limits on a tsvector: positions beyond these are not kept."""
_PHRASE_COMBINATIONS_MAX: Final = 24


def is_postgres(conn: Connection) -> bool:
    return conn.dialect.name == "postgresql"


def word_tokens(text: str) -> list[str]:
    """The words FTS5 indexes for `text` (the `words` column's value), in order."""
    return [w if w.isascii() else fold_word(w) for w in _WORD.findall(text.lower())]


def _lexeme(token: str) -> str:
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector_literal(tokens: Iterable[str]) -> str:
    """A tsvector literal of `tokens` at positions 1, 2, 3, ... (kept within PG's limits)."""
    positions: dict[str, list[int]] = {}
    for i, token in enumerate(tokens, start=1):
        where = positions.setdefault(token, [])
        if len(where) < _MAX_POSITIONS_PER_LEXEME:
            where.append(min(i, _MAX_POSITION))
    return " ".join(f"{_lexeme(t)}:{','.join(map(str, sorted(set(p))))}"
                    for t, p in positions.items())


def unit_vectors(words: str, cjk: str | None) -> tuple[str, str]:
    """The `words` and `cjk` tsvector literals of a unit, from what FTS5 would be given."""
    return tsvector_literal(word_tokens(words)), tsvector_literal((cjk or "").split())


# --- queries ------------------------------------------------------------------------------------


def _cjk_tsquery(variant: str) -> str:
    if len(variant) <= 2:
        return _lexeme(variant)
    grams: list[str] = []
    for i in range(len(variant) - 1):
        if i:
            grams.append(variant[i])
        grams.append(variant[i:i + 2])
    return "(" + " <-> ".join(_lexeme(g) for g in grams) + ")"


def _words_tsquery(term: Term) -> str:
    if term.kind is TermKind.PREFIX:
        return _lexeme(term.tokens[0]) + ":*"
    tokens = [t for w in term.tokens for t in word_tokens(w)]
    if len(tokens) == 1:
        return _lexeme(tokens[0])
    return "(" + " <-> ".join(_lexeme(t) for t in tokens) + ")"


def group_condition(group: Sequence[Term], params: list[Any]) -> str:
    """SQL for one group of alternatives (any may match), its tsqueries added to `params`."""
    words = [_words_tsquery(t) for t in group if t.kind is not TermKind.CJK]
    cjk = [_cjk_tsquery(v) for t in group if t.kind is TermKind.CJK for v in t.tokens]
    parts = []
    if words:
        parts.append("u.words @@ %s::tsquery")
        params.append(" | ".join(words))
    if cjk:
        parts.append("u.cjk @@ %s::tsquery")
        params.append(" | ".join(cjk))
    return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"


def _boost_queries(query: Query) -> list[tuple[str, float]]:
    """tsqueries for the phrase and proximity boosts (see search_text.boost_expressions)."""
    slots = [[t.tokens[0] for t in g] for g in query.groups
             if all(t.kind is TermKind.WORD for t in g)]
    if len(slots) < 2 or len(slots) != len(query.groups):
        return []
    combos: list[list[str]] = [[]]
    for alternatives in slots:
        combos = [[*c, a] for c in combos for a in alternatives]
        if len(combos) > _PHRASE_COMBINATIONS_MAX:
            combos = [[g[0] for g in slots]]
            break
    phrases = " | ".join("(" + " <-> ".join(_lexeme(w) for w in c) + ")" for c in combos)
    # NEAR(a b, 5): each neighbouring pair at most five words apart, either order.
    near_parts = []
    for c in combos:
        pairs = []
        for a, b in itertools.pairwise(c):
            gaps = [f"({_lexeme(x)} <{d}> {_lexeme(y)})" for d in range(1, NEAR_DISTANCE + 2)
                    for x, y in ((a, b), (b, a))]
            pairs.append("(" + " | ".join(gaps) + ")")
        near_parts.append("(" + " & ".join(pairs) + ")")
    return [(phrases, PHRASE_BOOST), (" | ".join(near_parts), NEAR_BOOST)]


def search_unit_ids(conn: Connection, query: Query, *, window_size: int,
                    transcripts: Collection[int] | None, where: Sequence[str],
                    where_params: Sequence[Any], window: int) -> list[int]:
    """Unit ids of one window of matches (newest first), in rank order."""
    params: list[Any] = []
    conditions = [group_condition(g, params) for g in query.groups]
    rank_words = " | ".join(_words_tsquery(t) for t in query.terms if t.kind is not TermKind.CJK)
    rank_cjk = " | ".join(_cjk_tsquery(v) for t in query.terms if t.kind is TermKind.CJK
                          for v in t.tokens)
    boosts = _boost_queries(query)
    score = []
    score_params: list[Any] = []
    if rank_words:
        score.append("ts_rank(u.words, %s::tsquery)")
        score_params.append(rank_words)
    if rank_cjk:
        score.append("ts_rank(u.cjk, %s::tsquery)")
        score_params.append(rank_cjk)
    factors = []
    for expression, factor in boosts:
        factors.append(f"(CASE WHEN u.words @@ %s::tsquery THEN {float(factor)} ELSE 1 END)")
        score_params.append(expression)
    score_sql = "(" + " + ".join(score or ["0"]) + ")" + "".join(f" * {f}" for f in factors)
    if transcripts is not None:
        conditions.append("u.transcript_id = ANY(%s)")
        params.append(list(transcripts))
    conditions.extend(where)
    params.extend(where_params)
    sql = (f"SELECT id FROM (SELECT u.id, {score_sql} AS score FROM search_units u "
           f"WHERE {' AND '.join(conditions)} ORDER BY u.id DESC LIMIT %s OFFSET %s) m "
           "ORDER BY score DESC, id DESC")
    rows = conn.exec_driver_sql(sql, (*score_params, *params, window_size,
                                      window * window_size)).all()
    return [r[0] for r in rows]


def count_matches(conn: Connection, query: Query) -> int:
    params: list[Any] = []
    conditions = [group_condition(g, params) for g in query.groups]
    return int(conn.exec_driver_sql(
        f"SELECT count(*) FROM search_units u WHERE {' AND '.join(conditions)}",
        tuple(params)).scalar_one())

"""The library's full-text index: FTS5 tables, keeping them in step, and the search query.

Layout (created by migration 0003, prefix indexes and short filter tokens since 0004,
column sizes for ranking and the stem vocabulary since 0005):

* `search_units`: one row per indexed unit: a paragraph of a turn (with turn index, section,
  speaker, and its source offsets), or a highlight's quote, note or tags. A paragraph stores
  no text: its words come from `transcripts.text` by offsets. `words` is stored only when
  it differs from the unit's text (Chinese text; see reader/core/search_text.py), `cjk` only
  when the unit has Chinese.
* `search_content`: a view giving each unit's `words`, `cjk` and `meta` columns.
* `search_fts`: FTS5 over that view (external content, so the transcript text is stored once),
  with prefix indexes of 3, 4 and 5 characters, so that `guid*` reads only the newest entries
  of one prefix instead of merging every word that starts with it.
  `meta` holds filter tokens (`t<transcript id> s<section> k<speaker kind> u<unit kind>`, the
  last three the value's initial) so that company, period, section and speaker filters are
  doclist intersections; two characters, as tokens shorter than 3 enter no prefix index.
* `search_terms`: every indexed English word whose Porter2 stem differs from it, with that
  stem, so that a query word can be widened to its other forms (reader/core/search_text.py).
  Words are added as text is indexed and never removed: a form no unit has any more matches
  nothing.
* Triggers keep the index right whatever writes the library. Deleting a transcript or
  changing its text first deletes its units, and deleting a unit first removes its entry
  from the index (an external-content FTS5 table must be given the old values, which the
  view can produce only while the transcript row still exists). A new transcript, or new
  text, is queued in `search_stale_transcripts`; a highlight that is added or edited (or
  whose tags change) is queued in `search_stale_highlights`.

The import path (reader.services.annotations) indexes a transcript in the same transaction
that stores it, which also drains the queue for it. `refresh()` drains whatever is left
(highlight edits, or transcripts written by some other program) and runs before a search.

Ranking: FTS5's bm25 (the `meta` column weighs nothing), times a boost where the words of a
multi-word query stand together as a phrase or near each other (see
reader.core.search_text.boost_expressions). bm25 costs about a microsecond per matching unit,
so a word found in tens of thousands of paragraphs cannot be ranked whole at interactive
speed: matches are ranked in windows of `RANK_WINDOW` (300) units, newest first. A query with
fewer matches than that (most multi-word queries and phrases) is ranked whole; a common word
shows the best of its newest window first, then of the next window.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any, Final, NamedTuple

# SQLAlchemy at module level, allowed here only: db/ is the layer that exists to use it.
from sqlalchemy import Connection  # noqa: TID253

from db.models import file_name_from_db
from db.search_pg import count_matches, is_postgres, search_unit_ids, unit_vectors
from reader.core.model import SectionKind, SpeakerKind, Transcript
from reader.core.search_text import Query, cjk_columns, index_terms, words_column

SEARCH_TABLES: Final = frozenset({"search_units", "search_fts", "search_stale_transcripts",
                                  "search_stale_highlights", "search_terms"})
_FTS_SHADOW: Final = re.compile(r"search_fts_(data|idx|content|docsize|config)$")

PARAGRAPH: Final = "paragraph"
QUOTE: Final = "quote"
NOTE: Final = "note"
TAGS: Final = "tags"

_UNIT_COLUMNS: Final = ("id, transcript_id, kind, highlight_id, turn_index, section, speaker, "
                        "speaker_kind, start_offset, end_offset, text, words, cjk")
_INSERT_UNIT: Final = f"INSERT INTO search_units ({_UNIT_COLUMNS}) VALUES ({', '.join('?' * 13)})"
_INSERT_FTS: Final = "INSERT INTO search_fts (rowid, words, cjk, meta) VALUES (?, ?, ?, ?)"
_INSERT_TERMS: Final = "INSERT OR IGNORE INTO search_terms (term, stem) VALUES (?, ?)"
_PG_INSERT_UNIT: Final = (
    "INSERT INTO search_units (transcript_id, kind, highlight_id, turn_index, section, speaker, "
    "speaker_kind, start_offset, end_offset, text, words, cjk) VALUES "
    f"({', '.join(['%s'] * 10)}, %s::tsvector, %s::tsvector)")
_PG_INSERT_TERMS: Final = ("INSERT INTO search_terms (term, stem) VALUES (%s, %s) "
                           "ON CONFLICT DO NOTHING")
RANK_WINDOW: Final = 300
"""Matching units ranked together (newest first); see the module docstring."""
_BM25: Final = "bm25(search_fts, 1.0, 1.0, 0.0)"
META_COLUMNS: Final = ", ".join(f"nullif(coalesce(t.user_{f}, t.{f}), '')"
                                for f in ("company", "ticker", "period", "date"))
"""A call's metadata as results and filters see it: the user's own values over detected ones
('' is a value edited to nothing)."""


def is_search_table(name: str) -> bool:
    """Tables of the search index, which the ORM models do not describe (for autogenerate)."""
    return name in SEARCH_TABLES or _FTS_SHADOW.match(name) is not None


UNIT_KINDS: Final = (PARAGRAPH, QUOTE, NOTE, TAGS)
_FILTER_VALUES: Final = {
    "s": frozenset(s.value for s in SectionKind),
    "k": frozenset(k.value for k in SpeakerKind),
    "u": frozenset(UNIT_KINDS),
}
"""Values each filter token stands for; their initials (and `n` for none) must differ."""


def meta_tokens(transcript_id: int, section: str | None, speaker_kind: str | None,
                kind: str) -> str:
    """The `meta` column; must equal what the `search_content` view computes."""
    return f"t{transcript_id} s{(section or 'n')[0]} k{(speaker_kind or 'n')[0]} u{kind[0]}"


def filter_value(letter: str, value: str) -> str | None:
    """The stored value a section (`s`), speaker kind (`k`) or unit kind (`u`) filter names;
    None for a value the index does not know. Case and anything but letters and digits are
    ignored (`Q&A` is `qa`)."""
    value = re.sub(r"[^0-9a-z]", "", value.lower())
    return value if value in _FILTER_VALUES[letter] else None


def filter_token(letter: str, value: str) -> str | None:
    """The `meta` token of a section (`s`), speaker kind (`k`) or unit kind (`u`) value;
    None for a value the index does not know, which nothing matches. Case and anything but
    letters and digits are ignored (`Q&A` is `qa`)."""
    value = re.sub(r"[^0-9a-z]", "", value.lower())
    return f"{letter}{value[0]}" if value in _FILTER_VALUES[letter] else None


def _sql(conn: Connection, statement: str) -> str:
    """`statement` in the connection's parameter style (sqlite3's `?`, psycopg's `%s`)."""
    return statement.replace("?", "%s") if is_postgres(conn) else statement


def _next_id(conn: Connection) -> int:
    if is_postgres(conn):
        return 0  # ids come from the table's sequence (concurrent writers, no max + 1)
    return int(conn.exec_driver_sql("SELECT coalesce(max(id), 0) + 1 FROM search_units")
               .scalar_one())


def _store_units(conn: Connection, rows: Sequence[tuple[Any, ...]],
                 texts: Sequence[str]) -> None:
    """Insert unit rows and their index entries; `texts` are the units' texts in order."""
    if not rows:
        return
    if is_postgres(conn):
        values = []
        for r, t in zip(rows, texts, strict=True):
            words, cjk = unit_vectors(r[11] if r[11] is not None else t, r[12])
            values.append((*r[1:11], words, cjk))
        conn.exec_driver_sql(_PG_INSERT_UNIT, values)
        return
    conn.exec_driver_sql(_INSERT_UNIT, list(rows))
    conn.exec_driver_sql(_INSERT_FTS, [
        (r[0], r[11] if r[11] is not None else t, r[12] or "",
         meta_tokens(r[1], r[5], r[7], r[2])) for r, t in zip(rows, texts, strict=True)])


def paragraph_rows(transcript_id: int, transcript: Transcript, first_id: int
                   ) -> tuple[list[tuple[Any, ...]], list[str]]:
    """Unit rows for every paragraph of every turn, with their texts, ids from `first_id`."""
    paragraphs = [(turn, para) for turn in transcript.turns for para in turn.paragraphs
                  if para.end > para.start]
    texts = [p.text for _, p in paragraphs]
    cjk = cjk_columns(texts)
    rows = []
    for i, ((turn, para), c) in enumerate(zip(paragraphs, cjk, strict=True)):
        speaker = transcript.speaker_of(turn)
        rows.append((first_id + i, transcript_id, PARAGRAPH, None, turn.index,
                     turn.section.value, speaker.label, speaker.kind.value, para.start,
                     para.end, None, words_column(para.text), c))
    return rows, texts


def add_terms(conn: Connection, texts: Sequence[str]) -> None:
    """Add the English words of `texts` to the stem vocabulary (words already there stay).

    Migration 0003 indexes old libraries with this module before 0005 has made the table;
    0005 then fills it from every unit, so there is nothing to add until it exists.
    """
    postgres = is_postgres(conn)  # made whole by 0003 there
    if not postgres and not conn.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'search_terms'").first():
        return
    rows = index_terms(texts)
    if rows:
        conn.exec_driver_sql(_PG_INSERT_TERMS if postgres else _INSERT_TERMS, rows)


class StemForms:
    """The vocabulary's forms of words, for reader.core.search_text.expand_query."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def words_with_stem(self, stems: Sequence[str]) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        marks = ", ".join("?" * len(stems))
        for term, st in self._conn.exec_driver_sql(_sql(
                self._conn,
                f"SELECT term, stem FROM search_terms WHERE stem IN ({marks}) ORDER BY term"),
                tuple(stems)):
            out.setdefault(st, []).append(term)
        return out

    def words_with_stem_prefix(self, prefix: str, limit: int) -> list[str]:
        # A range on the stem index; the character after the last one bounds it.
        high = prefix[:-1] + chr(ord(prefix[-1]) + 1)
        return [r[0] for r in self._conn.exec_driver_sql(_sql(
            self._conn,
            "SELECT term FROM search_terms WHERE stem >= ? AND stem < ? ORDER BY term LIMIT ?"),
            (prefix, high, limit))]


def index_transcript(conn: Connection, transcript_id: int, transcript: Transcript) -> int:
    """(Re)index a stored transcript's paragraphs from its parsed outline; returns the count.

    Call inside the transaction that stored `transcript` as the call's current text.
    Highlights of the call queued for indexing are indexed too.
    """
    conn.exec_driver_sql(_sql(conn, "DELETE FROM search_units WHERE transcript_id = ? "
                              "AND kind = ?"), (transcript_id, PARAGRAPH))
    rows, texts = paragraph_rows(transcript_id, transcript, _next_id(conn))
    add_terms(conn, texts)
    _store_units(conn, rows, texts)
    conn.exec_driver_sql(_sql(conn, "DELETE FROM search_stale_transcripts WHERE "
                              "transcript_id = ?"), (transcript_id,))
    stale = [r[0] for r in conn.exec_driver_sql(_sql(
        conn, "SELECT s.highlight_id FROM search_stale_highlights s JOIN highlights h "
        "ON h.id = s.highlight_id WHERE h.transcript_id = ?" + _skip_locked(conn, "s")),
        (transcript_id,))]
    index_highlights(conn, stale)
    return len(rows)


def index_plain(conn: Connection, transcript_id: int, text: str) -> None:
    """Index a stored text that no longer parses as one unit, so it stays findable."""
    conn.exec_driver_sql(_sql(conn, "DELETE FROM search_units WHERE transcript_id = ? "
                              "AND kind = ?"), (transcript_id, PARAGRAPH))
    if text:
        add_terms(conn, [text])
        uid = _next_id(conn)
        cjk = cjk_columns([text])[0]
        words = words_column(text)
        _store_units(conn, [(uid, transcript_id, PARAGRAPH, None, None, None, None, None, 0,
                             len(text), None, words, cjk)], [text])
    conn.exec_driver_sql(_sql(conn, "DELETE FROM search_stale_transcripts WHERE "
                              "transcript_id = ?"), (transcript_id,))


def index_highlights(conn: Connection, highlight_ids: Sequence[int]) -> None:
    """(Re)index highlights' quotes, notes and tags, and take them off the queue."""
    for hid in highlight_ids:
        conn.exec_driver_sql(_sql(conn, "DELETE FROM search_units WHERE highlight_id = ?"),
                             (hid,))
        conn.exec_driver_sql(_sql(conn, "DELETE FROM search_stale_highlights WHERE "
                                  "highlight_id = ?"), (hid,))
        row = conn.exec_driver_sql(_sql(
            conn, "SELECT transcript_id, start_offset, end_offset, quote, note, turn_index "
            "FROM highlights WHERE id = ?"), (hid,)).first()
        if row is None:
            continue
        tid, start, end, quote, note, turn = row
        tags = [r[0] for r in conn.exec_driver_sql(_sql(
            conn, "SELECT t.name FROM highlight_tags ht JOIN tags t ON t.id = ht.tag_id "
            "WHERE ht.highlight_id = ? ORDER BY t.name"), (hid,))]
        where = conn.exec_driver_sql(_sql(
            conn, "SELECT turn_index, section, speaker, speaker_kind FROM search_units "
            "WHERE transcript_id = ? AND kind = ? AND start_offset <= ? "
            "ORDER BY start_offset DESC LIMIT 1"), (tid, PARAGRAPH, start)).first()
        turn_index, section, speaker, speaker_kind = where or (turn, None, None, None)
        texts = [(QUOTE, quote), (NOTE, note), (TAGS, " ".join(f"#{t}" for t in tags))]
        texts = [(k, t) for k, t in texts if t and t.strip()]
        add_terms(conn, [t for _, t in texts])
        cjk = cjk_columns([t for _, t in texts])
        first = _next_id(conn)
        rows = [(first + i, tid, kind, hid, turn_index, section, speaker, speaker_kind, start,
                 end, t, words_column(t), c)
                for i, ((kind, t), c) in enumerate(zip(texts, cjk, strict=True))]
        _store_units(conn, rows, [r[10] for r in rows])


def pending(conn: Connection) -> bool:
    """Whether anything waits to be indexed (a cheap read)."""
    return bool(conn.exec_driver_sql(
        "SELECT EXISTS (SELECT 1 FROM search_stale_transcripts) "
        "OR EXISTS (SELECT 1 FROM search_stale_highlights)").scalar_one())


def _skip_locked(conn: Connection, table: str) -> str:
    """On a server, queued rows another client is indexing right now are left to it, so
    concurrent refreshes share the queue instead of waiting on each other's row locks."""
    return f" FOR UPDATE OF {table} SKIP LOCKED" if is_postgres(conn) else ""


def refresh(conn: Connection, *, limit: int | None = None) -> int:
    """Index what the triggers queued; returns the number of items handled.

    Transcripts are parsed again from their stored text, in the layout they were stored with.
    """
    from reader.core.pipeline import parse_text

    done = 0
    query = "SELECT t.id, t.text, t.source_name, t.format FROM search_stale_transcripts s " \
            "JOIN transcripts t ON t.id = s.transcript_id ORDER BY t.id"
    if limit is not None:
        query += f" LIMIT {int(limit)}"
    query += _skip_locked(conn, "s")
    for tid, text, stored_name, layout in conn.exec_driver_sql(query).all():
        name = file_name_from_db(stored_name)
        try:
            try:
                parsed = parse_text(text, name, layout=layout)
            except ValueError:  # a layout this build no longer has: detect again
                parsed = parse_text(text, name)
        except ValueError:
            index_plain(conn, tid, text)
        else:
            if parsed.text == text:
                index_transcript(conn, tid, parsed)
            else:  # never expected: offsets would not point into the stored text
                index_plain(conn, tid, text)
        done += 1
    conn.exec_driver_sql("DELETE FROM search_stale_transcripts WHERE transcript_id NOT IN "
                         "(SELECT id FROM transcripts)")
    stale = [r[0] for r in conn.exec_driver_sql(
        "SELECT highlight_id FROM search_stale_highlights s ORDER BY highlight_id"
        + _skip_locked(conn, "s"))]
    index_highlights(conn, stale)
    return done + len(stale)


def integrity_problems(conn: Connection) -> list[str]:
    """What is wrong with the index, if anything (FTS5's own check against the view, and
    units that point outside their transcript)."""
    problems = []
    try:
        if not is_postgres(conn):  # the server checks its own GIN indexes
            conn.exec_driver_sql(
                "INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)")
    except Exception as exc:  # sqlite reports a corrupt index as an error
        problems.append(f"full-text index: {exc}")
    bad = conn.exec_driver_sql(
        "SELECT count(*) FROM search_units u LEFT JOIN transcripts t ON t.id = u.transcript_id "
        "WHERE t.id IS NULL OR u.end_offset > length(t.text) OR u.start_offset > u.end_offset"
    ).scalar_one()
    if bad:
        problems.append(f"{bad} index entries point outside their transcript")
    return problems


def rebuild(conn: Connection) -> None:
    """Drop and rebuild the whole index from the stored transcripts and highlights."""
    conn.exec_driver_sql("DELETE FROM search_units")
    conn.exec_driver_sql("DELETE FROM search_terms")
    if is_postgres(conn):
        conn.exec_driver_sql("INSERT INTO search_stale_transcripts SELECT id FROM transcripts "
                             "ON CONFLICT DO NOTHING")
        conn.exec_driver_sql("INSERT INTO search_stale_highlights SELECT id FROM highlights "
                             "ON CONFLICT DO NOTHING")
        refresh(conn)
        return
    conn.exec_driver_sql("INSERT INTO search_fts (search_fts) VALUES ('rebuild')")
    conn.exec_driver_sql("INSERT OR IGNORE INTO search_stale_transcripts SELECT id FROM transcripts")
    conn.exec_driver_sql("INSERT OR IGNORE INTO search_stale_highlights SELECT id FROM highlights")
    refresh(conn)


# --- search ------------------------------------------------------------------------------------


class UnitHit(NamedTuple):
    """One matching unit with what a result line shows (plain values, no rows).

    A named tuple: a page builds fifty of them straight from the cursor's rows.
    """

    unit_id: int
    transcript_id: int
    kind: str
    highlight_id: int | None
    turn_index: int | None
    section: str | None
    speaker: str | None
    speaker_kind: str | None
    start: int
    end: int
    text: str
    sha256: str
    company: str | None
    ticker: str | None
    title: str | None
    period: str | None
    date: str | None
    source_name: str


@dataclass(frozen=True, slots=True)
class TranscriptKey:
    """What filters look at, for every transcript (a small table: read it whole)."""

    id: int
    company: str | None
    ticker: str | None
    period: str | None
    date: str | None
    highlights: int
    source_name: str = ""


def version_hashes(conn: Connection) -> dict[str, int]:
    """Every file hash the library knows (current and earlier versions) -> its call's id, so a
    bulk import can skip known files before parsing them."""
    return {sha: tid for sha, tid in conn.exec_driver_sql(
        "SELECT sha256, transcript_id FROM transcript_versions")}


def transcript_keys(conn: Connection) -> list[TranscriptKey]:
    rows = conn.exec_driver_sql(
        f"SELECT t.id, {META_COLUMNS}, "
        "(SELECT count(*) FROM highlights h WHERE h.transcript_id = t.id), t.source_name "
        "FROM transcripts t ORDER BY t.id").all()
    return [TranscriptKey(id=r[0], company=r[1], ticker=r[2], period=r[3], date=r[4],
                          highlights=r[5], source_name=file_name_from_db(r[6])) for r in rows]


def search_units(conn: Connection, match: str, *, transcripts: Collection[int] | None = None,
                 section: str | None = None, speaker_kind: str | None = None,
                 kinds: Sequence[str] | None = None, overlapping_highlight: bool = False,
                 boosts: Sequence[tuple[str, float]] = (), offset: int = 0,
                 limit: int = 50, query: Query | None = None) -> list[UnitHit]:
    """Units matching the FTS5 expression `match`, best first, from rank position `offset`.

    Ranked by bm25 times the factor of each expression of `boosts` the unit also matches,
    within windows of `RANK_WINDOW` matches, newest window first (see the module docstring).
    `transcripts` (ids) narrow the match inside the index; `section`, `speaker_kind`, `kinds`
    and `overlapping_highlight` (highlight units and paragraphs under a highlight) are
    checked on each unit, since a filter token in the match would make bm25 read its whole
    list of units.

    On PostgreSQL the match comes from `query` (the expanded query `match` was made from)
    instead; see db.search_pg.
    """
    if is_postgres(conn):
        if query is None:
            raise ValueError("a search on PostgreSQL needs the parsed query")
        return _search_units_pg(conn, query, transcripts=transcripts, section=section,
                                speaker_kind=speaker_kind, kinds=kinds,
                                overlapping_highlight=overlapping_highlight, offset=offset,
                                limit=limit)
    expr = [f"({match})"]
    if transcripts is not None:
        if not transcripts:
            return []
        expr.append("meta : (" + " OR ".join(f'"t{int(t)}"' for t in transcripts) + ")")
    where: list[str] = []
    params: list[Any] = [" AND ".join(expr)]
    for column, letter, values in (("section", "s", [section] if section else []),
                                   ("speaker_kind", "k", [speaker_kind] if speaker_kind else []),
                                   ("kind", "u", list(kinds or ()))):
        if not values:
            continue
        known = [v for v in (filter_value(letter, v) for v in values) if v is not None]
        if not known:
            return []
        where.append(f"u.{column} IN ({', '.join('?' * len(known))})")
        params.extend(known)
    if overlapping_highlight:
        where.append("(u.kind != 'paragraph' OR EXISTS (SELECT 1 FROM highlights h "
                     "WHERE h.transcript_id = u.transcript_id AND h.start_offset < u.end_offset "
                     "AND h.end_offset > u.start_offset))")
    window, pos = divmod(max(0, offset), RANK_WINDOW)
    ids: list[int] = []
    while len(ids) < limit:
        ranked = _ranked_window(conn, params, where, boosts, window)
        ids.extend(ranked[pos:pos + limit - len(ids)])
        if len(ranked) < RANK_WINDOW:
            break
        window, pos = window + 1, 0
    return _unit_hits(conn, ids)


def _search_units_pg(conn: Connection, query: Query, *, transcripts: Collection[int] | None,
                     section: str | None, speaker_kind: str | None,
                     kinds: Sequence[str] | None, overlapping_highlight: bool, offset: int,
                     limit: int) -> list[UnitHit]:
    if transcripts is not None and not transcripts:
        return []
    where: list[str] = []
    params: list[Any] = []
    for column, letter, values in (("section", "s", [section] if section else []),
                                   ("speaker_kind", "k", [speaker_kind] if speaker_kind else []),
                                   ("kind", "u", list(kinds or ()))):
        if not values:
            continue
        known = [v for v in (filter_value(letter, v) for v in values) if v is not None]
        if not known:
            return []
        where.append(f"u.{column} = ANY(%s)")
        params.append(known)
    if overlapping_highlight:
        where.append("(u.kind != 'paragraph' OR EXISTS (SELECT 1 FROM highlights h "
                     "WHERE h.transcript_id = u.transcript_id AND h.start_offset < u.end_offset "
                     "AND h.end_offset > u.start_offset))")
    window, pos = divmod(max(0, offset), RANK_WINDOW)
    ids: list[int] = []
    while len(ids) < limit:
        ranked = search_unit_ids(conn, query, window_size=RANK_WINDOW,
                                 transcripts=transcripts, where=where, where_params=params,
                                 window=window)
        ids.extend(ranked[pos:pos + limit - len(ids)])
        if len(ranked) < RANK_WINDOW:
            break
        window, pos = window + 1, 0
    return _unit_hits(conn, ids)


def _ranked_window(conn: Connection, params: list[Any], where: list[str],
                   boosts: Sequence[tuple[str, float]], window: int) -> list[int]:
    """Unit ids of one window of matches (newest first), in rank order."""
    sql = f"SELECT f.rowid, {_BM25} FROM search_fts f"
    if where:  # the unit rows only when a filter reads them: the lookups cost a third more
        sql += " CROSS JOIN search_units u ON u.id = f.rowid"
    sql += " WHERE search_fts MATCH ?"
    for w in where:
        sql += " AND " + w
    sql += " ORDER BY f.rowid DESC LIMIT ? OFFSET ?"
    driver = _driver(conn)
    rows = driver.execute(sql, [*params, RANK_WINDOW, window * RANK_WINDOW]).fetchall()
    if not rows:
        return []
    if not boosts:
        rows.sort(key=_by_score)
        return [r[0] for r in rows]
    scores = {rowid: score for rowid, score in rows}
    low, high = rows[-1][0], rows[0][0]
    for expression, factor in boosts:
        for (rowid,) in driver.execute(
                "SELECT rowid FROM search_fts WHERE search_fts MATCH ? AND rowid >= ? "
                "AND rowid <= ?", (expression, low, high)):
            if rowid in scores:
                scores[rowid] *= factor  # bm25 is negative: more negative ranks higher
    return sorted(scores, key=lambda r: (scores[r], -r))


def _by_score(row: tuple[int, float]) -> tuple[float, int]:
    return row[1], -row[0]


def _driver(conn: Connection) -> Any:
    # The driver's own cursor, inside the caller's transaction: rows come as plain tuples,
    # without a result object per row on the way.
    driver = conn.connection.driver_connection
    assert driver is not None  # an open connection always has one
    return driver


def _unit_hits(conn: Connection, ids: Sequence[int]) -> list[UnitHit]:
    if not ids:
        return []
    sql = ("SELECT u.id, u.transcript_id, u.kind, u.highlight_id, u.turn_index, u.section, "
           "u.speaker, u.speaker_kind, u.start_offset, u.end_offset, "
           "coalesce(u.text, substr(t.text, u.start_offset + 1, u.end_offset - u.start_offset)), "
           f"t.sha256, {META_COLUMNS}, t.title, t.source_name "
           "FROM search_units u CROSS JOIN transcripts t ON t.id = u.transcript_id "
           f"WHERE u.id IN ({', '.join('?' * len(ids))})")
    if is_postgres(conn):
        sql = sql.replace("CROSS JOIN", "JOIN")  # SQLite's way to fix the join order
        found = conn.exec_driver_sql(_sql(conn, sql), tuple(ids)).all()
    else:
        found = _driver(conn).execute(sql, list(ids)).fetchall()
    rows = {r[0]: tuple(r) for r in found}
    return [_hit(rows[i]) for i in ids if i in rows]


def _hit(row: tuple[Any, ...]) -> UnitHit:
    (uid, tid, kind, hid, turn, section, speaker, speaker_kind, start, end, text, sha,
     company, ticker, period, date, title, source_name) = row
    return UnitHit(uid, tid, kind, hid, turn, section, speaker, speaker_kind, start, end, text,
                   sha, company, ticker, title, period, date, file_name_from_db(source_name))


def count_units(conn: Connection, match: str, query: Query | None = None) -> int:
    if is_postgres(conn):
        if query is None:
            raise ValueError("a count on PostgreSQL needs the parsed query")
        return count_matches(conn, query)
    return int(conn.exec_driver_sql("SELECT count(*) FROM search_fts WHERE search_fts MATCH ?",
                                    (match,)).scalar_one())

"""Prefix indexes for `word*` queries, and filter tokens too short to enter them.

Without a prefix index FTS5 answers `reven*` by merging the whole doclists of every word
that starts with `reven` (revenue, revenues, ...) before it can hand back the newest rows,
so a prefix query cost as much as reading every paragraph that has one of those words,
where a plain word reads only the newest entries. FTS5 uses a prefix index only for
prefixes of exactly its length, so the index keeps 3-, 4- and 5-character prefixes: the
stems people type, and the ones whose merges cost most. Longer prefixes match fewer words
(a common stem such as `revenu*` still merges two, about 1 ms over 2,700 calls); one- and
two-character ones would also copy every Chinese bigram of the `cjk` column.

A token enters every prefix index no longer than itself, so the filter tokens of the
`meta` column become two characters (`s` + section initial, `k` + speaker-kind initial,
`u` + unit-kind initial; `t<id>` for the transcript), and the index of units by highlight
no longer lists the paragraphs, which have none.

The index is rebuilt here from the units already stored (no parsing): the view gives every
unit's columns. Writing the prefix indexes costs an import about half as much again in the
process that stores the calls, and the index grows from about 0.55x to 1.4x the raw text.

Revision ID: 0004
Revises: 0003
Create Date: 2026-01-27
"""

from __future__ import annotations

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | None = None
depends_on: str | None = None

_WORDS = """coalesce(u.words, u.text,
                        substr(t.text, u.start_offset + 1, u.end_offset - u.start_offset))"""

# Frozen here on purpose: a later change to the index is a new migration.
_UPGRADE = (
    "DROP TABLE search_fts",
    "DROP VIEW search_content",
    f"""CREATE VIEW search_content AS
        SELECT u.id AS id,
               {_WORDS} AS words,
               coalesce(u.cjk, '') AS cjk,
               't' || u.transcript_id
                   || ' s' || substr(coalesce(u.section, 'n'), 1, 1)
                   || ' k' || substr(coalesce(u.speaker_kind, 'n'), 1, 1)
                   || ' u' || substr(u.kind, 1, 1) AS meta
        FROM search_units u JOIN transcripts t ON t.id = u.transcript_id""",
    """CREATE VIRTUAL TABLE search_fts USING fts5 (
        words, cjk, meta,
        content = 'search_content', content_rowid = 'id', columnsize = 0,
        tokenize = 'unicode61 remove_diacritics 2', prefix = '3 4 5'
    )""",
    "DROP INDEX ix_search_units_highlight_id",
    "CREATE INDEX ix_search_units_highlight_id ON search_units (highlight_id) "
    "WHERE highlight_id IS NOT NULL",
)

_DOWNGRADE = (
    "DROP TABLE search_fts",
    "DROP VIEW search_content",
    f"""CREATE VIEW search_content AS
        SELECT u.id AS id,
               {_WORDS} AS words,
               coalesce(u.cjk, '') AS cjk,
               'xt' || u.transcript_id || ' xs' || coalesce(u.section, 'none')
                   || ' xk' || coalesce(u.speaker_kind, 'none') || ' xu' || u.kind AS meta
        FROM search_units u JOIN transcripts t ON t.id = u.transcript_id""",
    """CREATE VIRTUAL TABLE search_fts USING fts5 (
        words, cjk, meta,
        content = 'search_content', content_rowid = 'id', columnsize = 0,
        tokenize = 'unicode61 remove_diacritics 2'
    )""",
    "DROP INDEX ix_search_units_highlight_id",
    "CREATE INDEX ix_search_units_highlight_id ON search_units (highlight_id)",
)


def _run(statements: tuple[str, ...]) -> None:
    conn = op.get_bind()
    for statement in statements:
        conn.exec_driver_sql(statement)
    # The trigger search_units_bd names the view and the table; it works again now that
    # both exist. The units are all there: index them from the view.
    conn.exec_driver_sql("INSERT INTO search_fts (search_fts) VALUES ('rebuild')")


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        return  # FTS5 only: 0003 made the PostgreSQL design whole
    _run(_UPGRADE)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        return  # FTS5 only: 0003 made the PostgreSQL design whole
    _run(_DOWNGRADE)

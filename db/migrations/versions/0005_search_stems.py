"""Ranking and stemming: column sizes for bm25, and a vocabulary of stems beside the index.

bm25 needs each unit's length in tokens. 0004's index was made with `columnsize=0`, so FTS5
would tokenize every matching unit again (through the view, from the transcript text) to
rank it; the index is rebuilt here with its sizes stored, which adds a few bytes per unit.

`search_terms` maps every indexed English word whose Porter2 stem differs from it to that
stem, so that a query word can be widened to the words sharing its stem (`cost` finds
`costs`) while the index keeps words as written and quoted phrases stay exact. It is filled
here from the units already stored (no parsing): the view gives every unit's words.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | None = None
depends_on: str | None = None

# Frozen here on purpose: a later change to the index is a new migration.
_UPGRADE = (
    "DROP TABLE search_fts",
    """CREATE VIRTUAL TABLE search_fts USING fts5 (
        words, cjk, meta,
        content = 'search_content', content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2', prefix = '3 4 5'
    )""",
    "CREATE TABLE search_terms (term TEXT NOT NULL PRIMARY KEY, stem TEXT NOT NULL) "
    "WITHOUT ROWID",
    "CREATE INDEX ix_search_terms_stem ON search_terms (stem)",
)

_DOWNGRADE = (
    "DROP TABLE search_terms",
    "DROP TABLE search_fts",
    """CREATE VIRTUAL TABLE search_fts USING fts5 (
        words, cjk, meta,
        content = 'search_content', content_rowid = 'id', columnsize = 0,
        tokenize = 'unicode61 remove_diacritics 2', prefix = '3 4 5'
    )""",
)

_BATCH = 2000


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        return  # FTS5 only: 0003 made the PostgreSQL design whole
    from reader.core.search_text import index_terms

    conn = op.get_bind()
    for statement in _UPGRADE:
        conn.exec_driver_sql(statement)
    conn.exec_driver_sql("INSERT INTO search_fts (search_fts) VALUES ('rebuild')")
    rows = conn.exec_driver_sql("SELECT words FROM search_content")
    while batch := rows.fetchmany(_BATCH):
        terms = index_terms([r[0] for r in batch if r[0]])
        if terms:
            conn.exec_driver_sql("INSERT OR IGNORE INTO search_terms (term, stem) VALUES (?, ?)",
                                 terms)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        return  # FTS5 only: 0003 made the PostgreSQL design whole
    conn = op.get_bind()
    for statement in _DOWNGRADE:
        conn.exec_driver_sql(statement)
    conn.exec_driver_sql("INSERT INTO search_fts (search_fts) VALUES ('rebuild')")

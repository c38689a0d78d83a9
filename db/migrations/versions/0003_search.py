"""Full-text search over the library: index tables, the FTS5 table, triggers, and a back-fill.

See db/search_index.py for the layout and why it is built this way. Transcripts and
highlights already in the library are indexed here, inside the migration's transaction:
each stored text is parsed again in the layout it was stored with.

Revision ID: 0003
Revises: 0002
Create Date: 2026-01-20
"""

from __future__ import annotations

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None

# Frozen here on purpose: a later change to the index is a new migration.
_SCHEMA = (
    """CREATE TABLE search_units (
        id INTEGER NOT NULL PRIMARY KEY,
        transcript_id INTEGER NOT NULL REFERENCES transcripts (id) ON DELETE CASCADE,
        kind VARCHAR(16) NOT NULL,
        highlight_id INTEGER REFERENCES highlights (id) ON DELETE CASCADE,
        turn_index INTEGER,
        section VARCHAR(16),
        speaker TEXT,
        speaker_kind VARCHAR(16),
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        text TEXT,
        words TEXT,
        cjk TEXT
    )""",
    "CREATE INDEX ix_search_units_transcript_id_start_offset "
    "ON search_units (transcript_id, start_offset)",
    "CREATE INDEX ix_search_units_highlight_id ON search_units (highlight_id)",
    """CREATE TABLE search_stale_transcripts (
        transcript_id INTEGER NOT NULL PRIMARY KEY
            REFERENCES transcripts (id) ON DELETE CASCADE
    )""",
    "CREATE TABLE search_stale_highlights (highlight_id INTEGER NOT NULL PRIMARY KEY)",
    """CREATE VIEW search_content AS
        SELECT u.id AS id,
               coalesce(u.words, u.text,
                        substr(t.text, u.start_offset + 1, u.end_offset - u.start_offset))
                   AS words,
               coalesce(u.cjk, '') AS cjk,
               'xt' || u.transcript_id || ' xs' || coalesce(u.section, 'none')
                   || ' xk' || coalesce(u.speaker_kind, 'none') || ' xu' || u.kind AS meta
        FROM search_units u JOIN transcripts t ON t.id = u.transcript_id""",
    """CREATE VIRTUAL TABLE search_fts USING fts5 (
        words, cjk, meta,
        content = 'search_content', content_rowid = 'id', columnsize = 0,
        tokenize = 'unicode61 remove_diacritics 2'
    )""",
    # An external-content index must be told the old values to delete an entry: do it while
    # the unit, and the transcript text it points into, still exist.
    """CREATE TRIGGER search_units_bd BEFORE DELETE ON search_units BEGIN
        INSERT INTO search_fts (search_fts, rowid, words, cjk, meta)
            SELECT 'delete', id, words, cjk, meta FROM search_content WHERE id = old.id;
    END""",
    """CREATE TRIGGER search_transcripts_bd BEFORE DELETE ON transcripts BEGIN
        DELETE FROM search_units WHERE transcript_id = old.id;
    END""",
    """CREATE TRIGGER search_transcripts_bu BEFORE UPDATE OF text ON transcripts BEGIN
        DELETE FROM search_units WHERE transcript_id = old.id AND kind = 'paragraph';
        INSERT OR IGNORE INTO search_stale_transcripts (transcript_id) VALUES (old.id);
    END""",
    """CREATE TRIGGER search_transcripts_ai AFTER INSERT ON transcripts BEGIN
        INSERT OR IGNORE INTO search_stale_transcripts (transcript_id) VALUES (new.id);
    END""",
    """CREATE TRIGGER search_highlights_ai AFTER INSERT ON highlights BEGIN
        INSERT OR IGNORE INTO search_stale_highlights (highlight_id) VALUES (new.id);
    END""",
    """CREATE TRIGGER search_highlights_au AFTER UPDATE ON highlights BEGIN
        INSERT OR IGNORE INTO search_stale_highlights (highlight_id) VALUES (new.id);
    END""",
    """CREATE TRIGGER search_highlights_bd BEFORE DELETE ON highlights BEGIN
        DELETE FROM search_units WHERE highlight_id = old.id;
        DELETE FROM search_stale_highlights WHERE highlight_id = old.id;
    END""",
    """CREATE TRIGGER search_highlight_tags_ai AFTER INSERT ON highlight_tags BEGIN
        INSERT OR IGNORE INTO search_stale_highlights (highlight_id) VALUES (new.highlight_id);
    END""",
    """CREATE TRIGGER search_highlight_tags_ad AFTER DELETE ON highlight_tags BEGIN
        INSERT OR IGNORE INTO search_stale_highlights (highlight_id)
            SELECT id FROM highlights WHERE id = old.highlight_id;
    END""",
    """CREATE TRIGGER search_tags_au AFTER UPDATE OF name ON tags BEGIN
        INSERT OR IGNORE INTO search_stale_highlights (highlight_id)
            SELECT highlight_id FROM highlight_tags WHERE tag_id = new.id;
    END""",
)

_DROP = (
    "DROP TRIGGER search_tags_au", "DROP TRIGGER search_highlight_tags_ad",
    "DROP TRIGGER search_highlight_tags_ai", "DROP TRIGGER search_highlights_bd",
    "DROP TRIGGER search_highlights_au", "DROP TRIGGER search_highlights_ai",
    "DROP TRIGGER search_transcripts_ai", "DROP TRIGGER search_transcripts_bu",
    "DROP TRIGGER search_transcripts_bd", "DROP TRIGGER search_units_bd",
    "DROP TABLE search_fts", "DROP VIEW search_content", "DROP TABLE search_stale_highlights",
    "DROP TABLE search_stale_transcripts", "DROP TABLE search_units",
)


def upgrade() -> None:
    conn = op.get_bind()
    for statement in _SCHEMA:
        conn.exec_driver_sql(statement)
    conn.exec_driver_sql("INSERT INTO search_stale_transcripts SELECT id FROM transcripts")
    conn.exec_driver_sql("INSERT INTO search_stale_highlights SELECT id FROM highlights")
    from db.search_index import refresh  # the back-fill: parse and index what is stored

    refresh(conn)


def downgrade() -> None:
    conn = op.get_bind()
    for statement in _DROP:
        conn.exec_driver_sql(statement)

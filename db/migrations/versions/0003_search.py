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


# The PostgreSQL design, made whole here (0004 and 0005 change only SQLite's FTS5 index): each
# unit keeps its words and its Chinese grams as tsvectors that db.search_index writes itself
# from the same tokens FTS5 sees, with GIN indexes; no view and no external content, so the
# triggers only queue work and foreign keys delete what hangs off a call or a highlight.
_PG_SCHEMA = (
    """CREATE TABLE search_units (
        id SERIAL PRIMARY KEY,
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
        words TSVECTOR NOT NULL DEFAULT ''::tsvector,
        cjk TSVECTOR NOT NULL DEFAULT ''::tsvector
    )""",
    "CREATE INDEX ix_search_units_transcript_id_start_offset "
    "ON search_units (transcript_id, start_offset)",
    "CREATE INDEX ix_search_units_highlight_id ON search_units (highlight_id) "
    "WHERE highlight_id IS NOT NULL",
    "CREATE INDEX ix_search_units_words ON search_units USING gin (words)",
    "CREATE INDEX ix_search_units_cjk ON search_units USING gin (cjk)",
    """CREATE TABLE search_stale_transcripts (
        transcript_id INTEGER PRIMARY KEY REFERENCES transcripts (id) ON DELETE CASCADE
    )""",
    "CREATE TABLE search_stale_highlights (highlight_id INTEGER PRIMARY KEY)",
    # Byte order, as SQLite compares: the prefix range on stems must not follow a locale.
    'CREATE TABLE search_terms (term TEXT COLLATE "C" PRIMARY KEY, stem TEXT COLLATE "C" '
    "NOT NULL)",
    "CREATE INDEX ix_search_terms_stem ON search_terms (stem)",
    """CREATE FUNCTION search_queue_transcript() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'UPDATE' THEN
            DELETE FROM search_units WHERE transcript_id = old.id AND kind = 'paragraph';
        END IF;
        INSERT INTO search_stale_transcripts (transcript_id) VALUES (new.id)
            ON CONFLICT DO NOTHING;
        RETURN new;
    END $$""",
    """CREATE TRIGGER search_transcripts_ai AFTER INSERT ON transcripts
        FOR EACH ROW EXECUTE FUNCTION search_queue_transcript()""",
    """CREATE TRIGGER search_transcripts_bu BEFORE UPDATE OF text ON transcripts
        FOR EACH ROW EXECUTE FUNCTION search_queue_transcript()""",
    """CREATE FUNCTION search_queue_highlight() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'DELETE' THEN
            DELETE FROM search_stale_highlights WHERE highlight_id = old.id;
            RETURN old;
        END IF;
        INSERT INTO search_stale_highlights (highlight_id) VALUES (new.id)
            ON CONFLICT DO NOTHING;
        RETURN new;
    END $$""",
    """CREATE TRIGGER search_highlights_aiu AFTER INSERT OR UPDATE ON highlights
        FOR EACH ROW EXECUTE FUNCTION search_queue_highlight()""",
    """CREATE TRIGGER search_highlights_ad AFTER DELETE ON highlights
        FOR EACH ROW EXECUTE FUNCTION search_queue_highlight()""",
    """CREATE FUNCTION search_queue_highlight_tags() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_TABLE_NAME = 'tags' THEN
            INSERT INTO search_stale_highlights (highlight_id)
                SELECT highlight_id FROM highlight_tags WHERE tag_id = new.id
                ON CONFLICT DO NOTHING;
            RETURN new;
        END IF;
        IF TG_OP = 'INSERT' THEN
            INSERT INTO search_stale_highlights (highlight_id) VALUES (new.highlight_id)
                ON CONFLICT DO NOTHING;
            RETURN new;
        END IF;
        INSERT INTO search_stale_highlights (highlight_id)
            SELECT id FROM highlights WHERE id = old.highlight_id ON CONFLICT DO NOTHING;
        RETURN old;
    END $$""",
    """CREATE TRIGGER search_highlight_tags_aid AFTER INSERT OR DELETE ON highlight_tags
        FOR EACH ROW EXECUTE FUNCTION search_queue_highlight_tags()""",
    """CREATE TRIGGER search_tags_au AFTER UPDATE OF name ON tags
        FOR EACH ROW EXECUTE FUNCTION search_queue_highlight_tags()""",
)

_PG_DROP = (
    "DROP TABLE search_terms", "DROP TABLE search_stale_highlights",
    "DROP TABLE search_stale_transcripts", "DROP TABLE search_units",
    "DROP TRIGGER search_tags_au ON tags",
    "DROP TRIGGER search_highlight_tags_aid ON highlight_tags",
    "DROP TRIGGER search_highlights_ad ON highlights",
    "DROP TRIGGER search_highlights_aiu ON highlights",
    "DROP TRIGGER search_transcripts_bu ON transcripts",
    "DROP TRIGGER search_transcripts_ai ON transcripts",
    "DROP FUNCTION search_queue_highlight_tags()", "DROP FUNCTION search_queue_highlight()",
    "DROP FUNCTION search_queue_transcript()",
)


def upgrade() -> None:
    conn = op.get_bind()
    postgres = conn.dialect.name == "postgresql"
    for statement in _PG_SCHEMA if postgres else _SCHEMA:
        conn.exec_driver_sql(statement)
    conn.exec_driver_sql("INSERT INTO search_stale_transcripts SELECT id FROM transcripts")
    conn.exec_driver_sql("INSERT INTO search_stale_highlights SELECT id FROM highlights")
    from db.search_index import refresh  # the back-fill: parse and index what is stored

    refresh(conn)


def downgrade() -> None:
    conn = op.get_bind()
    for statement in _PG_DROP if conn.dialect.name == "postgresql" else _DROP:
        conn.exec_driver_sql(statement)

"""The first library schema: transcripts and their versions, colours, highlights, tags.

Revision ID: 0001
Revises:
Create Date: 2026-01-10
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None

# Frozen here on purpose: later changes to the defaults in db.models must not rewrite history.
_COLOURS = (("yellow", "Guidance", 0), ("red", "Risk", 1), ("green", "Numbers", 2),
            ("blue", "Question", 3))


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        # SQLite's NOCASE, which tag names use: ICU's case-insensitive comparison (level 2),
        # nondeterministic so that equality and the unique index ignore case too.
        op.execute('CREATE COLLATION IF NOT EXISTS "NOCASE" (provider = icu, '
                   "locale = 'und-u-ks-level2', deterministic = false)")
    colours = op.create_table(
        "colours",
        sa.Column("key", sa.String(32), nullable=False),
        sa.Column("display_name", sa.String(80), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_colours")),
    )
    op.bulk_insert(colours, [{"key": k, "display_name": n, "position": p} for k, n, p in _COLOURS])

    op.create_table(
        "transcripts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("source_path", sa.Text(), nullable=False),
        sa.Column("source_name", sa.Text(), nullable=False),
        sa.Column("company", sa.Text(), nullable=True),
        sa.Column("ticker", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("period", sa.Text(), nullable=True),
        sa.Column("date", sa.Text(), nullable=True),
        sa.Column("format", sa.String(40), nullable=False),
        sa.Column("encoding", sa.String(40), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_transcripts")),
        sa.UniqueConstraint("sha256", name=op.f("uq_transcripts_sha256")),
    )
    op.create_index(op.f("ix_transcripts_source_path"), "transcripts", ["source_path"])

    op.create_table(
        "transcript_versions",
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("transcript_id", sa.Integer(), nullable=False),
        sa.Column("source_path", sa.Text(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["transcript_id"], ["transcripts.id"], ondelete="CASCADE",
                                name=op.f("fk_transcript_versions_transcript_id_transcripts")),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_transcript_versions")),
    )
    op.create_index(op.f("ix_transcript_versions_transcript_id"), "transcript_versions",
                    ["transcript_id"])

    op.create_table(
        "highlights",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("transcript_id", sa.Integer(), nullable=False),
        sa.Column("turn_index", sa.Integer(), nullable=True),
        sa.Column("start_offset", sa.Integer(), nullable=False),
        sa.Column("end_offset", sa.Integer(), nullable=False),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("prefix", sa.Text(), nullable=False),
        sa.Column("suffix", sa.Text(), nullable=False),
        sa.Column("colour", sa.String(32), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("orphaned", sa.Boolean(), nullable=False),
        sa.CheckConstraint("start_offset >= 0 AND end_offset >= start_offset",
                           name=op.f("ck_highlights_offsets")),
        sa.ForeignKeyConstraint(["colour"], ["colours.key"], onupdate="CASCADE",
                                ondelete="RESTRICT", name=op.f("fk_highlights_colour_colours")),
        sa.ForeignKeyConstraint(["transcript_id"], ["transcripts.id"], ondelete="CASCADE",
                                name=op.f("fk_highlights_transcript_id_transcripts")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_highlights")),
        sqlite_autoincrement=True,
    )

    op.create_table(
        "tags",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(80, collation="NOCASE"), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tags")),
        sa.UniqueConstraint("name", name=op.f("uq_tags_name")),
    )

    op.create_table(
        "highlight_tags",
        sa.Column("highlight_id", sa.Integer(), nullable=False),
        sa.Column("tag_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["highlight_id"], ["highlights.id"], ondelete="CASCADE",
                                name=op.f("fk_highlight_tags_highlight_id_highlights")),
        sa.ForeignKeyConstraint(["tag_id"], ["tags.id"], ondelete="CASCADE",
                                name=op.f("fk_highlight_tags_tag_id_tags")),
        sa.PrimaryKeyConstraint("highlight_id", "tag_id", name=op.f("pk_highlight_tags")),
    )


def downgrade() -> None:
    op.drop_table("highlight_tags")
    op.drop_table("tags")
    op.drop_table("highlights")
    op.drop_index(op.f("ix_transcript_versions_transcript_id"), table_name="transcript_versions")
    op.drop_table("transcript_versions")
    op.drop_index(op.f("ix_transcripts_source_path"), table_name="transcripts")
    op.drop_table("transcripts")
    op.drop_table("colours")
    if op.get_bind().dialect.name == "postgresql":
        op.execute('DROP COLLATION IF EXISTS "NOCASE"')

"""Indexes for the two hot reads: a transcript's highlights in reading order, highlights by tag.

Without them, opening a transcript scans every highlight in the library and filtering an export
by tag scans every link row.

Revision ID: 0002
Revises: 0001
Create Date: 2026-01-12
"""

from __future__ import annotations

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_index("ix_highlights_transcript_id_start_offset", "highlights",
                    ["transcript_id", "start_offset"])
    op.create_index("ix_highlight_tags_tag_id", "highlight_tags", ["tag_id"])


def downgrade() -> None:
    op.drop_index("ix_highlight_tags_tag_id", table_name="highlight_tags")
    op.drop_index("ix_highlights_transcript_id_start_offset", table_name="highlights")

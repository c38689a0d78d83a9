"""The user's own company, ticker, period and date for a call, beside what parsing found.

The detected values (`company`, `ticker`, `period`, `date`) are rewritten by every
re-import and metadata refresh; the user's (`user_*`) never are. NULL means "not edited"
(the detected value shows), an empty string "edited to nothing". Adding nullable columns
changes no row.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | None = None
depends_on: str | None = None

_COLUMNS = ("user_company", "user_ticker", "user_period", "user_date")


def upgrade() -> None:
    for name in _COLUMNS:
        op.add_column("transcripts", sa.Column(name, sa.Text(), nullable=True))


def downgrade() -> None:
    # SQLite's own DROP COLUMN (3.35+): batch mode would rebuild the table, which the
    # search index's triggers on it do not survive.
    conn = op.get_bind()
    for name in reversed(_COLUMNS):
        conn.exec_driver_sql(f"ALTER TABLE transcripts DROP COLUMN {name}")

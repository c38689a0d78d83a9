"""Authors, roles and versions for a shared library: who wrote each highlight, note and tag.

`highlights.author` is who made the highlight, `note_author` who last wrote its note,
`tags.author` who first used the tag name; `''` is "before authors were kept", which anyone
may edit. `highlights.version` counts saves, so that a save made from a stale copy is refused
instead of silently overwriting someone else's (db.repository.update_highlight).

`roles` grants users more, or less, than a member has: `reader` (reads only), `member`
(adds highlights, edits and deletes their own: anyone not listed), `admin` (edits and deletes
anyone's, and sets roles). A library with no roles at all is a personal one: no checks.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    for name in ("author", "note_author"):
        op.add_column("highlights", sa.Column(name, sa.Text(), nullable=False,
                                              server_default=""))
    op.add_column("highlights", sa.Column("version", sa.Integer(), nullable=False,
                                          server_default="1"))
    op.add_column("tags", sa.Column("author", sa.Text(), nullable=False, server_default=""))
    op.create_table(
        "roles",
        sa.Column("user_name", sa.Text(), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.CheckConstraint("role IN ('reader', 'member', 'admin')", name=op.f("ck_roles_role")),
        sa.PrimaryKeyConstraint("user_name", name=op.f("pk_roles")),
    )


def downgrade() -> None:
    op.drop_table("roles")
    # SQLite's own DROP COLUMN (3.35+), as 0006: batch mode would rebuild the tables, which
    # the search index's triggers on them do not survive.
    conn = op.get_bind()
    conn.exec_driver_sql("ALTER TABLE tags DROP COLUMN author")
    for name in ("version", "note_author", "author"):
        conn.exec_driver_sql(f"ALTER TABLE highlights DROP COLUMN {name}")

"""Alembic environment: migrations run only on the connection db.engine hands over.

There is no alembic.ini and no offline mode: db.engine.migrate() builds the Config in code,
takes the backup, opens a connection (foreign keys off, BEGIN IMMEDIATE) and passes it in
`config.attributes["connection"]`.
"""

from __future__ import annotations

from alembic import context

from db.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through db.engine.open_database(), not the alembic command")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode rebuilds the table
)
with context.begin_transaction():
    context.run_migrations()

"""Change notices on a server: other clients hear of new and changed highlights and calls.

On PostgreSQL a trigger sends `pg_notify('reader_changes', …)` for every row written to
`highlights` and `transcripts`: the table, the row's id, its call, and the writing client's
`application_name`, so a client can skip its own. PostgreSQL delivers a notice only when
its transaction commits, so nobody hears of a change that was rolled back.
db.server.ChangeListener listens. A file library has no server to tell: nothing changes
there (other programs' writes are seen at the next read).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | None = None
depends_on: str | None = None

CHANNEL = "reader_changes"  # frozen here: db.server.CHANNEL names the same channel

_UPGRADE = (
    f"""CREATE FUNCTION reader_notify() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
        r record;
        call integer;
    BEGIN
        IF TG_OP = 'DELETE' THEN r := old; ELSE r := new; END IF;
        IF TG_TABLE_NAME = 'transcripts' THEN call := r.id; ELSE call := r.transcript_id; END IF;
        PERFORM pg_notify('{CHANNEL}', json_build_object(
            'table', TG_TABLE_NAME, 'op', lower(TG_OP), 'id', r.id, 'transcript_id', call,
            'client', current_setting('application_name'))::text);
        RETURN NULL;
    END $$""",
    """CREATE TRIGGER reader_notify_highlights AFTER INSERT OR UPDATE OR DELETE ON highlights
        FOR EACH ROW EXECUTE FUNCTION reader_notify()""",
    """CREATE TRIGGER reader_notify_transcripts AFTER INSERT OR DELETE OR UPDATE OF text,
        company, ticker, period, date, user_company, user_ticker, user_period, user_date
        ON transcripts FOR EACH ROW EXECUTE FUNCTION reader_notify()""",
)

_DOWNGRADE = (
    "DROP TRIGGER reader_notify_transcripts ON transcripts",
    "DROP TRIGGER reader_notify_highlights ON highlights",
    "DROP FUNCTION reader_notify()",
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return  # a file has no server to tell
    for statement in _UPGRADE:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for statement in _DOWNGRADE:
        op.execute(statement)

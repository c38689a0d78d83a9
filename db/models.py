"""The library's tables as SQLAlchemy 2 typed models; only db/ sees these rows.

Offsets (`start_offset`, `end_offset`) are Python str offsets into `TranscriptRow.text`, the
decoded source text, never into converted or cleaned text. The schema itself is created and
changed only by the Alembic migrations in db/migrations; these models must describe the head
revision exactly (a test compares them).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

# SQLAlchemy at module level, allowed here only: db/ is the layer that exists to use it.
from sqlalchemy import (  # noqa: TID253
    Boolean,
    CheckConstraint,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column  # noqa: TID253

NAMING_CONVENTION: dict[str, str] = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
"""Named constraints, so that Alembic's batch mode can find them again when it rebuilds a table."""


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in, aware UTC datetimes out (SQLite itself keeps naive text)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the library; use datetime.now(UTC)")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC)


_RAW_NAME = "\ufffe"
"""Marks, on PostgreSQL, a name stored as its bytes (a noncharacter no real name holds)."""


def file_name_from_db(value: str | bytes) -> str:
    """A stored file name or path as the system gave it (see `FileName`)."""
    if isinstance(value, bytes):
        return value.decode("utf-8", "surrogateescape")
    if value.startswith(_RAW_NAME):
        return value[1:].encode("latin-1").decode("utf-8", "surrogateescape")
    return value


class FileName(TypeDecorator[str]):
    """File names and paths, lossless: one with bytes that are not UTF-8 (kept by Python as
    surrogate escapes, which SQLite's UTF-8 text cannot hold) is stored as those bytes, a
    BLOB in the TEXT column; every other name stays ordinary text. PostgreSQL's text column
    takes no bytes: there such a name is its bytes as Latin-1 text after a U+FFFE mark."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | bytes | None:
        if value is None:
            return None
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raw = value.encode("utf-8", "surrogateescape")
            if dialect.name == "postgresql":
                return _RAW_NAME + raw.decode("latin-1")
            return raw
        return value

    def process_result_value(self, value: Any, dialect: Dialect) -> str | None:
        return None if value is None else file_name_from_db(value)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class ColourRow(Base):
    """A highlight colour: a fixed key the UI paints with, and a name the user may change."""

    __tablename__ = "colours"

    key: Mapped[str] = mapped_column(String(32), primary_key=True)
    display_name: Mapped[str] = mapped_column(String(80))
    position: Mapped[int] = mapped_column(Integer)


class TranscriptRow(Base):
    """One call in the library, with its decoded text so it opens without the original file."""

    __tablename__ = "transcripts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    source_path: Mapped[str] = mapped_column(FileName, index=True)
    source_name: Mapped[str] = mapped_column(FileName)
    company: Mapped[str | None] = mapped_column(Text)
    ticker: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    period: Mapped[str | None] = mapped_column(Text)
    date: Mapped[str | None] = mapped_column(Text)
    format: Mapped[str] = mapped_column(String(40))
    encoding: Mapped[str] = mapped_column(String(40))
    text: Mapped[str] = mapped_column(Text)
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # The user's own values (migration 0006): NULL shows the detected one above, '' none.
    user_company: Mapped[str | None] = mapped_column(Text)
    user_ticker: Mapped[str | None] = mapped_column(Text)
    user_period: Mapped[str | None] = mapped_column(Text)
    user_date: Mapped[str | None] = mapped_column(Text)


class TranscriptVersionRow(Base):
    """Every file version ever imported for a call, so an old copy is recognised (and old links resolve)."""

    __tablename__ = "transcript_versions"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    transcript_id: Mapped[int] = mapped_column(
        ForeignKey("transcripts.id", ondelete="CASCADE"), index=True)
    source_path: Mapped[str] = mapped_column(FileName)
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime())


class HighlightRow(Base):
    __tablename__ = "highlights"
    __table_args__ = (
        CheckConstraint("start_offset >= 0 AND end_offset >= start_offset", name="offsets"),
        Index("ix_highlights_transcript_id_start_offset", "transcript_id", "start_offset"),
        # Ids are never reused: undo restores a deleted highlight under its old id, and
        # back-links in exported notes may name it.
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    transcript_id: Mapped[int] = mapped_column(ForeignKey("transcripts.id", ondelete="CASCADE"))
    turn_index: Mapped[int | None] = mapped_column(Integer)
    start_offset: Mapped[int] = mapped_column(Integer)
    end_offset: Mapped[int] = mapped_column(Integer)
    quote: Mapped[str] = mapped_column(Text)
    prefix: Mapped[str] = mapped_column(Text, default="")
    suffix: Mapped[str] = mapped_column(Text, default="")
    colour: Mapped[str] = mapped_column(
        ForeignKey("colours.key", onupdate="CASCADE", ondelete="RESTRICT"))
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    orphaned: Mapped[bool] = mapped_column(Boolean, default=False)
    # Migration 0007: who made it, who last wrote its note ('' before authors were kept), and
    # how many saves it has had (a save from a stale copy is refused).
    author: Mapped[str] = mapped_column(Text, default="", server_default="")
    note_author: Mapped[str] = mapped_column(Text, default="", server_default="")
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")


class TagRow(Base):
    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(80, collation="NOCASE"), unique=True)
    author: Mapped[str] = mapped_column(Text, default="", server_default="")  # who first used it


class HighlightTagRow(Base):
    __tablename__ = "highlight_tags"
    __table_args__ = (Index("ix_highlight_tags_tag_id", "tag_id"),)

    highlight_id: Mapped[int] = mapped_column(
        ForeignKey("highlights.id", ondelete="CASCADE"), primary_key=True)
    tag_id: Mapped[int] = mapped_column(ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True)


class RoleRow(Base):
    """What a user may do beyond a member's rights, or less (migration 0007)."""

    __tablename__ = "roles"
    __table_args__ = (CheckConstraint("role IN ('reader', 'member', 'admin')", name="role"),)

    user_name: Mapped[str] = mapped_column(Text, primary_key=True)
    role: Mapped[str] = mapped_column(String(16))


DEFAULT_COLOURS: tuple[tuple[str, str], ...] = (
    ("yellow", "Guidance"),
    ("red", "Risk"),
    ("green", "Numbers"),
    ("blue", "Question"),
)
"""Seeded by the first migration; the keys are fixed, the names are the user's to change."""

"""Every preference and remembered state of the app: one typed module over QSettings.

Each key is declared once below with its type, default and allowed values; widgets read and
write them through `Settings` properties and never call `QSettings()` themselves. Values
read back are validated: a hand-edited or stale file yields the default, never a crash.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from typing import Generic, TypeVar, cast
from urllib.parse import urlsplit, urlunsplit

from PySide6.QtCore import QByteArray, QSettings

from reader.core.labels import SCRIPTS

ORGANIZATION = "TranscriptReader"
APPLICATION = "transcript-reader"

LAYOUT_MODES = ("side_by_side", "interleaved", "original_only", "interpretation_only")
MAX_RECENT_FILES = 10
MAX_RECENT_LIBRARIES = 8
MAX_READING_POSITIONS = 1000
"""Positions are kept for this many transcripts (the least recently read go first), so the
file read at every start-up stays small however many calls an analyst opens over the years."""

T = TypeVar("T", str, bool, int, float)


@dataclass(frozen=True, slots=True)
class Key(Generic[T]):
    """A scalar setting: where it is stored, its default, and what values are valid."""

    name: str
    default: T
    choices: tuple[T, ...] | None = None
    minimum: float | None = None
    maximum: float | None = None

    def coerce(self, raw: object) -> T:
        """The stored value as this key's type, or the default if it does not fit."""
        value = _convert(raw, self.default)
        if value is None:
            return self.default
        if self.choices is not None and value not in self.choices:
            return self.default
        if isinstance(value, int | float) and not isinstance(value, bool):
            if self.minimum is not None and value < self.minimum:
                return self.default
            if self.maximum is not None and value > self.maximum:
                return self.default
        return cast(T, value)  # _convert returned the type of self.default


def _convert(raw: object, default: object) -> object:
    """`raw` as the type of `default`, or None."""
    # INI files store everything as text: "true", "12"; native stores may keep types.
    if raw is None:
        return None
    if isinstance(default, bool):
        if isinstance(raw, bool):
            return raw
        text = str(raw).strip().lower()
        if text in ("true", "1", "yes"):
            return True
        if text in ("false", "0", "no"):
            return False
        return None
    if isinstance(default, float):
        try:
            number = float(str(raw).strip())
        except ValueError:
            return None
        return number if math.isfinite(number) else None
    if isinstance(default, int):
        try:
            return int(str(raw).strip())
        except ValueError:
            return None
    return str(raw)


SCRIPT: Key[str] = Key("view/script", "none", choices=SCRIPTS)
"""Chinese script conversion: as in the file, or an OpenCC configuration."""
JOIN_CJK_SPACES: Key[bool] = Key("view/join_cjk_spaces", True)
"""Remove the spaces speech recognition puts between Chinese characters."""
HIDE_FILLERS: Key[bool] = Key("view/hide_fillers", False)
LAYOUT_MODE: Key[str] = Key("view/layout_mode", "side_by_side", choices=LAYOUT_MODES)
FONT_POINT_SIZE: Key[float] = Key("view/font_point_size", 13.0, minimum=6.0, maximum=48.0)
"""Reading text size; zooming steps by about 10%, so half points occur."""
LAST_DIRECTORY: Key[str] = Key("files/last_directory", "")
SHOW_OUTLINE: Key[bool] = Key("window/show_outline", True)
HIGHLIGHT_COLOUR: Key[str] = Key("annotate/colour", "yellow")
"""Colour key of the last highlight made: Ctrl+H and the Highlight button use it. Checked
against the library's colours when used (the library owns the list, not this file)."""
EXPORT_DIRECTORY: Key[str] = Key("files/export_directory", "")
LIBRARY_PAGES = ("calls", "search")
LIBRARY_PAGE: Key[str] = Key("library/page", "calls", choices=LIBRARY_PAGES)
"""The Library dock's page last shown: the table of calls or search."""
LANGUAGES = ("system", "en", "zh_CN", "zh_TW")
LANGUAGE: Key[str] = Key("ui/language", "system", choices=LANGUAGES)
"""The UI language: from the system locale, or the user's choice (applied at start-up)."""
LIBRARY_GROUPED: Key[bool] = Key("library/grouped", False)
"""Whether the Library lists calls by company (a tree) rather than as one table."""
USER_NAME: Key[str] = Key("annotate/user_name", "")
"""The name highlights and notes are signed with; "" for the operating system's user name
(or $TRANSCRIPT_READER_USER)."""
LIBRARY: Key[str] = Key("library/location", "")
"""The library chosen in File → Open Library: a file path or a server URL (never with a
password); "" for the default one. --db and $TRANSCRIPT_READER_DB win over it."""

_GEOMETRY = "window/geometry"  # QByteArray from QMainWindow.saveGeometry()
_STATE = "window/state"  # QByteArray from QMainWindow.saveState()
_HIGHLIGHTS_HEADER = "window/highlights_header"  # QByteArray from QHeaderView.saveState()
_RECENT = "files/recent"  # list[str] of absolute paths, most recent first
_RECENT_LIBRARIES = "library/recent"  # list[str]: files and server URLs, no passwords
_POSITIONS = "positions"  # group: content sha256 -> "turn_index last_read_unix_time"
_SESSION_TABS = "session/tabs"  # list[str]: the paths open in tabs at the last close, in order
_SESSION_CURRENT = "session/current"  # int: which of them was the current tab


class Settings:
    """Typed access to the app's QSettings store (pass one in; tests use a temporary file)."""

    def __init__(self, store: QSettings) -> None:
        self._store = store

    @classmethod
    def open_default(cls) -> Settings:
        """The user's settings file (INI format everywhere, so it is readable and portable)."""
        store = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                          ORGANIZATION, APPLICATION)
        return cls(store)

    @property
    def store(self) -> QSettings:
        return self._store

    def file_name(self) -> str:
        return self._store.fileName()

    def sync(self) -> None:
        self._store.sync()

    # Scalars ---------------------------------------------------------------------------

    def get(self, key: Key[T]) -> T:
        return key.coerce(self._store.value(key.name))

    def set(self, key: Key[T], value: T) -> None:
        checked = key.coerce(value)
        if checked != value:
            raise ValueError(f"{key.name}: invalid value {value!r}")
        self._store.setValue(key.name, value)

    @property
    def script(self) -> str:
        return self.get(SCRIPT)

    @script.setter
    def script(self, value: str) -> None:
        self.set(SCRIPT, value)

    @property
    def join_cjk_spaces(self) -> bool:
        return self.get(JOIN_CJK_SPACES)

    @join_cjk_spaces.setter
    def join_cjk_spaces(self, value: bool) -> None:
        self.set(JOIN_CJK_SPACES, value)

    @property
    def hide_fillers(self) -> bool:
        return self.get(HIDE_FILLERS)

    @hide_fillers.setter
    def hide_fillers(self, value: bool) -> None:
        self.set(HIDE_FILLERS, value)

    @property
    def layout_mode(self) -> str:
        return self.get(LAYOUT_MODE)

    @layout_mode.setter
    def layout_mode(self, value: str) -> None:
        self.set(LAYOUT_MODE, value)

    @property
    def font_point_size(self) -> float:
        return self.get(FONT_POINT_SIZE)

    @font_point_size.setter
    def font_point_size(self, value: float) -> None:
        self.set(FONT_POINT_SIZE, float(value))

    @property
    def last_directory(self) -> str:
        return self.get(LAST_DIRECTORY)

    @last_directory.setter
    def last_directory(self, value: str) -> None:
        self.set(LAST_DIRECTORY, value)

    @property
    def show_outline(self) -> bool:
        return self.get(SHOW_OUTLINE)

    @show_outline.setter
    def show_outline(self, value: bool) -> None:
        self.set(SHOW_OUTLINE, value)

    @property
    def highlight_colour(self) -> str:
        return self.get(HIGHLIGHT_COLOUR)

    @highlight_colour.setter
    def highlight_colour(self, value: str) -> None:
        self.set(HIGHLIGHT_COLOUR, value)

    @property
    def export_directory(self) -> str:
        return self.get(EXPORT_DIRECTORY)

    @export_directory.setter
    def export_directory(self, value: str) -> None:
        self.set(EXPORT_DIRECTORY, value)

    @property
    def user_name(self) -> str:
        return " ".join(self.get(USER_NAME).split())

    @user_name.setter
    def user_name(self, value: str) -> None:
        self.set(USER_NAME, " ".join(value.split()))

    @property
    def library_grouped(self) -> bool:
        return self.get(LIBRARY_GROUPED)

    @library_grouped.setter
    def library_grouped(self, value: bool) -> None:
        self.set(LIBRARY_GROUPED, value)

    @property
    def library_page(self) -> str:
        return self.get(LIBRARY_PAGE)

    @library_page.setter
    def library_page(self, value: str) -> None:
        self.set(LIBRARY_PAGE, value)

    @property
    def language(self) -> str:
        return self.get(LANGUAGE)

    @language.setter
    def language(self, value: str) -> None:
        self.set(LANGUAGE, value)

    # Window layout ---------------------------------------------------------------------

    @property
    def window_geometry(self) -> QByteArray:
        return self._bytes(_GEOMETRY)

    @window_geometry.setter
    def window_geometry(self, value: QByteArray) -> None:
        self._store.setValue(_GEOMETRY, value)

    @property
    def window_state(self) -> QByteArray:
        return self._bytes(_STATE)

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._store.setValue(_STATE, value)

    @property
    def highlights_header(self) -> QByteArray:
        """Column widths and order of the highlights list (the dock's own place and
        visibility are part of `window_state`)."""
        return self._bytes(_HIGHLIGHTS_HEADER)

    @highlights_header.setter
    def highlights_header(self, value: QByteArray) -> None:
        self._store.setValue(_HIGHLIGHTS_HEADER, value)

    @property
    def notebook_geometry(self) -> QByteArray:
        """Where the notebook window was (QWidget.saveGeometry())."""
        return self._bytes("notebook/geometry")

    @notebook_geometry.setter
    def notebook_geometry(self, value: QByteArray) -> None:
        self._store.setValue("notebook/geometry", value)

    @property
    def notebook_header(self) -> QByteArray:
        """The notebook list's column widths and order (QHeaderView.saveState())."""
        return self._bytes("notebook/header")

    @notebook_header.setter
    def notebook_header(self, value: QByteArray) -> None:
        self._store.setValue("notebook/header", value)

    def _bytes(self, name: str) -> QByteArray:
        raw = self._store.value(name)
        if isinstance(raw, QByteArray):
            return raw
        if isinstance(raw, bytes):
            return QByteArray(raw)
        return QByteArray()

    # Recent files ----------------------------------------------------------------------

    @property
    def recent_files(self) -> list[str]:
        raw = self._store.value(_RECENT)
        if raw is None:
            return []
        items = [raw] if isinstance(raw, str) else list(raw) if isinstance(raw, list) else []
        seen: list[str] = []
        for item in items:
            path = str(item)
            if path and path not in seen:
                seen.append(path)
        return seen[:MAX_RECENT_FILES]

    def add_recent_file(self, path: str) -> None:
        """Put `path` first, drop older duplicates, keep at most MAX_RECENT_FILES."""
        paths = [path] + [p for p in self.recent_files if p != path]
        self._store.setValue(_RECENT, paths[:MAX_RECENT_FILES])

    def remove_recent_file(self, path: str) -> None:
        self._store.setValue(_RECENT, [p for p in self.recent_files if p != path])

    def clear_recent_files(self) -> None:
        self._store.remove(_RECENT)

    # Libraries -----------------------------------------------------------------------------

    @property
    def library(self) -> str:
        return without_password(self.get(LIBRARY))

    @library.setter
    def library(self, value: str) -> None:
        self.set(LIBRARY, without_password(value))

    @property
    def recent_libraries(self) -> list[str]:
        raw = self._store.value(_RECENT_LIBRARIES)
        items = [raw] if isinstance(raw, str) else list(raw) if isinstance(raw, list) else []
        seen: list[str] = []
        for item in items:
            value = without_password(str(item))
            if value and value not in seen:
                seen.append(value)
        return seen[:MAX_RECENT_LIBRARIES]

    def add_recent_library(self, location: str) -> None:
        """Put a library first among the recent ones; a password in a URL is dropped."""
        value = without_password(location)
        values = [value] + [v for v in self.recent_libraries if v != value]
        self._store.setValue(_RECENT_LIBRARIES, values[:MAX_RECENT_LIBRARIES])

    # The last session's tabs -------------------------------------------------------------

    @property
    def session_tabs(self) -> list[str]:
        """The files open in tabs when the window last closed, in tab order."""
        raw = self._store.value(_SESSION_TABS)
        items = [raw] if isinstance(raw, str) else list(raw) if isinstance(raw, list) else []
        paths: list[str] = []
        for item in items:
            path = str(item)
            if path and path not in paths:
                paths.append(path)
        return paths

    @session_tabs.setter
    def session_tabs(self, paths: list[str]) -> None:
        if paths:
            self._store.setValue(_SESSION_TABS, list(paths))
        else:
            self._store.remove(_SESSION_TABS)

    @property
    def session_current(self) -> int:
        """Index into `session_tabs` of the tab that was current (0 if unknown)."""
        value = _convert(self._store.value(_SESSION_CURRENT), 0)
        return value if isinstance(value, int) and value >= 0 else 0

    @session_current.setter
    def session_current(self, index: int) -> None:
        self._store.setValue(_SESSION_CURRENT, max(0, index))

    # Reading positions -----------------------------------------------------------------

    def reading_position(self, sha256: str) -> int | None:
        """The turn index last read in the transcript with this content hash."""
        raw = self._store.value(f"{_POSITIONS}/{sha256}")
        parsed = _parse_position(raw)
        return parsed[0] if parsed else None

    def set_reading_position(self, sha256: str, turn_index: int) -> None:
        if turn_index < 0:
            raise ValueError(f"turn index must be >= 0, not {turn_index}")
        key = f"{_POSITIONS}/{sha256}"
        is_new = not self._store.contains(key)
        self._store.setValue(key, f"{turn_index} {int(time.time())}")
        if is_new:
            self._trim_positions()

    def _trim_positions(self) -> None:
        self._store.beginGroup(_POSITIONS)
        try:
            keys = self._store.childKeys()
            if len(keys) <= MAX_READING_POSITIONS:
                return
            stamped = []
            for key in keys:
                parsed = _parse_position(self._store.value(key))
                stamped.append((parsed[1] if parsed else 0, key))
            stamped.sort()
            for _, key in stamped[: len(keys) - MAX_READING_POSITIONS]:
                self._store.remove(key)
        finally:
            self._store.endGroup()


def _parse_position(raw: object) -> tuple[int, int] | None:
    if raw is None:
        return None
    parts = str(raw).split()
    try:
        turn = int(parts[0])
        stamp = int(parts[1]) if len(parts) > 1 else 0
    except (IndexError, ValueError):
        return None
    return (turn, stamp) if turn >= 0 else None


__all__ = [
    "APPLICATION",
    "EXPORT_DIRECTORY",
    "FONT_POINT_SIZE",
    "HIDE_FILLERS",
    "HIGHLIGHT_COLOUR",
    "JOIN_CJK_SPACES",
    "LANGUAGE",
    "LANGUAGES",
    "LAYOUT_MODE",
    "LAYOUT_MODES",
    "MAX_RECENT_FILES",
    "ORGANIZATION",
    "SCRIPT",
    "SCRIPTS",
    "Key",
    "Settings",
]


def without_password(location: str) -> str:
    """A library location safe to keep in the settings file: a URL's password removed (libpq
    finds it in ~/.pgpass, $PGPASSWORD or a service file instead); other text as it is."""
    if "://" not in location:
        return location
    try:
        parts = urlsplit(location)
        if parts.password is None:
            return location
        user = parts.username or ""
        host = parts.netloc.rsplit("@", 1)[1]
    except ValueError:  # a malformed port or netloc: keep nothing that could hold a secret
        return location.split("://", 1)[0] + "://"
    netloc = f"{user}@{host}" if user else host
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))

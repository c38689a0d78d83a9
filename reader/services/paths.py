"""Where the annotation library lives: `--db PATH`, else $TRANSCRIPT_READER_DB, else the user data folder.

Either may also be a `postgresql://` URL: a team library on a server (db.server), kept as the
string it is (a path would fold its `//`)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

ENV_VAR = "TRANSCRIPT_READER_DB"
DB_FILE_NAME = "library.sqlite3"
APP_DIR_NAME = "transcript-reader"
APP_AUTHOR = "TranscriptReader"
"""The same names the Qt settings use, so settings and library sit under one vendor folder on
Windows and macOS."""


def default_db_path() -> Path:
    """The per-user data folder (e.g. ~/.local/share/transcript-reader/library.sqlite3)."""
    import platformdirs  # only when no explicit path was given

    return platformdirs.user_data_path(APP_DIR_NAME, APP_AUTHOR, roaming=False) / DB_FILE_NAME


SERVER_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")


def is_server_url(value: str | os.PathLike[str]) -> bool:
    """Whether a library location names a PostgreSQL server rather than a file."""
    return isinstance(value, str) and value.lower().startswith(SERVER_SCHEMES)


def resolve_db_path(cli_value: str | os.PathLike[str] | None = None,
                    environ: Mapping[str, str] | None = None) -> Path | str:
    """The library to open: the command-line value wins, then the environment variable; a
    file path, or a server URL as given."""
    env = os.environ if environ is None else environ
    value = cli_value or env.get(ENV_VAR)
    if value and is_server_url(value):
        return str(value)
    if value:
        return Path(value).expanduser()
    return default_db_path()

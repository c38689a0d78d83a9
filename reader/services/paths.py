"""Where the annotation library lives: `--db PATH`, else $TRANSCRIPT_READER_DB, else the user data folder."""

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


def resolve_db_path(cli_value: str | os.PathLike[str] | None = None,
                    environ: Mapping[str, str] | None = None) -> Path:
    """The library file to open: the command-line value wins, then the environment variable."""
    env = os.environ if environ is None else environ
    if cli_value:
        return Path(cli_value).expanduser()
    if env.get(ENV_VAR):
        return Path(env[ENV_VAR]).expanduser()
    return default_db_path()

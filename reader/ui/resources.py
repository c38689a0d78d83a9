"""Where bundled assets (icons) live, whether the app runs from source or frozen.

This is the one module that knows the difference: a PyInstaller build unpacks data files
under `sys._MEIPASS`, a source checkout or editable install keeps them in the repository's
`resources/` folder beside the `reader` package.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QIcon


def resources_dir() -> Path:
    """The `resources/` folder of this build."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def resource_path(*parts: str) -> Path:
    """An asset by its path inside `resources/`; raises FileNotFoundError if it is missing,
    so a broken build fails loudly instead of showing blank icons."""
    path = resources_dir().joinpath(*parts)
    if not path.is_file():
        raise FileNotFoundError(f"bundled resource missing: {path}")
    return path


def app_icon() -> QIcon:
    """The application icon (SVG; the Qt SVG image plugin renders it at every size)."""
    try:
        return QIcon(str(resource_path("icons", "app.svg")))
    except FileNotFoundError:
        return QIcon()

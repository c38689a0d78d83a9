"""Keep PySide6 from reading (and keeping) the source of every module imported after it.

PySide6 replaces `__import__` to support `from __feature__ import snake_case`, and after
each import it asks whether the new module uses PySide by reading its whole source with
`inspect.getsource`, which leaves every file's lines in `linecache`: about 460 modules
here, SQLAlchemy's among them, 4 to 18 MB that stay for the session, and a file read per
import on the way to the first paint (https://github.com/napari/napari/issues/8584 traces
the same cost). The answer only matters to a module that selects PySide features, which
nothing in this app does; so the question is answered from what the module imported.
"""

from __future__ import annotations

import sys
from types import ModuleType
from typing import Any

_PREFIXES = ("PySide6", "shiboken6")


def _is_pyside(value: Any) -> bool:
    if isinstance(value, ModuleType):
        return value.__name__.startswith(_PREFIXES)
    owner = value if isinstance(value, type) else type(value)
    return str(getattr(owner, "__module__", "")).startswith(_PREFIXES)


def uses_pyside(module: ModuleType) -> bool:
    """Whether `module` imported anything from PySide6 (what PySide's own test, a search of
    the source for "PySide6", finds in every module of this app)."""
    try:
        return any(_is_pyside(value) for value in list(vars(module).values()))
    except Exception:  # a module whose globals cannot be read: as if it did not
        return False


def install() -> bool:
    """Put `uses_pyside` in place of PySide's source-reading test; False where this PySide
    has no such test (then nothing is changed)."""
    import PySide6.QtCore  # noqa: F401  (installs the import hook adjusted here)

    feature = sys.modules.get("PySide6.support.feature") or sys.modules.get(
        "shibokensupport.feature")
    hook = getattr(feature, "feature_imported", None)
    scope = getattr(hook, "__globals__", None)
    if not isinstance(scope, dict) or not callable(scope.get("_mod_uses_pyside")):
        return False
    scope["_mod_uses_pyside"] = uses_pyside
    return True

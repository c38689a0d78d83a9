"""Window actions made one way: shortcuts kept once each, tips, a themed icon, reachable keys."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QWidget

Key = QKeySequence.StandardKey | str


def window_action(window: QWidget, text: str, slot: Callable[[], None],
                  shortcuts: Sequence[Key] = (), tip: str = "",
                  icon: QIcon.ThemeIcon | None = None) -> QAction:
    """An action on `window`, so its shortcuts work with the menu bar hidden too."""
    action = QAction(text, window)
    keys: list[QKeySequence] = []
    for key in shortcuts:
        # A platform's standard key may repeat ours or be empty; keep each key once.
        sequence = QKeySequence(key)
        if not sequence.isEmpty() and sequence not in keys:
            keys.append(sequence)
    if keys:
        action.setShortcuts(keys)
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    if icon is not None:
        # The desktop's own icon where it has a theme (text only elsewhere): it fits the
        # platform and follows light and dark.
        action.setIcon(QIcon.fromTheme(icon))
    action.triggered.connect(slot)
    window.addAction(action)
    return action

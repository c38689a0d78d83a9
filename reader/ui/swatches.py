"""Highlight colours on screen: each colour key's colour and its round swatch icon.

Apart from the highlights model so that the toolbar's colour buttons, drawn in the first
paint, do not bring the model and its list along.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

COLOUR_HEX: dict[str, str] = {
    "yellow": "#f2c200",
    "red": "#e5484d",
    "green": "#2fa36b",
    "blue": "#3d8af7",
}
"""Screen colours of the library's colour keys (their names are the user's to edit)."""
_FALLBACK_HEX = "#9a9a9a"


def colour_of(key: str) -> QColor:
    """The opaque screen colour of a colour key (grey for a key this build does not know)."""
    return QColor(COLOUR_HEX.get(key, _FALLBACK_HEX))


_ICONS: dict[tuple[str, int], QIcon] = {}


def swatch_icon(key: str, size: int = 16) -> QIcon:
    """A round swatch of the colour, for menus, toolbar buttons and list rows (made once)."""
    icon = _ICONS.get((key, size))
    if icon is None:
        icon = _ICONS[(key, size)] = _paint_swatch(key, size)
    return icon


def _paint_swatch(key: str, size: int) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = colour_of(key)
    painter.setPen(colour.darker(130))
    painter.setBrush(colour)
    painter.drawEllipse(2, 2, size - 4, size - 4)
    painter.end()
    return QIcon(pixmap)

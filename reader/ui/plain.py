"""Showing file names and transcript strings as the characters they are, never as markup.

Qt decides per string whether a message box, label or tooltip is rich text; a crafted file name
or transcript line could then show live links, images or styled text (and a message box label
opens external links by default). Every message that can carry such a string goes through here.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from reader.core.source_file import readable_name
from reader.ui.outline_model import tooltip_text

__all__ = ["file_tooltip", "make_plain", "readable_name", "tooltip_text", "warning"]


def warning(parent: QWidget | None, title: str, text: str) -> QMessageBox:
    """A warning box showing `text` literally; it opens without blocking (like a sheet)."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok,
                      parent)
    make_plain(box)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def make_plain(box: QMessageBox) -> None:
    """Plain text in the box and in each of its labels; no link of any kind opens from it."""
    box.setTextFormat(Qt.TextFormat.PlainText)
    for label in box.findChildren(QLabel):
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setOpenExternalLinks(False)


def file_tooltip(path: str) -> str:
    """A tooltip naming a file or path: undecodable bytes as \\xNN, markup as characters."""
    return tooltip_text(readable_name(path))

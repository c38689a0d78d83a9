"""The dialog shown when someone else saved a highlight after this window read it.

Saves carry the version they were made on; the library refuses one made on an older version
instead of overwriting the other person's text. This dialog puts both side by side (note,
tags and colour, and who saved theirs) and lets the user keep theirs (saved again over the
new version), take the other's, or copy the other's text to the clipboard. Closing it
without choosing keeps the user's edit as the window's unsaved edit, so nothing typed is
lost. Notes are user text: shown in plain-text widgets only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.records import Colour, Highlight


@dataclass(frozen=True, slots=True)
class MyEdit:
    """What the user tried to save: new values (None: left as it was), or a deletion."""

    colour: str | None = None
    note: str | None = None
    tags: tuple[str, ...] | None = None
    delete: bool = False


class Choice(Enum):
    KEEP_MINE = "mine"
    TAKE_THEIRS = "theirs"
    UNDECIDED = "undecided"  # closed: the edit stays kept, to save later


def author_of(h: Highlight) -> str:
    """Who saved a highlight last: the note's author, else its author."""
    return h.note_author or h.author


def clipboard_text(h: Highlight, colour_names: dict[str, str]) -> str:
    """The other person's version as plain text: note, tags and colour, for a memo."""
    lines = [h.note] if h.note else []
    if h.tags:
        lines.append(" ".join(f"#{t}" for t in h.tags))
    lines.append(colour_names.get(h.colour, h.colour))
    return "\n".join(lines)


class ConflictDialog(QDialog):
    """See the module docstring; `choice` after it closes."""

    def __init__(self, mine: MyEdit, theirs: Highlight, colours: Sequence[Colour],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflict_dialog")
        self.setWindowTitle(self.tr("Highlight Changed by Someone Else"))
        self.choice = Choice.UNDECIDED
        self._theirs = theirs
        self._names = {c.key: c.display_name for c in colours}
        who = author_of(theirs) or self.tr("someone")
        what = self.tr("You deleted it.") if mine.delete else self.tr("Your edit was not saved.")
        self.message = QLabel(self.tr("{who} saved this highlight after you opened it. {what} "
                                      "Keep yours, or take theirs.").format(who=who, what=what),
                              self)
        self.message.setObjectName("conflict_message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)

        current = (theirs.colour, theirs.note, theirs.tags)
        mine_box = self._side(self.tr("Yours"), mine_values(mine, current), mine.delete,
                              "mine")
        theirs_box = self._side(self.tr("Theirs ({who})").format(who=who), current, False,
                                "theirs")
        sides = QHBoxLayout()
        sides.addWidget(mine_box)
        sides.addWidget(theirs_box)

        buttons = QDialogButtonBox(self)
        self.keep_button = QPushButton(
            self.tr("Delete Anyway") if mine.delete else self.tr("Keep Mine"), self)
        self.take_button = QPushButton(self.tr("Take Theirs"), self)
        self.copy_button = QPushButton(self.tr("Copy Theirs"), self)
        self.copy_button.setToolTip(self.tr("Copy their note, tags and colour to the clipboard"))
        buttons.addButton(self.keep_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.take_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.keep_button.clicked.connect(self._on_keep_button_clicked)
        self.take_button.clicked.connect(self._on_take_button_clicked)
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        self.keep_button.setDefault(True)

        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(sides, 1)
        layout.addWidget(buttons)
        self.resize(640, 340)

    def _side(self, title: str, values: tuple[str, str, tuple[str, ...]], deleted: bool,
              name: str) -> QGroupBox:
        box = QGroupBox(title, self)
        form = QFormLayout(box)
        if deleted:
            gone = QLabel(self.tr("(deleted)"), box)
            gone.setObjectName(f"{name}_deleted")
            form.addRow(gone)
            return box
        colour, note, tags = values
        colour_label = QLabel(self._names.get(colour, colour), box)
        colour_label.setObjectName(f"{name}_colour")
        colour_label.setTextFormat(Qt.TextFormat.PlainText)
        tags_label = QLabel(", ".join(tags) or self.tr("(none)"), box)
        tags_label.setObjectName(f"{name}_tags")
        tags_label.setTextFormat(Qt.TextFormat.PlainText)
        tags_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        note_view = QPlainTextEdit(box)
        note_view.setObjectName(f"{name}_note")
        note_view.setReadOnly(True)
        note_view.setPlainText(note)
        form.addRow(self.tr("Colour:"), colour_label)
        form.addRow(self.tr("Tags:"), tags_label)
        form.addRow(self.tr("Note:"), note_view)
        return box

    def _on_keep_button_clicked(self) -> None:
        self.choice = Choice.KEEP_MINE
        self.accept()

    def _on_take_button_clicked(self) -> None:
        self.choice = Choice.TAKE_THEIRS
        self.accept()

    def _on_copy_button_clicked(self) -> None:
        QApplication.clipboard().setText(clipboard_text(self._theirs, self._names))
        self.copy_button.setText(self.tr("Copied"))


def mine_values(mine: MyEdit, current: tuple[str, str, tuple[str, ...]]
                ) -> tuple[str, str, tuple[str, ...]]:
    """The user's values as they would be saved: what they left unchanged is current."""
    colour, note, tags = current
    return (mine.colour if mine.colour is not None else colour,
            mine.note if mine.note is not None else note,
            mine.tags if mine.tags is not None else tags)

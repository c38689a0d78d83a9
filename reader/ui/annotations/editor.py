"""Dialogs for what a reader says about a highlight: colour, tags and note; and colour names.

The tag field completes from the tags already in the library, one tag at a time (tags are
separated by commas), and checks each tag with the service's own rule before the dialog
closes, so a bad tag is explained in the dialog instead of failing the save later. Quotes and
notes are user or transcript text: shown through plain-text widgets only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QStringListModel, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from reader.core.records import Colour, Highlight
from reader.ui.swatches import swatch_icon

_SEPARATORS = re.compile(r"[,;，、]|\s+(?=#)")
_QUOTE_CHARS = 400
NAME_MAX = 80


def split_tags(text: str) -> list[str]:
    """The tags typed in the field: comma-separated (or #-prefixed), empty pieces dropped."""
    return [p.strip() for p in _SEPARATORS.split(text) if p.strip().lstrip("#").strip()]


def parse_tags(text: str) -> list[str]:
    """Tags as the library stores them; raises AnnotationError naming the first bad one."""
    from reader.services.annotations import normalize_tag

    seen: dict[str, str] = {}
    for raw in split_tags(text):
        name = normalize_tag(raw)
        seen.setdefault(name.casefold(), name)
    return list(seen.values())


class TagCompleter(QCompleter):
    """Completes the tag being typed after the last comma, keeping the ones before it."""

    def __init__(self, tags: Iterable[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(QStringListModel(sorted(set(tags), key=str.casefold), self))
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)

    def splitPath(self, path: str) -> list[str]:
        last = _SEPARATORS.split(path)[-1]
        return [last.strip().lstrip("#")]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        chosen = str(index.data())
        widget = self.widget()
        text = widget.text() if isinstance(widget, QLineEdit) else ""
        pieces = [p.strip() for p in _SEPARATORS.split(text)][:-1]
        return ", ".join([*filter(None, pieces), chosen]) + ", "


@dataclass(frozen=True, slots=True)
class EditorValues:
    colour: str
    tags: tuple[str, ...]
    note: str


class AnnotationEditor(QDialog):
    """Edit one highlight's colour, tags and note; `values()` after it is accepted."""

    def __init__(self, highlight: Highlight, colours: Sequence[Colour], known_tags: Iterable[str],
                 parent: QWidget | None = None, *, shown_quote: str | None = None) -> None:
        """`shown_quote`: the quote as the reading view shows it (else the stored text)."""
        super().__init__(parent)
        self.setObjectName("annotation_editor")
        self.setWindowTitle(self.tr("Highlight: Tags and Note"))
        self._highlight = highlight

        quote = " ".join((highlight.quote if shown_quote is None else shown_quote).split())
        if len(quote) > _QUOTE_CHARS:
            quote = quote[: _QUOTE_CHARS - 1] + "…"
        self.quote_label = QLabel(self)
        self.quote_label.setTextFormat(Qt.TextFormat.PlainText)
        self.quote_label.setWordWrap(True)
        self.quote_label.setText((self.tr("Orphaned (not in the current version): ")
                                  if highlight.orphaned else "") + f"“{quote}”")
        self.quote_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.colour_combo = QComboBox(self)
        self.colour_combo.setObjectName("colour_combo")
        for c in colours:
            self.colour_combo.addItem(swatch_icon(c.key), c.display_name, c.key)
        self.colour_combo.setCurrentIndex(max(0, self.colour_combo.findData(highlight.colour)))

        self.tags_edit = QLineEdit(self)
        self.tags_edit.setObjectName("tags_edit")
        self.tags_edit.setPlaceholderText(self.tr("guidance, credit-risk"))
        self.tags_edit.setText(", ".join(highlight.tags))
        self.tags_edit.setCompleter(TagCompleter(known_tags, self.tags_edit))
        self.tags_edit.textEdited.connect(self._on_tags_edit_text_edited)
        self.tag_error = QLabel(self)
        self.tag_error.setObjectName("tag_error")
        self.tag_error.setTextFormat(Qt.TextFormat.PlainText)
        self.tag_error.setWordWrap(True)
        self.tag_error.setStyleSheet("color: #c0392b;")
        self.tag_error.hide()

        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setObjectName("note_edit")
        self.note_edit.setPlainText(highlight.note)
        self.note_edit.setPlaceholderText(self.tr("Your note on this passage"))
        self.note_edit.setTabChangesFocus(True)

        form = QFormLayout()
        form.addRow(self.tr("Colour:"), self.colour_combo)
        form.addRow(self.tr("Tags:"), self.tags_edit)
        form.addRow("", self.tag_error)
        form.addRow(self.tr("Note:"), self.note_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.quote_label)
        layout.addLayout(form, 1)
        layout.addWidget(buttons)
        self.resize(520, 360)
        (self.note_edit if highlight.tags else self.tags_edit).setFocus()

    def _on_tags_edit_text_edited(self, _text: str) -> None:
        self.tag_error.hide()

    def accept(self) -> None:
        from reader.services.annotations import AnnotationError

        try:
            parse_tags(self.tags_edit.text())
        except AnnotationError as exc:
            self.tag_error.setText(str(exc))
            self.tag_error.show()
            self.tags_edit.setFocus()
            return
        super().accept()

    def values(self) -> EditorValues:
        return EditorValues(str(self.colour_combo.currentData()),
                            tuple(parse_tags(self.tags_edit.text())),
                            self.note_edit.toPlainText().strip())

    def changed(self) -> bool:
        """Whether the values differ from the highlight's."""
        v = self.values()
        h = self._highlight
        return (v.colour, v.tags, v.note) != (h.colour, h.tags, h.note)


class ColourNamesDialog(QDialog):
    """Rename the four highlight colours (their meaning is the reader's: Guidance, Risk...)."""

    def __init__(self, colours: Sequence[Colour], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("colour_names_dialog")
        self.setWindowTitle(self.tr("Colour Names"))
        self._colours = list(colours)
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for c in self._colours:
            edit = QLineEdit(c.display_name, self)
            edit.setMaxLength(NAME_MAX)
            edit.setObjectName(f"name_{c.key}")
            swatch = QLabel(self)
            swatch.setPixmap(swatch_icon(c.key).pixmap(16, 16))
            swatch.setToolTip(c.key)
            form.addRow(swatch, edit)
            self.edits[c.key] = edit
        hint = QLabel(self.tr("What each highlight colour means to you; shown in menus, the "
                              "list and exported notes."), self)
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def accept(self) -> None:
        for edit in self.edits.values():
            if not " ".join(edit.text().split()):
                edit.setFocus()
                edit.setPlaceholderText(self.tr("a name is needed"))
                return
        super().accept()

    def changed_names(self) -> dict[str, str]:
        """Colour key -> new name, for the names that changed."""
        out = {}
        for c in self._colours:
            name = " ".join(self.edits[c.key].text().split())
            if name and name != c.display_name:
                out[c.key] = name
        return out

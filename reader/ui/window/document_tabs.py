"""The tabs of open transcripts: one `OpenDocument` per tab, and which one is current.

The tab widget is the one registry of open documents (as qutebrowser's TabbedBrowser is of
its tabs): the window and the highlights controller both ask it, instead of each keeping a
dictionary keyed by view in step with the other. `current_changed` says when the current
document changes, with the document (or None when no tab is left).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QTabWidget, QWidget

from reader.core.model import Transcript
from reader.core.records import Highlight, TranscriptInfo
from reader.ui.reading.outline_model import OutlineModel
from reader.ui.reading.view import ReadingView


@dataclass(slots=True, eq=False)
class OpenDocument:
    """One open transcript: its tab's view, its outline, where it came from, and what the
    annotation library knows of it."""

    path: str
    transcript: Transcript
    view: ReadingView
    model: OutlineModel
    speaker: int | None = None
    restore_turn: int | None = None
    """The turn to bring back to the top once the view is laid out: a saved position at
    opening, or the turn that was at the top before a width change re-wrapped the text."""
    restore_scheduled: bool = False
    jumped: tuple[int, int | None] | None = None
    """(turn navigated to, turn the view then reported at its top): the view may report
    the row's first turn, so stepping on starts from where the jump was aimed."""
    info: TranscriptInfo | None = None
    """The library's record of the call, once it has been stored (None without a library)."""
    highlights: list[Highlight] = field(default_factory=list)


class DocumentTabs(QTabWidget):
    """A tab widget whose pages are reading views, each with its `OpenDocument`."""

    current_changed = Signal(OpenDocument)  # the current one, or None when no tab is open

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._docs: dict[ReadingView, OpenDocument] = {}
        self.setDocumentMode(True)
        self.setTabsClosable(True)
        self.setMovable(True)
        self.setUsesScrollButtons(True)
        self.setElideMode(Qt.TextElideMode.ElideRight)
        self.currentChanged.connect(self._on_current_changed)

    def add(self, doc: OpenDocument, title: str, tooltip: str) -> int:
        """Add `doc`'s view as a tab and make it current; returns its index."""
        self._docs[doc.view] = doc
        index = self.addTab(doc.view, title)
        self.setTabToolTip(index, tooltip)
        self.setCurrentIndex(index)
        return index

    def take(self, index: int) -> OpenDocument | None:
        """Remove the tab at `index`; its document (the caller deletes the view)."""
        widget = self.widget(index)
        doc = self._docs.pop(widget, None) if isinstance(widget, ReadingView) else None
        self.removeTab(index)
        return doc

    def current(self) -> OpenDocument | None:
        widget = self.currentWidget()
        return self._docs.get(widget) if isinstance(widget, ReadingView) else None

    def documents(self) -> list[OpenDocument]:
        """Open documents in tab order."""
        return list(self)

    def __iter__(self) -> Iterator[OpenDocument]:
        for i in range(self.count()):
            widget = self.widget(i)
            if isinstance(widget, ReadingView) and widget in self._docs:
                yield self._docs[widget]

    def of_view(self, view: object) -> OpenDocument | None:
        return self._docs.get(view) if isinstance(view, ReadingView) else None

    def of_viewport(self, viewport: QObject) -> OpenDocument | None:
        parent = viewport.parent()
        doc = self.of_view(parent)
        return doc if doc is not None and doc.view.viewport() is viewport else None

    def of_path(self, path: str) -> OpenDocument | None:
        return next((doc for doc in self._docs.values() if doc.path == path), None)

    def is_open(self, doc: OpenDocument) -> bool:
        """Whether `doc` is still in a tab (an answer may arrive after its tab closed)."""
        return self._docs.get(doc.view) is doc

    def _on_current_changed(self, _index: int) -> None:
        self.current_changed.emit(self.current())

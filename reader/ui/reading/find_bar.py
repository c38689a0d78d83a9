"""The find bar under the reading view: query field, "3 of 12", next/previous, close.

The bar only collects input and shows results; the main window passes queries to the
current reading view, whose find() matches across Simplified and Traditional script.
Typing searches after a short pause, so a long transcript is not searched per keystroke.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QWidget,
)

SEARCH_DELAY_MS = 150


class FindBar(QWidget):
    """Query input with match count; Enter / Shift+Enter step, Esc closes."""

    query_edited = Signal(str)  # the query to search for ("" clears)
    next_requested = Signal()
    previous_requested = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("find_bar")
        self._edit = QLineEdit(self)
        self._edit.setObjectName("find_query")
        self._edit.setPlaceholderText(self.tr("Find in transcript (Simplified and Traditional "
                                             "match)"))
        self._edit.setClearButtonEnabled(True)
        self._edit.installEventFilter(self)
        self._count = QLabel(self)
        self._count.setObjectName("find_count")
        self._count.setMinimumWidth(self.fontMetrics().horizontalAdvance(
            self.tr("{current} of {total}").format(current=9999, total=9999)) + 8)
        # Arrow types are drawn by the style in the palette's text colour, so they stay
        # visible in dark themes (the standard arrow pixmaps are dark grey).
        self._previous = self._button(QIcon(), self.tr("Previous match (Shift+Enter, Shift+F3)"))
        self._previous.setArrowType(Qt.ArrowType.UpArrow)
        self._next = self._button(QIcon(), self.tr("Next match (Enter, F3)"))
        self._next.setArrowType(Qt.ArrowType.DownArrow)
        self._close = self._button(QIcon(), self.tr("Close (Esc)"))
        self._close.setText("\u2715")  # text, so it takes the palette's colour
        self._previous.clicked.connect(self._on_previous_clicked)
        self._next.clicked.connect(self._on_next_clicked)
        self._close.clicked.connect(self.close_bar)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        layout.addWidget(QLabel(self.tr("Find:"), self))
        layout.addWidget(self._edit, 1)
        layout.addWidget(self._count)
        layout.addWidget(self._previous)
        layout.addWidget(self._next)
        layout.addWidget(self._close)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._edit.textEdited.connect(self._on_edit_text_edited)
        self.set_result(0, 0)

    def _button(self, icon: QIcon, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setIcon(icon)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return button

    @property
    def line_edit(self) -> QLineEdit:
        return self._edit

    def query(self) -> str:
        return self._edit.text()

    def open_bar(self, text: str | None = None) -> None:
        """Show the bar and focus the query; `text` (a selection) replaces the query."""
        self.show()
        if text:
            self._edit.setText(text)
            self.search_now()
        self._edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._edit.selectAll()

    def close_bar(self) -> None:
        self._timer.stop()
        self.hide()
        self.closed.emit()

    def set_query(self, text: str) -> None:
        """Set the query and search at once (for code and tests)."""
        self._edit.setText(text)
        self.search_now()

    def search_now(self) -> None:
        self._timer.stop()
        self.query_edited.emit(self._edit.text())

    def set_result(self, current: int, total: int) -> None:
        """Show "current of total" (current counts from 1; 0 = none selected)."""
        if not self._edit.text():
            self._count.setText("")
        elif total == 0:
            self._count.setText(self.tr("No matches"))
        elif current <= 0:
            self._count.setText(self.tr("{total} found").format(total=total))
        else:
            self._count.setText(self.tr("{current} of {total}").format(current=current,
                                                                       total=total))
        has = total > 0
        self._next.setEnabled(has)
        self._previous.setEnabled(has)

    def result_text(self) -> str:
        return self._count.text()

    def step(self, forward: bool) -> None:
        """Enter/F3: a query still waiting to be searched is searched (landing on its first
        match); otherwise move to the next or previous match."""
        if self._timer.isActive():
            self.search_now()
            if forward:
                return
        if forward:
            self.next_requested.emit()
        else:
            self.previous_requested.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.step(not event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                return True
            if key == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return super().eventFilter(watched, event)

    def _on_edit_text_edited(self, _text: str) -> None:
        self._timer.start()

    def _on_timer_timeout(self) -> None:
        self.query_edited.emit(self._edit.text())

    def _on_next_clicked(self) -> None:
        self.step(True)

    def _on_previous_clicked(self) -> None:
        self.step(False)

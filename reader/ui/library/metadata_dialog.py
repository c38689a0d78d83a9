"""Editing a call's company, ticker, period and date: the values the library lists it under.

What the reader types is kept as their own value (over re-imports; search filters and the
export use it); an empty field means "none". "Use the File's Values" goes back to what was
read from the file. Each value is checked as the library will store it before the dialog
closes, so a bad ticker or date is said in one line here rather than failing later.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from reader.core.library_meta import clean_value
from reader.core.records import TranscriptInfo

FIELDS = ("company", "ticker", "period", "date")


class MetadataDialog(QDialog):
    """Four fields for one call; `values()` once accepted (see the module docstring)."""

    def __init__(self, info: TranscriptInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("metadata_dialog")
        self.setWindowTitle(self.tr("Call Details"))
        self._reset = False
        self._info = info
        labels = {"company": self.tr("&Company:"), "ticker": self.tr("&Ticker:"),
                  "period": self.tr("&Period:"), "date": self.tr("&Date:")}
        hints = {"company": self.tr("as the call names it"),
                 "ticker": self.tr("QFIN, 9988.HK"),
                 "period": self.tr("Q1 2024, FY2023, H1 2024"),
                 "date": self.tr("YYYY-MM-DD")}
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for name in FIELDS:
            edit = QLineEdit(getattr(info, name) or "", self)
            edit.setObjectName(f"meta_{name}")
            edit.setPlaceholderText(hints[name])
            edit.setClearButtonEnabled(True)
            self.edits[name] = edit
            form.addRow(labels[name], edit)
        source = QLabel(info.source_name, self)
        source.setTextFormat(Qt.TextFormat.PlainText)  # a file name, shown as it is
        source.setEnabled(False)
        self.error = QLabel(self)
        self.error.setObjectName("meta_error")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        self.reset_button = buttons.addButton(self.tr("Use the File's Values"),
                                              QDialogButtonBox.ButtonRole.ResetRole)
        self.reset_button.setToolTip(self.tr("Forget your values: company, ticker, period "
                                             "and date as read from the file"))
        self.reset_button.clicked.connect(self._on_reset_clicked)
        buttons.accepted.connect(self._on_ok_clicked)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(source)
        box.addLayout(form)
        box.addWidget(self.error)
        box.addWidget(buttons)

    def values(self) -> dict[str, str | None]:
        """The fields to store: the ones changed ('' none), or every one None after a reset."""
        if self._reset:
            return dict.fromkeys(FIELDS)
        out: dict[str, str | None] = {}
        for name, edit in self.edits.items():
            text = " ".join(edit.text().split())
            if text != (getattr(self._info, name) or ""):
                out[name] = text
        return out

    def _on_ok_clicked(self) -> None:
        for name, edit in self.edits.items():
            try:
                clean_value(name, edit.text())
            except ValueError as exc:
                self.error.setText(str(exc))
                self.error.show()
                edit.setFocus()
                edit.selectAll()
                return
        self.accept()

    def _on_reset_clicked(self) -> None:
        self._reset = True
        self.accept()

"""Every widget that can show a file name or transcript string shows it as plain text.

A hostile name carries a link, an image, bold markup and a byte that is not UTF-8; whatever
widget shows it must show those characters, never a live link, an image or formatting.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel, QMessageBox

from reader.core.anchoring import TranscriptInfo
from reader.core.pipeline import parse_text
from reader.core.source_file import readable_name
from reader.services.search import SearchResult
from reader.ui import plain
from reader.ui.library_view import LibraryTableModel
from reader.ui.outline_model import OutlineModel
from reader.ui.search_panel import SearchResultsModel

pytestmark = [
    pytest.mark.gui,
    # Offscreen windows cannot resize to their size hints; nothing to do with the text.
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

HOSTILE = ('<a href="https://example.invalid/steal">click</a><img src="file:///etc/hostname">'
           "<b>bold</b> &amp; " + os.fsdecode(b"caf\xe9") + ".txt")
SHOWN = readable_name(HOSTILE)


def rendered(text: str) -> QTextDocument:
    """How Qt renders a tooltip or auto-format label: rich text when it looks like markup."""
    doc = QTextDocument()
    if GuiQt.mightBeRichText(text):
        doc.setHtml(text)
    else:
        doc.setPlainText(text)
    return doc


def assert_plain(text: str, expected: str = SHOWN) -> None:
    doc = rendered(text)
    assert expected in doc.toPlainText().replace("\u2029", "\n")
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            assert not fmt.isAnchor(), "a live link"
            assert not fmt.isImageFormat(), "an image"
            assert fmt.fontWeight() <= 400, "markup turned into formatting"
            it += 1
        block = block.next()


def assert_plain_box(box: QMessageBox) -> None:
    assert box.textFormat() == Qt.TextFormat.PlainText
    labels = box.findChildren(QLabel)
    assert labels
    for label in labels:
        assert label.textFormat() == Qt.TextFormat.PlainText
        assert not label.openExternalLinks()


def test_warning_boxes_are_plain_text(qtbot) -> None:
    box = plain.warning(None, "Cannot open transcript", f"{SHOWN}: no such file")
    qtbot.addWidget(box)
    assert_plain_box(box)
    assert box.text() == f"{SHOWN}: no such file"
    box.close()


def test_the_window_shows_a_file_error_in_a_plain_box(qtbot, window) -> None:
    window._show_error(f"{SHOWN}: file is empty")
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert boxes, "no message box shown"
    for box in boxes:
        assert_plain_box(box)
        box.close()


def test_library_rows_and_search_results_have_plain_tooltips(qtbot) -> None:
    info = TranscriptInfo(1, "0" * 64, "/calls/" + HOSTILE, HOSTILE, "general", "utf-8",
                          datetime.now(UTC))
    library = LibraryTableModel()
    library.set_transcripts([info])
    for column in range(library.columnCount()):
        tip = library.data(library.index(0, column), Qt.ItemDataRole.ToolTipRole)
        assert_plain(tip, readable_name("/calls/" + HOSTILE))
    result = SearchResult(1, "0" * 64, None, None, None, None, None, HOSTILE, "paragraph", None,
                          0, None, None, None, 0, 5, 0, 5, "hello", ())
    results = SearchResultsModel()
    results.set_results([result])
    assert_plain(results.data(results.index(0, 0), Qt.ItemDataRole.ToolTipRole))


def test_the_outline_names_the_file_in_a_plain_tooltip(qtbot) -> None:
    transcript = parse_text("Operator: Good morning.\n\nIvy Shen: Thank you.\n", HOSTILE)
    model = OutlineModel(transcript)
    tips = [model.data(model.index(row, 0, QModelIndex()), Qt.ItemDataRole.ToolTipRole)
            for row in range(model.rowCount(QModelIndex()))]
    assert any(SHOWN in rendered(t).toPlainText() for t in tips if t)
    for tip in tips:
        if tip:
            assert_plain(tip, "")


def test_no_label_in_the_window_opens_external_links(qtbot, window) -> None:
    for label in window.findChildren(QLabel):
        assert not label.openExternalLinks(), label.objectName()

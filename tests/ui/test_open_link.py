"""A reader:// back-link opens its call from the library with the passage selected (the window
side of `reader open URL`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from notes_helpers import CALL

from reader.cli_open import show_passage
from reader.core.links import parse_link
from reader.services.annotations import AnnotationService
from reader.ui.main_window import MainWindow

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


def test_a_back_link_opens_the_call_at_its_passage(qtbot, make_window, library: Path,
                                                   tmp_path: Path) -> None:
    source = tmp_path / "qingyun.txt"
    source.write_text(CALL, encoding="utf-8")
    library.parent.mkdir(parents=True, exist_ok=True)
    with AnnotationService.open(library) as service:
        info = service.import_file(source).transcript
        h = service.add_highlight_by_quote(info.id, "冷链用户也更多了")
        md = service.export([info.id])[0].markdown
    source.unlink()  # the stored text is enough
    link = parse_link(md.split("](", 1)[1].split(")", 1)[0])
    window: MainWindow = make_window()
    show_passage(window, info.id, link.start, link.end)
    qtbot.waitUntil(lambda: window.current_view() is not None
                    and window.current_view().selection_source_span() == (h.start, h.end),
                    timeout=20_000)
    assert "".join(window.current_view().textCursor().selectedText().split()) == "冷链用户也更多了"

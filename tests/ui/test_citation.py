"""Copy with citation: the selection as a quote with speaker, call and back-link, on the
clipboard as plain text, Markdown and HTML; transcript text never becomes markup."""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from notes_helpers import CALL
from PySide6.QtWidgets import QApplication
from test_highlights import open_call, span_of

from reader.core.display import DisplayOptions
from reader.core.links import parse_link
from reader.core.pipeline import parse_bytes
from reader.ui.annotations.citation import (
    MARKDOWN_MIME,
    html_text,
    make_citation,
    markdown,
    plain_text,
)

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

# English that a renderer would act on, in an interpreter's turn of an invented call.
HOSTILE = ("We <b>never</b> said [click here](http://evil.example) or ![x](http://evil.example/i.png) "
           "<http://auto.example> *loudly* | at | all & `code` $x$ ==mark== %%hide%%.")
HOSTILE_CALL = CALL.replace(
    "We expect the gross margin to stay stable in the second half.", HOSTILE)
COLD = "冷 链 用 户 也 更 多 了 。"


@pytest.fixture
def call_file(tmp_path: Path) -> Path:
    path = tmp_path / "qingyun_q1_2026.txt"
    path.write_text(HOSTILE_CALL, encoding="utf-8")
    return path


def tokens_of(md: str) -> list[str]:
    """Every token type markdown-it makes of `md`, inline children included."""
    out = []
    for token in MarkdownIt("commonmark").parse(md):
        out.append(token.type)
        out.extend(child.type for child in token.children or ())
    return out


def rendered_links(md: str) -> list[str]:
    links = []
    for token in MarkdownIt("commonmark").parse(md):
        for child in token.children or ():
            if child.type == "link_open":
                links.append(str(child.attrGet("href")))
    return links


def test_citation_formats_carry_quote_speaker_call_and_link() -> None:
    t = parse_bytes(HOSTILE_CALL.encode("utf-8"), "qingyun.txt")
    start = t.text.index(COLD)
    c = make_citation(t, start, start + len(COLD), DisplayOptions("s2twp"))
    assert c.quote == "冷鏈使用者也更多了。"
    assert c.speaker is not None and c.speaker.label == "Lin Bo"
    assert c.call == ("Qingyun Freight", "Q1 2026", "2026-05-12")
    link = parse_link(c.link)
    assert (link.sha256, link.start, link.end) == (t.source.sha256, start, start + len(COLD))

    text = plain_text(c)
    assert text.splitlines() == [
        "“冷鏈使用者也更多了。”",
        "— Lin Bo (Chief Executive Officer), Qingyun Freight, Q1 2026, 2026-05-12",
        c.link]
    md = markdown(c)
    assert md.startswith("> 冷鏈使用者也更多了。\n")
    assert rendered_links(md) == [c.link]
    html = html_text(c)
    assert "<blockquote><p>冷鏈使用者也更多了。</p>" in html and f'href="{c.link.replace("&", "&amp;")}"' in html


def test_transcript_text_never_renders_as_links_images_or_html() -> None:
    t = parse_bytes(HOSTILE_CALL.encode("utf-8"), "qingyun.txt")
    start = t.text.index(HOSTILE)
    c = make_citation(t, start, start + len(HOSTILE), DisplayOptions())
    md = markdown(c)
    types = tokens_of(md)
    assert "image" not in types and "html_inline" not in types and "html_block" not in types
    assert rendered_links(md) == [c.link]  # only the back-link, never the transcript's
    rendered = MarkdownIt("commonmark").render(md)
    assert "<b>" not in rendered and "<em>" not in rendered and "<code>" not in rendered
    assert "[click here](http://evil.example)" in rendered
    html = html_text(c)
    assert "<b>never</b>" not in html and "&lt;b&gt;never&lt;/b&gt;" in html
    assert html.count("<a ") == 1


def test_ctrl_shift_c_puts_three_formats_on_the_clipboard(qtbot, window, call_file):
    view = open_call(qtbot, window, call_file)
    window.set_script("s2t")
    assert view.select_source_span(*span_of(view, COLD))
    action = window._citation.act_copy
    assert action.shortcut().toString() == "Ctrl+Shift+C"
    action.trigger()
    mime = QApplication.clipboard().mimeData()
    assert mime.text().startswith("“冷鏈用戶也更多了。”\n— Lin Bo")
    md = bytes(mime.data(MARKDOWN_MIME).data()).decode("utf-8")
    assert md.startswith("> 冷鏈用戶也更多了。") and "reader://open?sha256=" in md
    assert "<blockquote>" in mime.html()
    link = parse_link(mime.text().splitlines()[-1])
    assert (link.start, link.end) == span_of(view, COLD)


def test_copy_with_nothing_selected_says_so(qtbot, window, call_file):
    open_call(qtbot, window, call_file)
    QApplication.clipboard().setText("before")
    window._citation.act_copy.trigger()
    assert QApplication.clipboard().text() == "before"
    assert "Select some text" in window.statusBar().currentMessage()


def test_context_menu_offers_copy_with_citation(qtbot, window, call_file, monkeypatch):
    from PySide6.QtWidgets import QMenu

    view = open_call(qtbot, window, call_file)
    assert view.select_source_span(*span_of(view, COLD))
    shown: list[list[str]] = []
    monkeypatch.setattr(QMenu, "popup", lambda menu, *_a: shown.append(
        [a.text() for a in menu.actions()]))
    view.customContextMenuRequested.emit(view.cursorRect().center())
    assert shown and window._citation.act_copy.text() in shown[0]


def test_the_app_exits_cleanly_with_a_citation_on_the_clipboard(tmp_path):
    import subprocess
    import sys

    script = tmp_path / "citation_exit.py"
    script.write_text(
        "import os\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from notes_helpers import CALL\n"
        "import reader.ui\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from reader.core.pipeline import parse_bytes\n"
        "from reader.core.display import DisplayOptions\n"
        "from reader.ui.annotations.citation import make_citation, mime_data, put_on_clipboard\n"
        "app = QApplication([])\n"
        "t = parse_bytes(CALL.encode('utf-8'), 'q.txt')\n"
        "put_on_clipboard(mime_data(make_citation(t, 0, 20, DisplayOptions())))\n"
        "print(QApplication.clipboard().mimeData().formats())\n", encoding="utf-8")
    repo = Path(__file__).resolve().parents[2]
    env = {**__import__("os").environ, "PYTHONPATH": f"{repo}:{repo / 'tests'}"}
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                          env=env, cwd=repo, timeout=120)
    assert done.returncode == 0, done.stderr  # not a crash on the way out
    assert "text/markdown" in done.stdout

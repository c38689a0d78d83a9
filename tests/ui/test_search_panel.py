"""The search panel: results model, background search, filters, marked snippets drawn as plain
text, and activation with the source span."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtGui import QFont, QPixmap

from reader.services.annotations import AnnotationService
from reader.services.library import LibraryService
from reader.services.paths import ENV_VAR
from reader.services.search import SearchResult, SearchService
from reader.ui.library.search_panel import (
    ANY_PERIOD,
    SearchPanel,
    SearchResultsModel,
    SearchRole,
    snippet_document,
)

pytestmark = [
    pytest.mark.gui,
    # The offscreen platform says so whenever a top-level widget is shown.
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture(autouse=True)
def _isolated_library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "default-library.sqlite3"))


@pytest.fixture
def service(tmp_path: Path) -> Iterator[AnnotationService]:
    with AnnotationService.open(tmp_path / "library.sqlite3") as svc:
        LibraryService(svc).import_paths([FIXTURES])
        yield svc


@pytest.fixture
def pool() -> Iterator[QThreadPool]:
    p = QThreadPool()
    yield p
    p.waitForDone(30_000)


@pytest.fixture
def panel(qtbot, service: AnnotationService, pool: QThreadPool) -> SearchPanel:
    widget = SearchPanel(SearchService(service.db), pool)
    qtbot.addWidget(widget)
    return widget


def search(qtbot, panel: SearchPanel, text: str) -> int:
    with qtbot.waitSignal(panel.searched, timeout=10_000) as blocker:
        panel.query.setText(text)
        panel.run_search()
    return int(blocker.args[1])


def results(panel: SearchPanel) -> list[SearchResult]:
    m = panel.results_model
    return [m.result(i) for i in range(m.rowCount())]


def test_model_passes_the_model_tester(qtmodeltester, qtbot, panel: SearchPanel) -> None:
    search(qtbot, panel, "quarter")
    assert panel.results_model.rowCount() > 5
    qtmodeltester.check(panel.results_model)
    qtmodeltester.check(SearchResultsModel())


def test_typing_searches_after_a_pause_in_either_script(qtbot, panel: SearchPanel) -> None:
    with qtbot.waitSignal(panel.searched, timeout=10_000) as blocker:
        panel.query.setText("營收")  # no Enter: the debounce timer starts the search
    assert blocker.args[1] >= 2
    companies = {r.company for r in results(panel)}
    assert {"Lanting Digital", "Hoshan Mobility"} <= companies
    assert panel.status.text().endswith("results")


def test_only_the_latest_query_is_shown(qtbot, panel: SearchPanel) -> None:
    panel.query.setText("营收")
    panel.run_search()
    with qtbot.waitSignal(panel.searched, timeout=10_000) as blocker:
        panel.query.setText('"gross margin"')
        panel.run_search()
    assert blocker.args[0] == '"gross margin"'
    qtbot.wait(50)
    assert all("gross margin" in r.snippet.lower() for r in results(panel))


def test_filters(qtbot, panel: SearchPanel) -> None:
    everything = search(qtbot, panel, "quarter")
    with qtbot.waitSignal(panel.searched, timeout=10_000):
        panel.qa_only.setChecked(True)
    assert {r.section for r in results(panel)} == {"qa"}
    with qtbot.waitSignal(panel.searched, timeout=10_000):
        panel.management_only.setChecked(True)
    assert {r.speaker_kind for r in results(panel)} <= {"executive"}
    assert panel.results_model.rowCount() < everything
    with qtbot.waitSignal(panel.searched, timeout=10_000):
        panel.qa_only.setChecked(False)
    with qtbot.waitSignal(panel.searched, timeout=10_000):
        panel.management_only.setChecked(False)
    with qtbot.waitSignal(panel.searched, timeout=10_000):
        panel.company.setText("northpeak")
    assert {r.company for r in results(panel)} == {"Northpeak Robotics"}
    with qtbot.waitSignal(panel.searched, timeout=10_000):
        panel.company.clear()
    assert panel.period_from.findText("Q2 2024") >= 0
    with qtbot.waitSignal(panel.searched, timeout=10_000):
        panel.period_from.setCurrentText("Q2 2025")
    assert {r.period for r in results(panel)} == {"Q2 2025"}
    with qtbot.waitSignal(panel.searched, timeout=10_000):
        panel.period_from.setCurrentText(ANY_PERIOD)


def test_highlighted_filter_finds_notes(qtbot, panel: SearchPanel,
                                        service: AnnotationService) -> None:
    tid = next(i.id for i in service.library() if i.company == "Lanting Digital")
    service.add_highlight_by_quote(tid, "Hello everyone", occurrence=1, note="渠道 check")
    search(qtbot, panel, "渠道")
    assert [r.kind for r in results(panel)] == ["note"]
    with qtbot.waitSignal(panel.searched, timeout=10_000):
        panel.highlighted_only.setChecked(True)
    assert [r.kind for r in results(panel)] == ["note"]


def test_activation_emits_the_source_span(qtbot, panel: SearchPanel,
                                          service: AnnotationService) -> None:
    search(qtbot, panel, "使用者")
    index = panel.results_model.index(0, 0)
    r = index.data(SearchRole.RESULT)
    with qtbot.waitSignal(panel.result_activated, timeout=2000) as blocker:
        panel.results.activated.emit(index)
    assert blocker.args == [r]
    tid, start, end = r.transcript_id, r.start, r.end
    text = service.transcript_text(tid)
    hit = text[index.data(SearchRole.HIT_START):index.data(SearchRole.HIT_END)]
    assert hit.replace(" ", "") in ("用户", "用戶", "使用者")
    assert start <= index.data(SearchRole.HIT_START) < index.data(SearchRole.HIT_END) <= end


def test_show_more_appends_the_next_page(qtbot, panel: SearchPanel) -> None:
    search(qtbot, panel, "the")
    first = panel.results_model.rowCount()
    assert first == 50 and not panel.more_button.isHidden()
    with qtbot.waitSignal(panel.searched, timeout=10_000):
        panel.more_button.click()
    more = results(panel)
    assert len(more) > first
    keys = [(r.transcript_id, r.start, r.kind) for r in more]
    assert len(set(keys)) == len(keys)


def test_snippet_is_plain_text_with_bold_hits() -> None:
    snippet = 'Revenue <b>rose</b> &amp; <img src="file:///etc/passwd"> fell'
    doc = snippet_document("Acme · Q1 2025", snippet, [(0, 7)], QFont())
    assert doc.toPlainText() == "Acme · Q1 2025\n" + snippet
    block = doc.lastBlock()
    bold = [(f.start, f.length) for f in block.textFormats() if f.format.fontWeight() >= 700]
    assert bold == [(0, 7)]
    assert "<img" not in doc.toHtml() and "&lt;img" in doc.toHtml()  # text, not markup


def test_results_paint(qtbot, panel: SearchPanel) -> None:
    search(qtbot, panel, "营收")
    panel.resize(600, 400)
    panel.show()
    qtbot.waitExposed(panel)
    pixmap = QPixmap(panel.size())
    panel.render(pixmap)  # goes through the delegate's paint
    assert not pixmap.isNull()
    assert panel.results.sizeHintForRow(0) > panel.fontMetrics().height()


def test_focus_search_selects_the_query(qtbot, panel: SearchPanel) -> None:
    panel.show()
    qtbot.waitExposed(panel)
    panel.query.setText("guidance")
    panel.focus_search()
    assert panel.query.selectedText() == "guidance"

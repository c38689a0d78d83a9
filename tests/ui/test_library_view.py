"""The library table: models pass the model tester, import in the background with progress,
failures and cancel, filters and sorting, activation; the UI keeps running during imports."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QThreadPool, QTimer, QUrl
from PySide6.QtGui import QDropEvent

from reader.services.annotations import AnnotationService
from reader.services.library import ImportSummary, LibraryService
from reader.services.paths import ENV_VAR
from reader.ui.library.view import (
    ALL_PERIODS,
    Column,
    LibraryRole,
    LibraryTableModel,
    LibraryView,
)

pytestmark = pytest.mark.gui

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
GOOD = sorted(FIXTURES.glob("*.txt"))


@pytest.fixture(autouse=True)
def _isolated_library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "default-library.sqlite3"))


@pytest.fixture
def service(tmp_path: Path) -> Iterator[AnnotationService]:
    with AnnotationService.open(tmp_path / "library.sqlite3") as svc:
        yield svc


@pytest.fixture
def pool() -> Iterator[QThreadPool]:
    p = QThreadPool()
    yield p
    p.waitForDone(30_000)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "calls"
    (root / "sub").mkdir(parents=True)
    for i, f in enumerate(GOOD):
        shutil.copy(f, root / ("sub" if i % 2 else ".") / f.name)
    (root / "empty.txt").write_bytes(b"")
    (root / "sub" / "binary.txt").write_bytes(bytes(range(256)) * 10)
    return root


@pytest.fixture
def view(qtbot, service: AnnotationService, pool: QThreadPool) -> LibraryView:
    widget = LibraryView(LibraryService(service), pool)
    qtbot.addWidget(widget)
    return widget


def run_import(qtbot, view: LibraryView, paths: list[Path]) -> ImportSummary:
    with qtbot.waitSignal(view.import_finished, timeout=60_000) as blocker:
        assert view.import_paths(paths)
    summary = blocker.args[0]
    assert isinstance(summary, ImportSummary)
    return summary


def test_models_pass_the_model_tester(qtmodeltester, view: LibraryView, qtbot,
                                      folder: Path) -> None:
    run_import(qtbot, view, [folder])
    qtmodeltester.check(view.model)
    qtmodeltester.check(view.proxy)
    empty = LibraryTableModel()
    qtmodeltester.check(empty)


def test_import_lists_calls_and_failures(qtbot, view: LibraryView, folder: Path) -> None:
    progress: list[tuple[int, int, str]] = []
    view.import_started.connect(lambda: progress.clear())
    with qtbot.waitSignal(view.import_finished, timeout=60_000) as blocker:
        view.import_paths([folder])
        assert view.importing and not view.import_files_button.isEnabled()
        view.import_progressed.connect(lambda d, t, c: progress.append((d, t, c)))
    summary = blocker.args[0]
    assert summary.new == len(GOOD)
    assert view.model.rowCount() == len(GOOD)
    reasons = [view.failures.item(i).text() for i in range(view.failures.count())]
    assert sorted(r.split(":")[0] for r in reasons) == ["binary.txt", "empty.txt"]
    assert not view.failures.isHidden()
    assert not view.importing and view.import_files_button.isEnabled()
    assert view.progress.isHidden()
    assert str(len(GOOD)) in view.status.text()
    assert progress and progress[-1][0] == progress[-1][1] == summary.total


def test_filters_and_sorting(qtbot, view: LibraryView, folder: Path) -> None:
    run_import(qtbot, view, [folder])
    proxy = view.proxy
    view.company_filter.setText("lanting")
    assert proxy.rowCount() == 1
    assert proxy.index(0, Column.COMPANY).data() == "Lanting Digital"
    view.company_filter.clear()
    assert proxy.rowCount() == len(GOOD)
    view.period_filter.setCurrentText("Q2 2024")
    periods = {proxy.index(r, Column.PERIOD).data() for r in range(proxy.rowCount())}
    assert periods == {"Q2 2024"} and proxy.rowCount() >= 2
    view.period_filter.setCurrentText(ALL_PERIODS)
    view.table.sortByColumn(Column.PERIOD, Qt.SortOrder.AscendingOrder)
    keys = [proxy.index(r, Column.PERIOD).data(LibraryRole.SORT_KEY)
            for r in range(proxy.rowCount())]
    assert keys == sorted(keys)
    shown = [proxy.index(r, Column.PERIOD).data() for r in range(proxy.rowCount())]
    known = [p for p in shown if p]
    assert known.index("Q4 2023") < known.index("Q2 2024") < known.index("Q2 2025")
    view.table.sortByColumn(Column.COMPANY, Qt.SortOrder.DescendingOrder)
    names = [proxy.index(r, Column.COMPANY).data().casefold() for r in range(proxy.rowCount())]
    assert names == sorted(names, reverse=True)


def test_activating_a_row_emits_its_transcript(qtbot, view: LibraryView,
                                               service: AnnotationService, folder: Path) -> None:
    run_import(qtbot, view, [folder])
    view.company_filter.setText("hoshan")
    index = view.proxy.index(0, Column.PERIOD)
    expected = next(i.id for i in service.library() if i.company == "Hoshan Mobility")
    with qtbot.waitSignal(view.transcript_activated, timeout=2000) as blocker:
        view.table.activated.emit(index)
    assert blocker.args == [expected]


def test_ui_keeps_serving_timers_while_importing(qtbot, view: LibraryView,
                                                 folder: Path) -> None:
    events: list[str] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: events.append("tick"))
    copies = folder / "more"
    copies.mkdir()
    for n in range(4):  # enough work to span many timer intervals
        for f in GOOD:
            text = f.read_text(encoding="utf-8") + f"\nOperator\nCopy {n}.\n"
            (copies / f"{n}_{f.name}").write_text(text, encoding="utf-8")
    view.import_started.connect(lambda: events.append("start"))
    timer.start()
    with qtbot.waitSignal(view.import_finished, timeout=120_000):
        view.import_paths([folder])
        view.import_progressed.connect(lambda *a: events.append("progress"))
    timer.stop()
    first = events.index("progress")
    last = len(events) - 1 - events[::-1].index("progress")
    # Timer ticks were delivered between progress reports: the event loop never stalled
    # for the length of the import.
    assert "tick" in events[first:last]


def test_cancel_stops_between_files(qtbot, view: LibraryView, service: AnnotationService,
                                    folder: Path) -> None:
    done: list[int] = []
    with qtbot.waitSignal(view.import_finished, timeout=60_000) as blocker:
        view.import_paths([folder])

        def on_progress(d: int, t: int, c: str) -> None:
            done.append(d)
            if d == 2:
                view.cancel_import()

        view.import_progressed.connect(on_progress)
    summary = blocker.args[0]
    assert summary.cancelled and summary.done < summary.total
    assert view.model.rowCount() == summary.new == len(service.library())
    assert "cancelled" in view.status.text()


def test_dropping_a_folder_imports_it(qtbot, view: LibraryView, folder: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder))])
    event = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(view.import_finished, timeout=60_000):
        view.dropEvent(event)
    assert view.model.rowCount() == len(GOOD)

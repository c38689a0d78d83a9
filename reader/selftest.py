"""`reader --self-test`: drive the real window and library once, offscreen, to prove a build works.

Meant for packaged builds, where a missing plugin, dictionary or migration only shows when the
code that needs it runs: the Qt platform and SVG plugins (window icon), the bundled example
transcript (opened through the window's own background queue), OpenCC's dictionaries (the
Simplified to Traditional switch), Alembic's migration scripts (a new library database in a
temporary folder), the Markdown export, and the document front ends with their libraries
(a small PDF, Word file, web page and subtitle file). Nothing of the user's is read or written: settings
and the library live in a temporary folder that is removed at the end.

One line per step on stdout; on the first failure one line on stderr and exit status 1.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from reader.core.model import Paragraph, Transcript
    from reader.ui.window.main_window import MainWindow

EXAMPLE = Path(__file__).resolve().parent / "examples" / "lanting_q2_2024.txt"
"""The bundled example call (a frozen build keeps it at the same place under its data root)."""
DOCUMENTS = EXAMPLE.parent / "documents"
DOCUMENT_EXAMPLES = ("weiming_q4_2024.pdf", "weiming_q4_2024.docx", "weiming_q4_2024.html",
                     "weiming_q4_2024.vtt")
"""One small call in each kind of document whose reader needs a library or data files."""
TIMEOUT_S = 60.0
_HAN = re.compile(r"[\u4e00-\u9fff]")
_MARKDOWN_SPECIAL = re.compile(r"[\\`*_\[\]<>#|~&$%=+\-]")
_HARMLESS_QT = ("This plugin does not support propagateSizeHints()",)
"""Qt warnings that say nothing about the build: the offscreen platform cannot resize top-level
windows to hints, and says so whenever a window is shown."""


class SelfTestError(Exception):
    """A step failed; the message is the one line the user sees."""


def _since_process_start() -> float | None:
    """Seconds since this process was started by the OS (Linux only; None elsewhere).

    Counts the executable's own start (PyInstaller's bootloader, or the Python interpreter),
    which time since this module's import would miss.
    """
    try:
        stat = Path("/proc/self/stat").read_text()
        # Field 22 (start time, clock ticks since boot) comes after the parenthesised name.
        start_ticks = int(stat.rsplit(")", 1)[1].split()[19])
        return time.clock_gettime(time.CLOCK_BOOTTIME) - start_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, AttributeError):
        return None


def _wait(app: QApplication, done: Callable[[], bool], what: str,
          timeout_s: float = TIMEOUT_S) -> None:
    """Run the event loop until `done()` holds."""
    from PySide6.QtCore import QEventLoop

    deadline = time.monotonic() + timeout_s
    while not done():
        if time.monotonic() > deadline:
            raise SelfTestError(f"timed out after {timeout_s:.0f} s waiting for {what}")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.002)


def _quote_paragraph(t: Transcript) -> Paragraph:
    """A one-line Chinese paragraph that Markdown shows verbatim (so the export check is exact)."""
    for turn in t.turns:
        for para in turn.paragraphs:
            text = para.text.strip()
            if (_HAN.search(text) and "\n" not in text and 8 <= len(text) <= 200
                    and not _MARKDOWN_SPECIAL.search(text)):
                return para
    raise SelfTestError(f"{t.source.name}: no plain one-line Chinese paragraph to highlight")


class _Run:
    """The steps, in order; each returns the detail printed after its name."""

    def __init__(self, example: Path, workdir: Path, out: TextIO) -> None:
        self.example = example
        self.workdir = workdir
        self.out = out
        self.step = "start"
        self.qt_messages: list[str] = []
        self.dialogs: list[str] = []
        self.failures: list[str] = []

    def report(self, step: str, detail: str) -> None:
        print(f"ok  {step:<9} {detail}", file=self.out, flush=True)

    def run(self) -> None:
        if not os.environ.get("QT_QPA_PLATFORM"):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before the QApplication exists
        self.step = "qt"
        from PySide6.QtCore import QSettings, QTimer, qInstallMessageHandler, qVersion
        from PySide6.QtGui import QImageReader

        from reader import APP_NAME
        from reader.ui.app import create_app, create_window
        from reader.ui.settings import Settings

        qInstallMessageHandler(self._on_qt_message)
        app = create_app([sys.argv[0]])
        formats = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
        if "svg" not in formats:
            raise SelfTestError("the SVG image plugin is missing (imageformats/qsvg)")
        self.report("qt", f"Qt {qVersion()}, platform {app.platformName()}, SVG images ok")

        # A modal box (an error while opening) would wait for a click forever: note its text,
        # close it, and fail the step that caused it.
        watchdog = QTimer()
        watchdog.setInterval(50)
        watchdog.timeout.connect(self._close_modal)
        watchdog.start()

        self.step = "window"
        settings = Settings(QSettings(str(self.workdir / "settings.ini"),
                                      QSettings.Format.IniFormat))
        window = create_window(settings)
        window.resize(1200, 800)
        window.show()
        icon = window.windowIcon()
        if icon.isNull() or icon.pixmap(64, 64).isNull():
            raise SelfTestError("the window has no icon (resources/icons/app.svg or the SVG "
                                "icon engine is missing)")
        if app.applicationDisplayName() != APP_NAME:
            raise SelfTestError(f"application name is {app.applicationDisplayName()!r}")
        self.report("window", f"{APP_NAME!r} shown with its icon")

        try:
            self._document_steps(app, window)
            self._containers_step()
        finally:
            watchdog.stop()
            window.close()
            window.open_queue.wait(5000)
            window.deleteLater()
            app.processEvents()
        qInstallMessageHandler(None)
        if self.qt_messages:
            self.step = "qt"
            raise SelfTestError(f"Qt warned: {self.qt_messages[0]}")

    def _document_steps(self, app: QApplication, window: MainWindow) -> None:
        from PySide6.QtCore import QEvent, QObject

        self.step = "open"
        if not self.example.is_file():
            raise SelfTestError(f"example transcript missing: {self.example}")
        painted: list[float] = []

        class _FirstPaint(QObject):
            def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Paint and not painted:
                    painted.append(time.monotonic())
                return False

        watch = _FirstPaint(window)

        def watch_current_tab(_index: int) -> None:
            view = window.current_view()
            if view is not None:
                view.viewport().installEventFilter(watch)

        window.tabs.currentChanged.connect(watch_current_tab)
        window.open_queue.failed.connect(lambda _path, message: self.failures.append(message))
        t0 = time.monotonic()
        window.open_files([str(self.example)])
        _wait(app, lambda: bool(painted) or bool(self.failures) or bool(self.dialogs),
              f"{self.example.name} to open and paint")
        if self.failures or self.dialogs:
            raise SelfTestError((self.failures or self.dialogs)[0])
        doc = window.current_document()
        if doc is None:
            raise SelfTestError(f"{self.example.name}: opened, but no tab shows it")
        t = doc.transcript
        since_start = _since_process_start()
        first_paint = (f"first paint {1000 * since_start:.0f} ms after process start"
                       if since_start is not None
                       else f"first paint {1000 * (painted[0] - t0):.0f} ms after asking")
        self.report("open", f"{self.example.name}: {len(t.turns)} turns, "
                    f"{len(t.speakers)} speakers; {first_paint}")

        self.step = "script"
        view = doc.view
        source_before = t.text
        window.set_script("none")
        # The call shows its top first and the rest just after: compare whole texts.
        _wait(app, view.fully_written, "the rest of the call to be written")
        shown_before = view.toPlainText()
        window.set_script("s2t")
        app.processEvents()
        shown_after = view.toPlainText()
        if shown_after == shown_before:
            raise SelfTestError("switching to Traditional script changed nothing on screen "
                                "(OpenCC dictionaries missing?)")
        if t.text != source_before or view.transcript() is not t:
            raise SelfTestError("switching script changed the transcript's source text")
        changed = sum(a != b for a, b in zip(shown_before, shown_after, strict=False))
        self.report("script", f"s2t: {changed} characters shown differently, source unchanged")
        self._taiwan_step(app, window, shown_after)

        self.step = "select"
        para = _quote_paragraph(t)
        quote = para.text.strip()
        q_start = para.start + para.text.index(quote)
        q_end = q_start + len(quote)
        if not view.select_source_span(q_start, q_end):
            raise SelfTestError("the chosen paragraph is not shown")
        selected = view.selection_source_span()
        if selected != (q_start, q_end):
            raise SelfTestError(f"selection maps back to {selected}, expected {(q_start, q_end)}")
        self.report("select", f"converted selection maps back to source {q_start}..{q_end}")

        self._library_steps(t, quote, q_start, q_end)

    def _taiwan_step(self, app: QApplication, window: MainWindow, traditional: str) -> None:
        """Taiwan phrasing loads the merged phrase table shipped with the app (a missing
        file would only show as 16 MB more memory)."""
        from reader.core.convert import UNION_FILE, converter

        self.step = "taiwan"
        if not UNION_FILE.is_file():
            raise SelfTestError(f"the merged phrase table is missing ({UNION_FILE.name})")
        window.set_script("s2twp")
        app.processEvents()
        view = window.current_view()
        if view is None or view.toPlainText() == traditional:
            raise SelfTestError("switching to Taiwan phrasing changed nothing on screen")
        table = ("merged phrase table" if converter("s2twp").uses_union_file
                 else "OpenCC's own configuration (its tables differ from the merged file's)")
        self.report("taiwan", f"s2twp shown, on {table}")

    def _library_steps(self, t: Transcript, quote: str, start: int, end: int) -> None:
        from db.engine import HEAD_REVISION
        from reader.services.annotations import AnnotationService

        self.step = "library"
        service = AnnotationService.open(self.workdir / "library.sqlite3")
        try:
            report = service.db.report
            if report.current != HEAD_REVISION or report.found is not None:
                raise SelfTestError(f"new library at revision {report.current}, "
                                    f"expected {HEAD_REVISION}")
            info = service.import_transcript(t, self.example).transcript
            self.report("library", f"temporary library created by migrations up to "
                        f"{HEAD_REVISION}; call imported as #{info.id}")

            self.step = "highlight"
            highlight = service.add_highlight(info.id, start, end, tags=["self-test"])
            if highlight.quote != quote:
                raise SelfTestError(f"stored quote {highlight.quote!r} differs from {quote!r}")
            self.report("highlight", f"#{highlight.id} on {len(quote)} characters")

            self.step = "export"
            docs = service.export([info.id])
            if len(docs) != 1 or docs[0].count != 1:
                raise SelfTestError(f"expected one note with one highlight, got {len(docs)}")
            if quote not in docs[0].markdown:
                raise SelfTestError("the exported Markdown does not contain the highlighted quote")
            self.report("export", f"{docs[0].file_name}: {len(docs[0].markdown)} characters, "
                        "quote present")
        finally:
            service.close()

    def _containers_step(self) -> None:
        """Each example document parses into an outline through its front end."""
        import importlib.util

        from reader.core.pipeline import parse_bytes

        self.step = "documents"
        parts = []
        for name in DOCUMENT_EXAMPLES:
            path = DOCUMENTS / name
            container = path.suffix.lstrip(".")
            if (container == "pdf"
                    and importlib.util.find_spec("reader.core.documents.pdf") is None):
                parts.append("pdf skipped (this build has no PDF front end: "
                             "reader.core.documents.pdf is missing)")
                continue
            if not path.is_file():
                raise SelfTestError(f"example document missing: {path}")
            try:
                t = parse_bytes(path.read_bytes(), path.name)
            except ValueError as exc:
                raise SelfTestError(f"{name}: {exc}") from None
            if t.source.container != container or "Weiming Textiles" not in t.text:
                raise SelfTestError(f"{name}: read as {t.source.container}, without its text")
            if not t.turns:
                raise SelfTestError(f"{name}: no turns in the outline")
            if container != "pdf" and "Operator" not in {s.name for s in t.speakers}:
                raise SelfTestError(f"{name}: the Operator's speaker line was not read")
            if container == "vtt" and not all(p.time for turn in t.turns
                                               for p in turn.paragraphs):
                raise SelfTestError(f"{name}: paragraphs lost their cue times")
            parts.append(f"{container} {len(t.turns)} turns")
        self.report("documents", ", ".join(parts))

    def _on_qt_message(self, mode: object, _context: object, message: str) -> None:
        from PySide6.QtCore import QtMsgType

        if message in _HARMLESS_QT:
            return
        if mode in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            self.qt_messages.append(" ".join(message.split()))

    def _close_modal(self) -> None:
        from PySide6.QtWidgets import QApplication, QMessageBox

        widget = QApplication.activeModalWidget()
        if isinstance(widget, QMessageBox):
            self.dialogs.append(" ".join(f"{widget.text()} {widget.informativeText()}".split()))
            widget.done(0)


def run_self_test(example: Path | None = None, out: TextIO | None = None,
                  err: TextIO | None = None) -> int:
    """Run every step; 0 when all pass, 1 (and one line on `err`) at the first failure."""
    out = out or sys.stdout
    err = err or sys.stderr
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="transcript-reader-selftest-") as tmp:
        run = _Run(example or EXAMPLE, Path(tmp), out)
        try:
            run.run()
        except SelfTestError as exc:
            print(f"self-test failed at {run.step}: {exc}", file=err, flush=True)
            return 1
        except Exception as exc:  # a bug or a broken build: still one line, and a status
            first = str(exc).splitlines()[0] if str(exc) else ""
            print(f"self-test failed at {run.step}: {type(exc).__name__}: {first}",
                  file=err, flush=True)
            return 1
    print(f"self-test passed in {time.monotonic() - started:.1f} s", file=out, flush=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    """`python -m reader.selftest [--example FILE]` (the app's CLI offers it as --self-test)."""
    import argparse

    parser = argparse.ArgumentParser(prog="reader --self-test", description=__doc__.splitlines()[0])
    parser.add_argument("--example", type=Path, help="transcript to use instead of the bundled one")
    args = parser.parse_args(argv)
    return run_self_test(args.example)


if __name__ == "__main__":
    raise SystemExit(main())

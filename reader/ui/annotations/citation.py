"""Copy with citation: the selection as a quote with who said it, the call and a back-link.

An analyst pastes quotes into memos, chats and notes apps; each wants a different format,
so the clipboard gets all three at once: plain text, Markdown (`text/markdown`) and HTML.
The quote is what the reading view shows (script and cleanup); the back-link names the
source span, so it opens the same passage whatever script it was copied in. Transcript text
is escaped in every format (reader.core.export_md for Markdown, `html.escape` for HTML),
so a quote can never turn into a link, an image or markup where it is pasted.
"""

from __future__ import annotations

import atexit
import html
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QMimeData, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from reader.ui.window.actions import window_action

if TYPE_CHECKING:
    from reader.core.display import DisplayOptions
    from reader.core.model import Transcript
    from reader.core.passages import Speaking
    from reader.core.records import TranscriptInfo
    from reader.ui.window.document_tabs import OpenDocument
    from reader.ui.window.main_window import MainWindow

MARKDOWN_MIME = "text/markdown"
_STATUS_MS = 5000


@dataclass(frozen=True, slots=True)
class Citation:
    """A quote and where it comes from, in the reading view's script."""

    quote: str
    speaker: Speaking | None
    call: tuple[str, ...]  # company (ticker), period, date: those that are known
    link: str



def make_citation(transcript: Transcript, start: int, end: int, options: DisplayOptions,
                  info: TranscriptInfo | None = None) -> Citation:
    """The citation of `transcript.text[start:end]`; `info` (the library's record) gives
    the call's metadata as the reader corrected it, else the parsed metadata is used."""
    from reader.core.links import make_link
    from reader.core.passages import PassageView

    view = PassageView(transcript, transcript.text, options)
    turn = view.turn_at(start, end)
    meta = info if info is not None else transcript.meta
    company = view.user_text(meta.company or meta.title or "")
    if company and meta.ticker:
        company += f" ({meta.ticker})"
    call = tuple(p for p in (company, meta.period or "", meta.date or "") if p)
    return Citation(view.text(start, end), view.speaking(turn) if turn else None, call,
                    make_link(transcript.source.sha256, start, end))


def stored_citation(info: TranscriptInfo, start: int, end: int, quote: str,
                    speaker: str | None, speaker_kind: str | None = None) -> Citation:
    """A citation of a stored highlight as the notebook lists it: the quote already shown
    in the reading view's script, the speaker as the library's index names them (no role)."""
    from reader.core.links import make_link
    from reader.core.passages import Speaking

    company = info.company or info.title or ""
    if company and info.ticker:
        company += f" ({info.ticker})"
    call = tuple(p for p in (company, info.period or "", info.date or "") if p)
    who = Speaking(speaker, None, speaker_kind or "", None, "") if speaker else None
    return Citation(quote, who, call, make_link(info.sha256, start, end))


def combined_mime_data(citations: Sequence[Citation]) -> QMimeData:
    """Several citations in one clipboard entry, one after another in each format."""
    mime = QMimeData()
    mime.setText("\n".join(plain_text(c) for c in citations))
    mime.setData(MARKDOWN_MIME, "\n".join(markdown(c) for c in citations).encode("utf-8"))
    mime.setHtml("".join(html_text(c) for c in citations))
    return mime


def _who(c: Citation) -> str:
    if c.speaker is None:
        return ""
    who = c.speaker.label
    if c.speaker.role:
        who += f" ({c.speaker.role})"
    if c.speaker.speaks_for:
        who += QCoreApplication.translate("Citation", ", for {name}").format(name=c.speaker.speaks_for)
    return who


def plain_text(c: Citation) -> str:
    """“Quote” — Speaker (Role), Company, Period, Date, then the link on its own line."""
    source = ", ".join(p for p in (_who(c), *c.call) if p)
    lines = [f"“{c.quote}”"]
    if source:
        lines.append(f"— {source}")
    lines.append(c.link)
    return "\n".join(lines) + "\n"


def markdown(c: Citation) -> str:
    """A blockquote, then the source and an "Open in Transcript Reader" link; every piece of
    transcript text escaped."""
    from reader.core.export_md import blockquote, escape_inline, speaker_line

    parts = []
    if c.speaker is not None:
        parts.append(speaker_line(c.speaker))
    parts.extend(escape_inline(p) for p in c.call)
    label = QCoreApplication.translate("Citation", "Open in Transcript Reader")
    link = f"[{escape_inline(label)}]({c.link})"
    source = ", ".join(parts)
    return (blockquote(c.quote) or ">") + "\n>\n> — " + (f"{source} · " if source else "") \
        + link + "\n"


def html_text(c: Citation) -> str:
    """The same as a `<blockquote>`: paragraphs and line breaks kept, everything escaped."""
    paragraphs = [p for p in c.quote.replace("\r\n", "\n").split("\n\n") if p.strip()]
    body = "".join("<p>" + "<br>".join(html.escape(line) for line in p.split("\n")) + "</p>"
                   for p in paragraphs)
    parts = []
    if c.speaker is not None:
        who = f"<b>{html.escape(c.speaker.label)}</b>"
        if c.speaker.role:
            who += f" ({html.escape(c.speaker.role)})"
        if c.speaker.speaks_for:
            for_whom = QCoreApplication.translate("Citation", ", for {name}")
            who += html.escape(for_whom.format(name=c.speaker.speaks_for))
        parts.append(who)
    parts.extend(html.escape(p) for p in c.call)
    label = QCoreApplication.translate("Citation", "Open in Transcript Reader")
    link = f'<a href="{html.escape(c.link, quote=True)}">{html.escape(label)}</a>'
    source = ", ".join(parts)
    return (f"<blockquote>{body}<p>— {source + ' · ' if source else ''}{link}</p>"
            "</blockquote>")


_RELEASE: list[QMimeData] = []  # the citation on the clipboard, until the app exits


def put_on_clipboard(mime: QMimeData) -> None:
    """Give `mime` to the clipboard, and make sure it is not the clipboard's at exit.

    Qt deletes what the clipboard holds from a static destructor, after Python has shut
    down; a QMimeData made in Python then calls into the finished interpreter and the app
    crashes on its way out (PySide6 6.11). At exit, a citation still on the clipboard is
    replaced by its plain text, which Qt makes itself.
    """
    if not _RELEASE:
        atexit.register(_release_clipboard)
    _RELEASE[:] = [mime]
    QApplication.clipboard().setMimeData(mime)


def _release_clipboard() -> None:
    if QApplication.instance() is None or not _RELEASE:
        return
    clipboard = QApplication.clipboard()
    if clipboard.mimeData() is _RELEASE[0]:
        clipboard.setText(_RELEASE[0].text())
    _RELEASE.clear()


def mime_data(c: Citation) -> QMimeData:
    """The citation as plain text, Markdown and HTML in one clipboard entry."""
    mime = QMimeData()
    mime.setText(plain_text(c))
    mime.setData(MARKDOWN_MIME, markdown(c).encode("utf-8"))
    mime.setHtml(html_text(c))
    return mime


class CitationCopier(QObject):
    """The window's Copy with Citation action (Ctrl+Shift+C, and the reading view's menu)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.act_copy = window_action(
            window, self.tr("Copy with &Citation"), self._on_copy_triggered,
            ["Ctrl+Shift+C"],
            self.tr("Copy the selection with its speaker, call and a link back to it"))

    @property
    def action(self) -> QAction:
        return self.act_copy

    def copy(self, doc: OpenDocument | None, options: DisplayOptions) -> Citation | None:
        """Put the selection of `doc` on the clipboard with its citation."""
        span = doc.view.selection_source_span() if doc is not None else None
        if doc is None or span is None or span[0] >= span[1]:
            self._status(self.tr("Select some text first, then copy it with its citation."))
            return None
        citation = make_citation(doc.transcript, span[0], span[1], options, doc.info)
        put_on_clipboard(mime_data(citation))
        self._status(self.tr("Copied with its citation (plain text, Markdown and HTML)."))
        return citation

    def _on_copy_triggered(self) -> None:
        from reader.ui.annotations.shown import window_options

        self.copy(self._window.current_document(), window_options(self._window.settings))

    def _status(self, message: str) -> None:
        self._window.statusBar().showMessage(message, _STATUS_MS)

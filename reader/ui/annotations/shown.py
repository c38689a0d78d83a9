"""What the window shows of a highlight: its quote in the reading view's script and cleanup.

The dock, the tags/note editor, the export and the citation all quote highlights; they take
the window's view options from here, so each shows the words the reader sees in the
reading view (joined spacing, the chosen script, fillers as chosen), while the stored
anchor stays on the source text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.core.display import DisplayOptions
from reader.core.labels import Script
from reader.ui.settings import Settings

if TYPE_CHECKING:
    from reader.core.model import Transcript
    from reader.core.passages import PassageView
    from reader.core.records import Highlight


def window_options(settings: Settings) -> DisplayOptions:
    """The reading view's options as the window keeps them (every tab shows the same)."""
    return DisplayOptions(script=Script(settings.script), join_cjk_spaces=settings.join_cjk_spaces,
                          hide_fillers=settings.hide_fillers)


class ShownText:
    """Quotes of one call under one set of options; the paragraphs' display is cached."""

    def __init__(self, transcript: Transcript | None, options: DisplayOptions) -> None:
        from reader.core.passages import PassageView  # with the first quote, not at start-up

        self._passage = PassageView
        self.transcript = transcript
        self.options = options
        self._view: PassageView | None = (PassageView(transcript, transcript.text, options)
                                          if transcript else None)

    def quote(self, h: Highlight) -> str:
        """The highlight's words as the reading view shows them; an orphan's stored quote
        goes through the same cleanup and script."""
        if self._view is not None and not h.orphaned and h.end <= len(self._view.source):
            return self._view.text(h.start, h.end)
        return self._passage(None, h.quote, self.options).text(0, len(h.quote))

    def user_text(self, text: str) -> str:
        """A speaker's name or a label in the chosen script."""
        if self._view is None:
            return self._passage(None, "", self.options).user_text(text)
        return self._view.user_text(text)

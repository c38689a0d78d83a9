"""The window's find bar driving find in the current tab."""

from __future__ import annotations

from reader.ui.window.part import WindowPart


class FindLink(WindowPart):
    """The find bar and the current tab's view: queries go to the view, counts come back."""

    def _on_find_triggered(self) -> None:
        view = self._window.current_view()
        selected = view.textCursor().selectedText() if view is not None else ""
        single_line = selected if selected and "\u2029" not in selected else None
        self._window.find_bar.open_bar(single_line)

    def _on_find_next_triggered(self) -> None:
        if not self._window.find_bar.isVisible():
            self._window.find_bar.open_bar()
            return
        self._window.find_bar.step(True)

    def _on_find_previous_triggered(self) -> None:
        if not self._window.find_bar.isVisible():
            self._window.find_bar.open_bar()
            return
        self._window.find_bar.step(False)

    def _on_find_bar_query_edited(self, query: str) -> None:
        view = self._window.current_view()
        if view is None:
            return
        if not query:
            view.clear_find()
            self._window.find_bar.set_result(0, 0)
            return
        total = view.find(query)
        self._window.find_bar.set_result(view.current_find_hit() + 1, total)

    def _on_find_bar_next_requested(self) -> None:
        view = self._window.current_view()
        if view is not None:
            current = view.find_next()
            self._window.find_bar.set_result(current + 1, view.find_hit_count())

    def _on_find_bar_previous_requested(self) -> None:
        view = self._window.current_view()
        if view is not None:
            current = view.find_previous()
            self._window.find_bar.set_result(current + 1, view.find_hit_count())

    def _on_find_bar_closed(self) -> None:
        for doc in self._window.tabs:
            doc.view.clear_find()
        view = self._window.current_view()
        if view is not None:
            view.setFocus()

    def _refresh_find(self) -> None:
        """The view re-finds after a rebuild; show its new count."""
        view = self._window.current_view()
        if view is not None and self._window.find_bar.isVisible() and self._window.find_bar.query():
            self._window.find_bar.set_result(view.current_find_hit() + 1, view.find_hit_count())

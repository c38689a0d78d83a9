"""The side docks and the tool bar as the window's width allows, and keys that bring a dock forward.

Below `COMPACT_WIDTH` (a laptop screen, up to 1440 px) the side docks give way: every docked one moves into
one tabbed column on the right, at most `COMPACT_DOCK_SHARE` of the width, and the tool bar's
secondary actions (cleanup toggles, Jump to Q&A, the colour buttons, all also in the menus)
move into its "More" menu; the reading columns keep well over 60 % of the window. Widening
again puts the docks back where they were (the layout saved when they moved), with any dock
the reader showed or hid meanwhile still shown or hidden.

Ctrl+Shift+L, Ctrl+Shift+H (and Ctrl+Shift+F, through the library) show their dock, raise
it over the docks tabbed with it and give it the focus; they never hide it. The View menu's
check items still toggle.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMenu, QToolButton, QWidget

from reader.ui.window.actions import window_action
from reader.ui.window.part import WindowPart

if TYPE_CHECKING:
    from reader.ui.window.main_window import MainWindow

COMPACT_WIDTH = 1440
"""Below this window width the side docks share one column and the tool bar slims down: a
1366 or 1440 px laptop screen leaves the reading columns half the width otherwise."""
COMPACT_DOCK_SHARE = 0.3
"""The docks' column takes at most this share of a narrow window."""
COMPACT_DOCK_MIN = 240



class _ResizeWatcher(QObject):
    """Tells the layout when the window's width changes (the part itself is no QObject)."""

    def __init__(self, on_resized: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._on_resized = on_resized

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._on_resized()
        return False


class SideDocks(WindowPart):
    """The compact and wide arrangements of docks and tool bar, and the show-and-raise keys."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._compact = False
        self._wide_state = QByteArray()
        self._visible_when_compacted: dict[str, bool] = {}
        self._secondary: list[QAction] = []
        self._toolbar_order: list[QAction] = []
        self._more_action: QAction | None = None
        self._watcher = _ResizeWatcher(self._on_window_resized, window)
        self._apply_pending = False

    # -- set-up ---------------------------------------------------------------------------

    def docks(self) -> list[QDockWidget]:
        """The side docks, outline first."""
        w = self._window
        return [w._dock, w._library.dock, w._annotations.dock, w._discrepancy_dock]

    def build(self) -> None:
        """Take over the dock shortcuts, prepare the tool bar's More menu, follow the width."""
        w = self._window
        self.act_present_library = self._present_action(
            w._library.act_show_dock, self._on_present_library_triggered,
            QCoreApplication.translate("SideDocks", "Show the library of calls"))
        self.act_present_highlights = self._present_action(
            w._annotations.act_show_dock, self._on_present_highlights_triggered,
            QCoreApplication.translate("SideDocks", "Show the highlights of this call"))
        self._build_more_menu()
        w.installEventFilter(self._watcher)
        if w.isVisible():
            self._apply_width()

    def _present_action(self, toggle: QAction, slot: Callable[[], None], tip: str) -> QAction:
        """An action with `toggle`'s keys that brings its dock forward; the toggle keeps its
        place in the View menu, showing the keys without owning them."""
        keys = toggle.shortcuts()
        toggle.setShortcuts([])
        label = toggle.text()
        if keys:
            toggle.setText(f"{label}\t{keys[0].toString(QKeySequence.SequenceFormat.NativeText)}")
        action = window_action(self._window, label, slot, [k.toString() for k in keys], tip)
        return action

    def shortcut_actions(self) -> list[QAction]:
        return [self.act_present_library, self.act_present_highlights]

    def _build_more_menu(self) -> None:
        w = self._window
        toolbar = w.chrome._toolbar
        ann = w._annotations
        self._secondary = [w.view_options.act_join_spaces, w.view_options.act_hide_fillers, w.act_jump_qa,
                           *ann.colour_actions]
        self._toolbar_order = list(toolbar.actions())
        self._more_menu = QMenu(w)
        self._more_menu.setObjectName("toolbar_more_menu")
        self._more_menu.addActions([w.view_options.act_join_spaces, w.view_options.act_hide_fillers])
        self._more_menu.addSeparator()
        self._more_menu.addAction(w.act_jump_qa)
        self._more_menu.addSeparator()
        self._more_menu.addActions(ann.colour_actions)
        button = QToolButton(w)
        button.setObjectName("toolbar_more_button")
        button.setText(QCoreApplication.translate("SideDocks", "More"))
        button.setToolTip(QCoreApplication.translate("SideDocks", "Cleanup, Jump to Q&A and the highlight colours"))
        button.setMenu(self._more_menu)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._more_button = button
        self._more_action = toolbar.addWidget(button)
        self._more_action.setVisible(False)

    # -- width -------------------------------------------------------------------------------

    def is_compact(self) -> bool:
        return self._compact

    def _on_window_resized(self) -> None:
        # Once the window has laid out its new size (and, at start, its restored layout):
        # docks moved before that can leave a tab bar of their old place on screen.
        if not self._apply_pending:
            self._apply_pending = True
            QTimer.singleShot(0, self._window, self._on_apply_timer)

    def _on_apply_timer(self) -> None:
        self._apply_pending = False
        if self._window.isVisible():
            self._apply_width()

    def _apply_width(self) -> None:
        compact = self._window.width() < COMPACT_WIDTH
        if compact and not self._compact:
            self._go_compact()
        elif not compact and self._compact:
            self._go_wide()
        elif compact:
            self._size_column()

    def _go_compact(self) -> None:
        w = self._window
        self._compact = True
        self._wide_state = w.saveState()
        docks = [d for d in self.docks() if not d.isFloating()]
        self._visible_when_compacted = {d.objectName(): not d.isHidden() for d in docks}
        # The dock the reader has in front (before the first show, none is: the first).
        front = next((d for d in docks if d.isVisible() and not d.visibleRegion().isEmpty()),
                     None)
        first = docks[0]
        for dock in docks:
            # Taken out first: moved straight across, a dock leaves its old tab bar behind,
            # drawn over the menu bar.
            w.removeDockWidget(dock)
        for dock in docks:
            w.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            if dock is not first:
                w.tabifyDockWidget(first, dock)
        for dock in docks:
            dock.setHidden(not self._visible_when_compacted[dock.objectName()])
        (front or first).raise_()
        self._slim_toolbar(True)
        self._size_column()

    def _go_wide(self) -> None:
        w = self._window
        self._compact = False
        now = {d.objectName(): not d.isHidden() for d in self.docks() if not d.isFloating()}
        if not self._wide_state.isEmpty():
            w.restoreState(self._wide_state)
        for dock in self.docks():
            name = dock.objectName()
            if name in now and now[name] != self._visible_when_compacted.get(name, now[name]):
                dock.setHidden(not now[name])  # the reader changed it while narrow
        self._slim_toolbar(False)

    def _size_column(self) -> None:
        w = self._window
        shown = [d for d in self.docks() if not d.isHidden() and not d.isFloating()]
        if shown:
            width = max(COMPACT_DOCK_MIN, int(w.width() * COMPACT_DOCK_SHARE))
            w.resizeDocks(shown[:1], [width], Qt.Orientation.Horizontal)

    def _slim_toolbar(self, slim: bool) -> None:
        toolbar = self._window.chrome._toolbar
        if slim:
            for action in self._secondary:
                toolbar.removeAction(action)
        else:
            present = set(toolbar.actions())
            for n, action in enumerate(self._toolbar_order):
                if action in present:
                    continue
                after = next((a for a in self._toolbar_order[n + 1:] if a in present), None)
                toolbar.insertAction(after, action)  # type: ignore[arg-type]  # None: at the end
                present.add(action)
            self._window.chrome._style_colour_buttons()
        if self._more_action is not None:
            self._more_action.setVisible(slim)

    def state_to_save(self) -> QByteArray:
        """The window layout to remember: the wide one, even when closed narrow (it is what
        the next session, perhaps on a larger screen, starts from)."""
        w = self._window
        if not self._compact:
            return w.saveState()
        self._go_wide()
        state = w.saveState()
        self._go_compact()
        return state

    # -- bringing a dock forward ---------------------------------------------------------

    def present(self, dock: QDockWidget, focus: QWidget | None = None) -> None:
        """Show `dock`, raise it over the docks tabbed with it and focus `focus` in it."""
        dock.show()
        dock.raise_()
        if dock.isFloating():
            dock.activateWindow()
        target = focus if focus is not None else dock.widget()
        if target is not None:
            target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _on_present_library_triggered(self) -> None:
        library = self._window.library
        library.show_library()  # shows and raises the dock, builds its pages
        view = library.library_view
        self.present(library.dock, view.table if view is not None else None)

    def _on_present_highlights_triggered(self) -> None:
        dock = self._window.annotations.dock
        dock.build()
        self.present(dock, dock.view)
        # A dock shown for the first time lays its list out on the next turn of the loop.
        QTimer.singleShot(0, lambda: dock.view.setFocus(Qt.FocusReason.ShortcutFocusReason)
                          if dock.isVisible() else None)

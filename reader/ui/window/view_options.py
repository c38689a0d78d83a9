"""The reading options of the window: script, layout, cleanup and font size, applied to every
tab and kept in the settings.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from reader import APP_NAME
from reader.core.labels import SCRIPT_NAMES, Script
from reader.ui.fonts import reading_font
from reader.ui.labels import QT_TRANSLATE_NOOP
from reader.ui.labels import label as ui_label
from reader.ui.reading.view import MAX_POINT_SIZE, MIN_POINT_SIZE
from reader.ui.settings import FONT_POINT_SIZE
from reader.ui.window.actions import window_action
from reader.ui.window.part import WindowPart

LAYOUT_CHOICES = (  # Ctrl+1..4 are the highlight colours
    ("side_by_side", QT_TRANSLATE_NOOP("Labels", "Side by side"), "Alt+1"),
    ("interleaved", QT_TRANSLATE_NOOP("Labels", "Interleaved"), "Alt+2"),
    ("original_only", QT_TRANSLATE_NOOP("Labels", "Original only"), "Alt+3"),
    ("interpretation_only", QT_TRANSLATE_NOOP("Labels", "Interpretation only"), "Alt+4"),
)
"""Labels translated with reader.ui.labels.label."""
ZOOM_FACTOR = 1.1


class ViewOptions(WindowPart):
    """Script, layout, cleanup and font size: set in every tab at once, and remembered."""

    def build_actions(self) -> None:
        """The View menu's script, layout, cleanup and zoom actions, kept here with their slots."""
        w, s = self._window, self._window.settings
        self.script_group = QActionGroup(w)
        self.script_actions: dict[str, QAction] = {}
        for config, label in SCRIPT_NAMES.items():
            action = QAction(ui_label(label), self.script_group)
            action.setCheckable(True)
            action.setData(config)
            action.setChecked(config == s.script)
            self.script_actions[config] = action
        self.script_group.triggered.connect(self._on_script_group_triggered)

        self.layout_group = QActionGroup(w)
        self.layout_actions: dict[str, QAction] = {}
        for mode, label, key in LAYOUT_CHOICES:
            action = QAction(ui_label(label), self.layout_group)
            action.setCheckable(True)
            action.setData(mode)
            action.setShortcut(QKeySequence(key))
            action.setChecked(mode == s.layout_mode)
            w.addAction(action)
            self.layout_actions[mode] = action
        self.layout_group.triggered.connect(self._on_layout_group_triggered)

        self.act_join_spaces = QAction(self.tr("&Join Spaced Chinese"), w)
        self.act_join_spaces.setCheckable(True)
        self.act_join_spaces.setChecked(s.join_cjk_spaces)
        self.act_join_spaces.setToolTip(self.tr("Remove the spaces speech recognition put "
                                                "between Chinese characters"))
        self.act_join_spaces.toggled.connect(self._on_cleanup_toggled)
        self.act_hide_fillers = QAction(self.tr("&Hide Fillers"), w)
        self.act_hide_fillers.setCheckable(True)
        self.act_hide_fillers.setChecked(s.hide_fillers)
        self.act_hide_fillers.setToolTip(self.tr("Hide hesitations such as 嗯, 呃, uh, um"))
        self.act_hide_fillers.toggled.connect(self._on_cleanup_toggled)

        self.act_zoom_in = window_action(w, self.tr("Zoom &In"), self._on_zoom_in_triggered,
                                         ["Ctrl+=", QKeySequence.StandardKey.ZoomIn],
                                         self.tr("Larger text"))
        self.act_zoom_out = window_action(w, self.tr("Zoom &Out"), self._on_zoom_out_triggered,
                                          ["Ctrl+-", QKeySequence.StandardKey.ZoomOut],
                                          self.tr("Smaller text"))
        self.act_zoom_reset = window_action(w, self.tr("&Actual Size"),
                                            self._on_zoom_reset_triggered, ["Ctrl+0"],
                                            self.tr("Text at the default size"))

    def _update_option_buttons(self) -> None:
        s = self._window.settings
        script_label = ui_label(SCRIPT_NAMES[Script(s.script)])
        layout_label = ui_label({m: label for m, label, _ in LAYOUT_CHOICES}[s.layout_mode])
        self._window.chrome.script_button.setText(
            self.tr("Script: {script}").format(script=script_label))
        self._window.chrome.layout_button.setText(
            self.tr("Layout: {layout}").format(layout=layout_label))

    def set_script(self, config: str) -> None:
        """Show Chinese in `config`'s script in every tab, and remember it."""
        self._window.settings.script = config  # validates
        self.script_actions[config].setChecked(True)
        self._update_option_buttons()
        for doc in self._window.tabs:
            view = doc.view
            family = reading_font(round(view.font_point_size()), config).families()
            if family != view.font().families():
                top = view.turn_at_viewport_top()
                font = view.font()
                font.setFamilies(family)
                view.setFont(font)
                view.set_script(config)
                if top is not None:
                    view.scroll_to_turn(top)
            else:
                view.set_script(config)
        self._window.library.set_script(config)
        # Strings from the transcripts outside their views: tab titles, outline, speakers,
        # the discrepancy list.
        for doc in self._window.tabs:
            doc.model.set_script(config)
            tabs = self._window.tabs
            tabs.setTabText(tabs.indexOf(doc.view), self._window._tab_title(doc.transcript))
        self._window._discrepancies.set_script(config)
        current = self._window.current_document()
        if current is not None:
            self._window.setWindowTitle(f"{self._window._tab_title(current.transcript)} — {APP_NAME}")
        self._window._nav._fill_speaker_combo(current)
        self._window._find._refresh_find()
        self._window.annotations.view_options_changed()

    def set_layout_mode(self, mode: str) -> None:
        self._window.settings.layout_mode = mode
        self.layout_actions[mode].setChecked(True)
        self._update_option_buttons()
        for doc in self._window.tabs:
            doc.view.set_layout_mode(mode)
        self._window._find._refresh_find()

    def set_cleanup(self, join_cjk_spaces: bool, hide_fillers: bool) -> None:
        s = self._window.settings
        s.join_cjk_spaces = join_cjk_spaces
        s.hide_fillers = hide_fillers
        for action, value in ((self.act_join_spaces, join_cjk_spaces),
                              (self.act_hide_fillers, hide_fillers)):
            action.blockSignals(True)
            action.setChecked(value)
            action.blockSignals(False)
        for doc in self._window.tabs:
            doc.view.set_cleanup(join_cjk_spaces, hide_fillers)
        self._window._find._refresh_find()
        self._window.annotations.view_options_changed()

    def set_font_point_size(self, pt: float) -> None:
        pt = min(MAX_POINT_SIZE, max(MIN_POINT_SIZE, pt))
        self._window.settings.font_point_size = pt
        for doc in self._window.tabs:
            doc.view.set_font_point_size(pt)

    def _on_script_group_triggered(self, action: QAction) -> None:
        self.set_script(str(action.data()))

    def _on_layout_group_triggered(self, action: QAction) -> None:
        self.set_layout_mode(str(action.data()))

    def _on_cleanup_toggled(self, _checked: bool) -> None:
        self.set_cleanup(self.act_join_spaces.isChecked(), self.act_hide_fillers.isChecked())

    def _on_zoom_in_triggered(self) -> None:
        self.set_font_point_size(round(self._window.settings.font_point_size * ZOOM_FACTOR * 2) / 2)

    def _on_zoom_out_triggered(self) -> None:
        self.set_font_point_size(round(self._window.settings.font_point_size / ZOOM_FACTOR * 2) / 2)

    def _on_zoom_reset_triggered(self) -> None:
        self.set_font_point_size(FONT_POINT_SIZE.default)

    def _on_view_font_size_changed(self, pt: float) -> None:
        # Ctrl+wheel in one view: keep every tab, and the setting, at the same size.
        if abs(pt - self._window.settings.font_point_size) > 0.01:
            self.set_font_point_size(pt)

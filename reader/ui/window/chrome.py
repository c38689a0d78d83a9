"""The main window's menus, tool bar and status bar, built from the actions it defines."""

from __future__ import annotations

from PySide6.QtCore import (
    QSize,
    Qt,
)
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QMenu,
    QProgressBar,
    QToolBar,
    QToolButton,
)

from reader.ui.language import tidy_button_texts
from reader.ui.window.language_menu import LanguageMenu
from reader.ui.window.part import WindowPart


class WindowChrome(WindowPart):
    """The window's menus, tool bar and status bar, built from its actions."""

    def _build_menus(self) -> None:
        bar = self._window.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self._window.act_open)
        self.recent_menu = file_menu.addMenu(self.tr("Open &Recent"))
        self.recent_menu.setObjectName("recent_menu")
        self.recent_menu.aboutToShow.connect(self._window._opener._rebuild_recent_menu)
        file_menu.addAction(self._window.library_switch.act_open_library)
        file_menu.addAction(self._window.server_status.act_use_local)
        file_menu.addSeparator()
        file_menu.addAction(self._window.library.act_import_files)
        file_menu.addAction(self._window.library.act_import_folder)
        file_menu.addSeparator()
        file_menu.addAction(self._window.annotations.export.act_export)
        file_menu.addAction(self._window.annotations.export.act_export_all)
        file_menu.addSeparator()
        file_menu.addAction(self._window.act_close_tab)
        file_menu.addSeparator()
        file_menu.addAction(self._window.act_quit)
        self._window._opener._rebuild_recent_menu()

        edit = bar.addMenu(self.tr("&Edit"))
        edit.addAction(self._window.annotations.act_undo)
        edit.addAction(self._window.annotations.act_redo)
        edit.addSeparator()
        edit.addAction(self._window._citation.act_copy)

        view = bar.addMenu(self.tr("&View"))
        self.script_menu = view.addMenu(self.tr("Chinese &Script"))
        self.script_menu.addActions(self._window.view_options.script_group.actions())
        self.layout_menu = view.addMenu(self.tr("&Layout"))
        self.layout_menu.addActions(self._window.view_options.layout_group.actions())
        view.addAction(self._window.view_options.act_join_spaces)
        view.addAction(self._window.view_options.act_hide_fillers)
        view.addSeparator()
        view.addAction(self._window.view_options.act_zoom_in)
        view.addAction(self._window.view_options.act_zoom_out)
        view.addAction(self._window.view_options.act_zoom_reset)
        view.addSeparator()
        view.addAction(self._window.act_show_outline)
        view.addAction(self._window.act_show_discrepancies)
        view.addAction(self._window.annotations.act_show_dock)
        view.addAction(self._window.library.act_show_dock)
        view.addAction(self._window._notebook.act_notebook)
        view.addSeparator()
        self.language = LanguageMenu(self._window)
        self.language_menu = self.language.add_to(view)

        annotate = bar.addMenu(self.tr("&Annotate"))
        for action in self._window.annotations.annotate_actions():
            if action is None:
                annotate.addSeparator()
            else:
                annotate.addAction(action)

        go = bar.addMenu(self.tr("&Go"))
        go.addAction(self._window.act_jump_qa)
        go.addAction(self._window.act_next_question)
        go.addAction(self._window.act_previous_question)
        go.addSeparator()
        go.addAction(self._window.act_find)
        go.addAction(self._window.act_find_next)
        go.addAction(self._window.act_find_previous)
        go.addAction(self._window.library.act_search)
        go.addSeparator()
        go.addAction(self._window.act_next_discrepancy)
        go.addAction(self._window.act_previous_discrepancy)

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self._window.act_shortcuts)
        help_menu.addAction(self._window.act_about)

    def _menu_button(self, menu: QMenu, name: str) -> QToolButton:
        button = QToolButton(self._window)
        button.setObjectName(name)
        button.setMenu(menu)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return button

    def _build_toolbar(self) -> None:
        tb = QToolBar(self.tr("Main toolbar"), self._window)
        tb.setObjectName("main_toolbar")
        tb.setMovable(False)
        tb.setIconSize(QSize(16, 16))
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._window.addToolBar(Qt.ToolBarArea.TopToolBarArea, tb)
        tb.addAction(self._window.act_open)
        tb.addSeparator()
        self.script_button = self._menu_button(self.script_menu, "script_button")
        self.script_button.setToolTip(self.tr("Show Chinese in another script"))
        tb.addWidget(self.script_button)
        self.layout_button = self._menu_button(self.layout_menu, "layout_button")
        self.layout_button.setToolTip(self.tr("How original and interpretation are arranged"))
        tb.addWidget(self.layout_button)
        tb.addAction(self._window.view_options.act_join_spaces)
        tb.addAction(self._window.view_options.act_hide_fillers)
        tb.addSeparator()
        self.speaker_combo = QComboBox(self._window)
        self.speaker_combo.setObjectName("speaker_combo")
        self.speaker_combo.setToolTip(self.tr("Show only what one speaker says"))
        self.speaker_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.speaker_combo.setMinimumContentsLength(14)
        self.speaker_combo.activated.connect(self._window._nav._on_speaker_combo_activated)
        tb.addWidget(self.speaker_combo)
        tb.addSeparator()
        tb.addAction(self._window.act_jump_qa)
        tb.addAction(self._window.act_previous_question)
        tb.addAction(self._window.act_next_question)
        tb.addSeparator()
        tb.addAction(self._window.act_find)
        tb.addSeparator()
        for action in (self._window.annotations.act_highlight, *self._window.annotations.colour_actions):
            tb.addAction(action)
            button = tb.widgetForAction(action)
            if isinstance(button, QToolButton) and action is not self._window.annotations.act_highlight:
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self._toolbar = tb
        tidy_button_texts(tb.actions())
        self._window.view_options._update_option_buttons()

    def _style_colour_buttons(self) -> None:
        """Colour buttons show only their swatch (again after the tool bar was slimmed)."""
        for action in self._window.annotations.colour_actions:
            button = self._toolbar.widgetForAction(action)
            if isinstance(button, QToolButton):
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)

    def _build_status_bar(self) -> None:
        bar = self._window.statusBar()
        self._busy_label = QLabel(self._window)
        self._busy_label.setTextFormat(Qt.TextFormat.PlainText)
        self._busy = QProgressBar(self._window)
        self._busy.setObjectName("busy_indicator")
        self._busy.setRange(0, 0)  # indeterminate: parsing reports no progress steps
        self._busy.setMaximumWidth(120)
        self._busy.setMaximumHeight(14)
        self._busy.setTextVisible(False)
        self._busy_cancel = QToolButton(self._window)
        self._busy_cancel.setText(self.tr("Cancel"))
        self._busy_cancel.setAutoRaise(True)
        self._busy_cancel.clicked.connect(self._window._opener._on_busy_cancel_clicked)
        self._doc_info = QLabel(self._window)
        self._doc_info.setTextFormat(Qt.TextFormat.PlainText)
        bar.addPermanentWidget(self._busy_label)
        bar.addPermanentWidget(self._busy)
        bar.addPermanentWidget(self._busy_cancel)
        bar.addPermanentWidget(self._doc_info)
        self._window._opener._on_queue_busy_changed([])

"""The UI language: chosen from the locale or the menu, every menu entry translated, the
.ts sources complete and in step with the code, English when no catalogue can be built."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox

import reader.ui.language as language
from reader.core.labels import (
    SCRIPT_NAMES,
    SECTION_HEADINGS,
    SECTION_OUTLINE_TITLES,
    SECTION_SHORT,
    SECTION_TITLES,
    SPEAKER_KIND_NAMES,
)
from reader.ui.labels import KNOWN
from reader.ui.settings import LANGUAGE, Settings
from reader.ui.window.main_window import MainWindow

pytestmark = [
    pytest.mark.gui,
    # the offscreen platform's notice when a window (or a popup) is shown
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

REPO = Path(__file__).resolve().parents[2]
STAYS_ENGLISH = {"English", "简体中文", "繁體中文", "PDF", "Markdown"}
"""Menu texts that read the same in every language: the languages' own names, formats."""


@pytest.fixture
def translated(qapp: QApplication, tmp_path: Path) -> Iterator[Callable[[str], list[QTranslator]]]:
    """Install a language's translators for the test (catalogues built under tmp_path)."""
    installed: list[QTranslator] = []

    def install(choice: str) -> list[QTranslator]:
        found = language.install_translators(qapp, choice, cache_dir=tmp_path / "i18n")
        installed.extend(found)
        return found

    yield install
    language.remove_translators(qapp, installed)


def menu_texts(window: MainWindow) -> list[tuple[str, str]]:
    """(menu path, text) of every entry of the menu bar, submenus included, in order."""
    found: list[tuple[str, str]] = []

    def walk(menu: QMenu, path: str) -> None:
        menu.aboutToShow.emit()  # menus filled when opened (recent files)
        for action in menu.actions():
            if action.isSeparator():
                continue
            found.append((path, action.text()))
            if action.menu() is not None:
                walk(action.menu(), f"{path} > {action.text()}")

    for top in window.menuBar().actions():
        found.append(("menu bar", top.text()))
        walk(top.menu(), top.text())
    return found


@pytest.mark.parametrize(("locale", "expected"), [
    ("zh_CN", "zh_CN"), ("zh_SG", "zh_CN"), ("zh", "zh_CN"),
    ("zh_TW", "zh_TW"), ("zh_HK", "zh_TW"), ("zh_MO", "zh_TW"),
    ("en_US", "en"), ("en_GB", "en"), ("fr_FR", "en"), ("ja_JP", "en"),
])
def test_language_follows_the_locale(locale: str, expected: str) -> None:
    assert language.language_for_locale(QLocale(locale)) == expected
    assert language.resolve_language("system", QLocale(locale)) == expected


def test_a_chosen_language_overrides_the_locale() -> None:
    assert language.resolve_language("en", QLocale("zh_CN")) == "en"
    assert language.resolve_language("zh_TW", QLocale("en_US")) == "zh_TW"
    assert language.resolve_language("zh_CN", QLocale("zh_HK")) == "zh_CN"


def test_the_language_setting_is_validated(tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    assert settings.language == "system"
    settings.language = "zh_TW"
    assert settings.language == "zh_TW"
    settings.store.setValue(LANGUAGE.name, "klingon")  # a hand-edited file
    assert settings.language == "system"
    with pytest.raises(ValueError, match="invalid value"):
        settings.language = "de"


@pytest.mark.parametrize("code", ["zh_CN", "zh_TW"])
def test_every_menu_entry_is_translated(code: str, make_window: Callable[..., MainWindow],
                                        translated: Callable[[str], list[QTranslator]]) -> None:
    english = menu_texts(make_window(None))
    assert len(translated(code)) == 2, "the app's and Qt's catalogues should both load"
    chinese = menu_texts(make_window(None))
    assert len(chinese) == len(english)
    untranslated = [f"{path}: {text!r}" for (path, text), (_, before) in zip(chinese, english,
                                                                             strict=True)
                    if text == before and language.plain_text(text) not in STAYS_ENGLISH]
    assert not untranslated, (
        f"{len(untranslated)} menu entries are not translated in {code}; run "
        "`python packaging/translations.py` and translate what it lists:\n  "
        + "\n  ".join(untranslated))
    # The language names read the same in every language: each in its own.
    languages = [text for path, text in chinese if path.endswith(("语言(&G)", "語言(&G)"))]
    assert languages[1:] == ["English", "简体中文", "繁體中文"]


@pytest.mark.parametrize(("code", "cancel", "title"), [
    ("zh_CN", "取消", "大纲"), ("zh_TW", "取消", "大綱"),
])
def test_docks_buttons_and_qt_dialogs_are_translated(
        code: str, cancel: str, title: str, make_window: Callable[..., MainWindow],
        translated: Callable[[str], list[QTranslator]]) -> None:
    translated(code)
    window = make_window(None)
    assert window.findChild(type(window._dock), "outline_dock").windowTitle() == title
    # Qt's own catalogue: the standard buttons of its dialogs.
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == cancel
    # Tool bar buttons show the translated text without its bracketed mnemonic.
    texts = [a.iconText() for a in window.chrome._toolbar.actions() if a.text()]
    assert texts and not any("(&" in t or "(O)" in t for t in texts), texts


def test_english_installs_nothing(qapp: QApplication, tmp_path: Path) -> None:
    assert language.install_translators(qapp, "en", cache_dir=tmp_path) == []


def test_without_lrelease_the_window_stays_english(
        qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(language, "lrelease_command", lambda: None)
    installed = language.install_translators(qapp, "zh_CN", cache_dir=tmp_path)
    try:
        assert QCoreApplication.translate("WindowChrome", "&File") == "&File"
    finally:
        language.remove_translators(qapp, installed)
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["Transcript Reader: the window stays in English: lrelease was not found "
                   "(it comes with PySide6)."]


def test_a_catalogue_is_built_once_per_ts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[Path] = []
    compile_catalogue = language.compile_catalogue

    def counting(ts: Path, qm: Path) -> str | None:
        built.append(qm)
        return compile_catalogue(ts, qm)

    monkeypatch.setattr(language, "compile_catalogue", counting)
    first, problem = language.catalogue_path("zh_TW", tmp_path)
    assert problem == "" and first is not None and first.stat().st_size > 1000
    again, _ = language.catalogue_path("zh_TW", tmp_path)
    assert again == first and len(built) == 1
    # An edited .ts gets a catalogue of its own, and the stale one goes.
    resources = tmp_path / "resources"
    (resources / "i18n").mkdir(parents=True)
    ts = language.ts_source("zh_TW")
    (resources / "i18n" / ts.name).write_bytes(ts.read_bytes().replace(b"</TS>", b"\n</TS>"))
    monkeypatch.setattr(language, "resources_dir", lambda: resources)
    edited, _ = language.catalogue_path("zh_TW", tmp_path)
    assert edited is not None and edited != first and not first.exists()


def test_the_ts_files_are_complete_and_in_step_with_the_code() -> None:
    """Fails, naming them, when the code has strings the .ts lack or lack translations of."""
    done = subprocess.run([sys.executable, str(REPO / "packaging" / "translations.py"),
                           "--check"], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, (
        "translations are missing; run `python packaging/translations.py`, translate what it "
        f"lists in resources/i18n/*.ts, and run it again:\n{done.stdout}{done.stderr}")
    assert "0 to translate" in done.stdout


def test_every_core_label_the_window_shows_is_marked_for_translation() -> None:
    shown = {*SCRIPT_NAMES.values(), *SECTION_TITLES.values(), *SECTION_OUTLINE_TITLES.values(),
             *SECTION_HEADINGS.values(), *SECTION_SHORT.values(), *SPEAKER_KIND_NAMES.values()}
    assert shown - set(KNOWN) == set()


@pytest.mark.parametrize(("text", "plain"), [
    ("&Open…", "Open…"), ("Jump to &Q&&A", "Jump to Q&A"), ("打开(&O)…", "打开…"),
    ("跳到问答环节(&Q)", "跳到问答环节"), ("Q&&A only", "Q&A only"),
])
def test_plain_text_drops_either_kind_of_mnemonic(text: str, plain: str) -> None:
    assert language.plain_text(text) == plain


def test_the_language_menu_saves_the_choice_for_the_next_start(
        window: MainWindow, qtbot) -> None:
    group = window.chrome.language.group
    actions = {str(a.data()): a for a in group.actions()}
    assert list(actions) == ["system", "en", "zh_CN", "zh_TW"]
    assert actions["system"].isChecked()
    target = "zh_TW" if language.resolve_language("system") != "zh_TW" else "zh_CN"
    actions[target].trigger()
    assert window.settings.language == target
    assert actions[target].isChecked()
    box = window.findChild(QMessageBox, "language_message")
    assert box is not None and box.isVisible()
    assert "next" in box.text()
    box.close()
    before = window.findChildren(QMessageBox, "language_message")
    actions[target].trigger()  # the same choice again: nothing to say
    assert window.findChildren(QMessageBox, "language_message") == before


def test_the_language_menu_is_in_the_view_menu(window: MainWindow) -> None:
    view = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    entries = [a for a in view.actions() if a.menu() is window.chrome.language_menu]
    assert len(entries) == 1 and isinstance(entries[0], QAction)

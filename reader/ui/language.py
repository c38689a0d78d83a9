"""The UI language: which one (the system locale, or the user's choice), and its translators.

The app's translations are kept as Qt Linguist sources (`resources/i18n/reader_<lang>.ts`).
A packaged build carries them compiled (`resources/i18n/reader_<lang>.qm`, made by
`packaging/translations.py` during the build). Run from source, the .ts is compiled on
first use with PySide6's `lrelease` into the user's cache folder, under a name that carries
the .ts file's hash, so an edited or updated .ts is compiled again and a stale catalogue is
never loaded; without `lrelease` the window stays in English and says why in one line on
stderr. Qt's own catalogue (`qtbase_<lang>.qm`: beside the app's in a packaged build, else
PySide6's) translates the standard dialogs and buttons.
"""

from __future__ import annotations

import importlib.util
import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale

from reader.ui.resources import resources_dir

if TYPE_CHECKING:  # the rest of Qt's types load only for a translated UI
    from PySide6.QtCore import QTranslator
    from PySide6.QtGui import QAction

ENGLISH = "en"
SIMPLIFIED = "zh_CN"
TRADITIONAL = "zh_TW"
SYSTEM = "system"
TRANSLATED = (SIMPLIFIED, TRADITIONAL)
"""The languages with a catalogue; English is the source text itself."""
LANGUAGE_NAMES = {ENGLISH: "English", SIMPLIFIED: "简体中文", TRADITIONAL: "繁體中文"}
"""Each language by its own name (the same in every UI language, as menus usually show them)."""
LRELEASE_TIMEOUT_S = 60

_MNEMONIC_SUFFIX = re.compile(r"\(&[^&\s]\)")
"""A Chinese menu text's mnemonic, as in "打开(&O)…": Qt strips the "&" from tool bar
buttons and shortcut lists, but leaves the brackets."""


def language_for_locale(locale: QLocale) -> str:
    """The UI language for a locale: Chinese in Taiwan, Hong Kong, Macao or written in
    traditional characters gets 繁體, any other Chinese 简体, everything else English."""
    if locale.language() != QLocale.Language.Chinese:
        return ENGLISH
    if locale.script() == QLocale.Script.TraditionalHanScript:
        return TRADITIONAL
    if locale.script() == QLocale.Script.SimplifiedHanScript:
        return SIMPLIFIED
    traditional = (QLocale.Country.Taiwan, QLocale.Country.HongKong, QLocale.Country.Macao)
    return TRADITIONAL if locale.territory() in traditional else SIMPLIFIED


def resolve_language(choice: str, locale: QLocale | None = None) -> str:
    """The language to show for a setting's value ("system": from the locale)."""
    if choice in (ENGLISH, *TRANSLATED):
        return choice
    return language_for_locale(locale if locale is not None else QLocale.system())


def ts_source(language: str) -> Path:
    """The Linguist source of a language's translations (in the repository, not bundled)."""
    return resources_dir() / "i18n" / f"reader_{language}.ts"


def lrelease_command() -> list[str] | None:
    """PySide6's `lrelease` (in its package folder, or `pyside6-lrelease` on PATH), or None."""
    import shutil  # only when a catalogue is built: start-up stays lean
    spec = importlib.util.find_spec("PySide6")
    if spec is not None and spec.submodule_search_locations:
        folder = Path(next(iter(spec.submodule_search_locations)))
        for name in ("lrelease", "lrelease.exe"):
            if (folder / name).is_file() and os.access(folder / name, os.X_OK):
                return [str(folder / name)]
    for name in ("pyside6-lrelease", "lrelease"):
        found = shutil.which(name)
        if found:
            return [found]
    return None


def compile_catalogue(ts: Path, qm: Path) -> str | None:
    """Compile `ts` into `qm` with lrelease; None when done, else why not (one line)."""
    import subprocess

    command = lrelease_command()
    if command is None:
        return "lrelease was not found (it comes with PySide6)"
    qm.parent.mkdir(parents=True, exist_ok=True)
    partial = qm.with_name(qm.name + ".part")
    try:
        done = subprocess.run([*command, "-silent", str(ts), "-qm", str(partial)],
                              capture_output=True, text=True, timeout=LRELEASE_TIMEOUT_S,
                              check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"lrelease could not run: {error}"
    if done.returncode != 0 or not partial.is_file():
        detail = (done.stderr or done.stdout).strip().splitlines()
        return f"lrelease failed on {ts.name}" + (f": {detail[-1]}" if detail else "")
    os.replace(partial, qm)  # a reader never sees half a catalogue
    return None


def catalogue_path(language: str, cache_dir: Path | None = None) -> tuple[Path | None, str]:
    """The compiled catalogue for `language`, and why there is none ("" when there is).

    A catalogue bundled in `resources/i18n` (a packaged build) is used as it is; otherwise
    the .ts is compiled into `cache_dir` (the user's cache folder by default) unless a
    catalogue of the same .ts is already there.
    """
    bundled = resources_dir() / "i18n" / f"reader_{language}.qm"
    if bundled.is_file():
        return bundled, ""
    import hashlib  # only for a translated UI: start-up in English stays lean

    ts = ts_source(language)
    try:
        digest = hashlib.sha256(ts.read_bytes()).hexdigest()[:16]
    except OSError:
        return None, f"no translations found for {language} ({ts.name} is missing)"
    folder = cache_dir if cache_dir is not None else _cache_dir()
    qm = folder / f"reader_{language}-{digest}.qm"
    if qm.is_file():
        return qm, ""
    for old in folder.glob(f"reader_{language}-*.qm"):  # catalogues of earlier .ts files
        old.unlink(missing_ok=True)
    problem = compile_catalogue(ts, qm)
    return (None, problem) if problem else (qm, "")


def _cache_dir() -> Path:
    from PySide6.QtCore import QStandardPaths

    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
    return Path(base or Path.home() / ".cache" / "transcript-reader") / "i18n"


def install_translators(app: QCoreApplication, choice: str,
                        cache_dir: Path | None = None) -> list[QTranslator]:
    """Install the app's and Qt's translators for the chosen language (before any window
    is built); returns them, parented to `app`, so a caller can remove them again.

    English installs nothing. A catalogue that cannot be found or built leaves the UI in
    English, with one line on stderr saying why.
    """
    language = resolve_language(choice)
    if language == ENGLISH:
        return []
    from PySide6.QtCore import QLibraryInfo, QTranslator

    installed: list[QTranslator] = []
    # A packaged build carries Qt's catalogue beside the app's; from source it is PySide6's.
    qt_folders = (str(resources_dir() / "i18n"),
                  QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    qt_translator = QTranslator(app)
    if any(qt_translator.load(f"qtbase_{language}", folder) for folder in qt_folders):
        app.installTranslator(qt_translator)
        installed.append(qt_translator)
    path, problem = catalogue_path(language, cache_dir)
    translator = QTranslator(app)
    if path is not None and translator.load(str(path)):
        app.installTranslator(translator)
        installed.append(translator)
    else:
        reason = problem or f"{path} could not be loaded"
        print(f"Transcript Reader: the window stays in English: {reason}.", file=sys.stderr)
    return installed


def plain_text(text: str) -> str:
    """A menu text as a label: without its mnemonic (either "&Open" or "打开(&O)")."""
    text = _MNEMONIC_SUFFIX.sub("", text)
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def tidy_button_texts(actions: list[QAction]) -> None:
    """Give actions whose translated text carries a bracketed mnemonic a button text
    without it (English texts are left alone: Qt already drops their "&")."""
    for action in actions:
        if _MNEMONIC_SUFFIX.search(action.text()):
            action.setIconText(plain_text(action.text()).rstrip("…"))


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    """Undo `install_translators` (tests switch languages within one process)."""
    for translator in translators:
        app.removeTranslator(translator)
        translator.deleteLater()

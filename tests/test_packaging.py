"""Cheap checks of the packaging recipe: the desktop entry, and what build.spec bundles and where.

The spec is executed with PyInstaller's build steps replaced by recorders, so these tests need
neither PyInstaller nor a build; the real build runs in .ci/package.
"""

from __future__ import annotations

import ast
import configparser
import json
import shutil
import sys
import types
from pathlib import Path

import pytest

from reader import APP_NAME

REPO = Path(__file__).resolve().parents[1]
SPEC = REPO / "build.spec"
DESKTOP = REPO / "packaging" / "linux" / "transcript-reader.desktop"
MAIN_CATEGORIES = {"AudioVideo", "Audio", "Video", "Development", "Education", "Game",
                   "Graphics", "Network", "Office", "Science", "Settings", "System", "Utility"}


class _Recorder:
    """Stands in for one of PyInstaller's spec classes: keeps its arguments."""

    calls: list[_Recorder]

    def __init__(self, *args: object, **kwargs: object) -> None:
        self.args, self.kwargs = args, kwargs
        self.binaries: list[tuple[str, str, str]] = []
        self.datas: list[tuple[str, str, str]] = []
        self.scripts: list[object] = []
        self.pure: list[object] = []
        self.calls.append(self)


@pytest.fixture(scope="module")
def spec() -> dict[str, object]:
    """The namespace build.spec leaves behind, with its Analysis/EXE/COLLECT calls recorded."""
    calls: list[_Recorder] = []
    kinds = {name: type(name, (_Recorder,), {"calls": calls})
             for name in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE")}
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_submodules = lambda package, **_kw: [f"{package}.<all>"]  # type: ignore[attr-defined]
    hooks.collect_data_files = lambda package, **_kw: [(f"/<data of {package}>", package)]  # type: ignore[attr-defined]
    hooks.collect_dynamic_libs = lambda package, **_kw: [(f"/<libs of {package}>", package)]  # type: ignore[attr-defined]
    bindepend = types.ModuleType("PyInstaller.depend.bindepend")
    bindepend.get_imports = lambda _path: set()  # type: ignore[attr-defined]
    stubs = {"PyInstaller": types.ModuleType("PyInstaller"),
             "PyInstaller.utils": types.ModuleType("PyInstaller.utils"),
             "PyInstaller.utils.hooks": hooks,
             "PyInstaller.depend": types.ModuleType("PyInstaller.depend"),
             "PyInstaller.depend.bindepend": bindepend}
    saved_modules = {k: sys.modules.get(k) for k in stubs}
    saved_path = list(sys.path)
    sys.modules.update(stubs)
    try:
        namespace: dict[str, object] = {"SPECPATH": str(REPO), "__name__": "__main__", **kinds}
        exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    finally:
        sys.path[:] = saved_path
        for name, module in saved_modules.items():
            if module is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = module
    namespace["_calls"] = calls
    return namespace


def _calls(spec: dict[str, object], kind: str) -> list[_Recorder]:
    return [c for c in spec["_calls"] if type(c).__name__ == kind]  # type: ignore[attr-defined]


def _datas(spec: dict[str, object]) -> list[tuple[Path, str]]:
    (analysis,) = _calls(spec, "Analysis")
    return [(Path(src), dest) for src, dest in analysis.kwargs["datas"]]  # type: ignore[attr-defined]


# --- the desktop entry ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def desktop() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read_string(DESKTOP.read_text(encoding="utf-8"))
    assert parser.sections() == ["Desktop Entry"]
    return parser["Desktop Entry"]


def test_desktop_entry_names_the_app_its_command_and_icon(desktop, spec):
    exe = spec["EXE_NAME"]
    assert desktop["Type"] == "Application"
    assert desktop["Name"] == APP_NAME
    command, *codes = desktop["Exec"].split()
    # %U: files (as file:// URLs or paths) and reader:// back-links (reader/cli.py reads both).
    assert command == exe and codes == ["%U"]
    assert desktop["TryExec"] == exe
    assert desktop["StartupWMClass"] == exe
    assert desktop["Terminal"] == "false"
    # The icon name is what install.sh installs the SVG as, and the file is named like the
    # desktop file name Qt announces (Wayland app id), so the window finds its entry.
    assert desktop["Icon"] == DESKTOP.stem


def test_desktop_file_name_is_the_one_qt_announces():
    from reader.ui.settings import APPLICATION  # what app.setDesktopFileName() is given

    assert DESKTOP.stem == APPLICATION


def test_desktop_categories_are_registered_and_terminated(desktop):
    categories = desktop["Categories"]
    assert categories.endswith(";")
    names = categories.rstrip(";").split(";")
    assert MAIN_CATEGORIES & set(names), "needs one main category, or menus hide the app"
    assert desktop["MimeType"].endswith(";") and "text/plain" in desktop["MimeType"]


def test_the_back_link_scheme_is_registered_on_every_system(desktop):
    assert "x-scheme-handler/reader" in desktop["MimeType"].split(";")
    script = (REPO / "packaging" / "linux" / "install.sh").read_text(encoding="utf-8")
    assert "xdg-mime default transcript-reader.desktop x-scheme-handler/reader" in script
    iss = (REPO / "packaging" / "windows" / "installer.iss").read_text(encoding="utf-8")
    assert 'Subkey: "Software\\Classes\\reader"; ValueType: string; ValueName: "URL Protocol"' in iss
    assert 'Classes\\reader\\shell\\open\\command' in iss and '""%1""' in iss
    spec = (REPO / "build.spec").read_text(encoding="utf-8")
    assert '"CFBundleURLSchemes": ["reader"]' in spec


def test_install_script_rewrites_exec_of_the_desktop_entry():
    script = (REPO / "packaging" / "linux" / "install.sh").read_text(encoding="utf-8")
    assert "s|^Exec=transcript-reader|" in script
    assert f'"$here/{APP_NAME}"' in script


# --- what build.spec bundles -------------------------------------------------------------


def test_spec_mentions_every_kind_of_data_it_must_bundle():
    text = SPEC.read_text(encoding="utf-8")
    for needle in ('"resources"', '"db/migrations"', '"reader/examples"',
                   '"opencc/clib/share/opencc"', '"qsvg"', '"qsvgicon"', '"qxcb"', '"qoffscreen"',
                   "from reader import APP_NAME, __version__"):
        assert needle in text, needle
    assert "0.1.0" not in text, "the version comes from reader/__init__.py"


def test_one_folder_bundle_named_after_the_app(spec):
    (collect,) = _calls(spec, "COLLECT")
    assert collect.kwargs["name"] == APP_NAME
    exes = _calls(spec, "EXE")
    assert exes and exes[0].kwargs["name"] == "transcript-reader"
    assert all(e.kwargs["exclude_binaries"] for e in exes), "one folder, not one file"


def test_data_files_keep_their_source_tree_paths(spec):
    # resources.py (via sys._MEIPASS), db.engine.MIGRATIONS_DIR and the self-test's EXAMPLE
    # all find files at the same relative place as in the source tree.
    for src, dest in _datas(spec):
        # Installed packages (OpenCC's data) may live in a virtual environment inside the
        # checkout; only the project's own files must keep their source-tree place (the
        # translations compiled into build/ go where reader/ui/language.py looks).
        if src.is_relative_to(REPO) and "site-packages" not in src.parts \
                and not src.is_relative_to(REPO / "build"):
            assert Path(dest) == src.parent.relative_to(REPO), src


def test_bundle_holds_the_compiled_translations_and_qts_own(spec):
    catalogues = {src.name: dest for src, dest in _datas(spec) if src.suffix == ".qm"}
    assert catalogues == {name: "resources/i18n" for name in (
        "reader_zh_CN.qm", "reader_zh_TW.qm", "qtbase_zh_CN.qm", "qtbase_zh_TW.qm")}
    assert not [src for src, _ in _datas(spec) if src.suffix == ".ts"]


def test_bundle_holds_icon_example_and_every_migration(spec):
    bundled = {src.resolve() for src, _ in _datas(spec)}
    assert (REPO / "resources" / "icons" / "app.svg").resolve() in bundled
    assert (REPO / "reader" / "examples" / "lanting_q2_2024.txt").resolve() in bundled
    migrations = REPO / "db" / "migrations"
    for script in [migrations / "env.py", *(migrations / "versions").glob("*.py")]:
        assert script.resolve() in bundled, script
    assert not any("__pycache__" in src.parts for src in bundled)


def test_bundle_holds_the_document_examples_and_front_end_libraries(spec):
    from reader.selftest import DOCUMENT_EXAMPLES, DOCUMENTS

    bundled = {src.resolve() for src, _ in _datas(spec)}
    for name in DOCUMENT_EXAMPLES:
        assert (DOCUMENTS / name).resolve() in bundled, name
    assert ("/<data of docx>", "docx") in [(str(s), d) for s, d in _datas(spec)]
    (analysis,) = _calls(spec, "Analysis")
    hidden = analysis.kwargs["hiddenimports"]  # type: ignore[attr-defined]
    assert {"docx", "lxml.html", "lxml.etree"} <= set(hidden)


def test_frozen_resource_lookup_finds_the_bundled_icon(spec, tmp_path, monkeypatch):
    # Lay the data files out as PyInstaller would under _MEIPASS, then ask resources.py.
    for src, dest in _datas(spec):
        if str(src).startswith("/<"):
            continue  # a placeholder from the stubbed collect_data_files
        target = tmp_path / dest / src.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, target)
    from reader.ui import resources

    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.resources_dir() == tmp_path / "resources"
    assert resources.resource_path("icons", "app.svg").is_file()


def test_opencc_configs_and_every_dictionary_they_use_are_bundled(spec):
    opencc = [(src, dest) for src, dest in _datas(spec) if dest == "opencc/clib/share/opencc"]
    names = {src.name for src, _ in opencc}
    by_name = {src.name: src for src, _ in opencc}
    for config in ("t2s", "s2t", "s2twp", "s2hk"):  # reader.core.convert.CONFIGS
        data = json.loads(by_name[f"{config}.json"].read_text(encoding="utf-8"))
        files = _dictionary_files(data)
        assert files, config
        assert files <= names, f"{config} needs {sorted(files - names)}"


def _dictionary_files(node: object) -> set[str]:
    if isinstance(node, dict):
        found = {node["file"]} if isinstance(node.get("file"), str) else set()
        for value in node.values():
            found |= _dictionary_files(value)
        return found
    if isinstance(node, list):
        return set().union(*(_dictionary_files(v) for v in node)) if node else set()
    return set()


def test_hidden_imports_cover_lazy_imports_and_migration_scripts(spec):
    (analysis,) = _calls(spec, "Analysis")
    hidden = set(analysis.kwargs["hiddenimports"])  # type: ignore[attr-defined]
    assert {"reader.<all>", "db.<all>"} <= hidden  # the CLI imports the window lazily
    assert {"alembic.op", "sqlalchemy"} <= hidden  # only the migration scripts import these


@pytest.mark.parametrize("dest", [
    "PySide6/Qt/plugins/platforms/libqxcb.so",
    "PySide6/Qt/plugins/platforms/libqoffscreen.so",
    "PySide6/Qt/plugins/platforms/libqwayland.so",
    "PySide6/Qt/plugins/imageformats/libqsvg.so",
    "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
    "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
    "PySide6/Qt/lib/libQt6Core.so.6",
    "PySide6/Qt/lib/libQt6Svg.so.6",
    "PySide6/Qt/lib/libQt6XcbQpa.so.6",
    "PySide6/Qt/lib/libQt6DBus.so.6",
    "PySide6/QtWidgets.abi3.so",
    "opencc/clib/opencc_clib.cpython-311-x86_64-linux-gnu.so",
])
def test_qt_and_opencc_files_the_app_needs_are_kept(spec, dest):
    assert spec["qt_file_wanted"](dest) and spec["opencc_file_wanted"](dest)  # type: ignore[operator]


@pytest.mark.parametrize("dest", [
    "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
    "PySide6/Qt/plugins/imageformats/libqpdf.so",
    "PySide6/Qt/plugins/platforms/libqeglfs.so",
    "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
    "PySide6/Qt/lib/libQt6Quick.so.6",
    "PySide6/Qt/lib/libQt6Qml.so.6",
    "PySide6/Qt/lib/libQt6Pdf.so.6",
    "PySide6/Qt/lib/libQt6NetworkAuth.so.6",
    "PySide6/Qt/translations/qtbase_de.qm",
    "opencc/clib/bin/opencc",
    "opencc/clib/lib64/libopencc.a",
    "opencc/clib/include/opencc/opencc.h",
])
def test_qt_and_opencc_files_the_app_does_not_use_are_dropped(spec, dest):
    assert not (spec["qt_file_wanted"](dest) and spec["opencc_file_wanted"](dest))  # type: ignore[operator]


def test_excluded_modules_are_not_imported_by_the_app(spec):
    excluded = set(spec["excludes"])  # type: ignore[call-overload]
    for path in [*(REPO / "reader").rglob("*.py"), *(REPO / "db").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
            for name in names:
                parts = name.split(".")
                prefixes = {".".join(parts[:i]) for i in range(1, len(parts) + 1)}
                assert not prefixes & excluded, f"{path.relative_to(REPO)} imports {name}"

"""The UI translations: regenerate the .ts sources from the code, check them, build the .qm.

    python packaging/translations.py            # update resources/i18n/*.ts from reader/ui,
                                                # then list what is left to translate
    python packaging/translations.py --check    # the same, without writing: exit 1 if the
                                                # .ts lack a string of the code or any
                                                # translation is unfinished
    python packaging/translations.py --qm DIR   # compile each .ts into DIR/reader_<lang>.qm

Strings come from `self.tr("…")`, `QCoreApplication.translate("Context", "…")` and
`QT_TRANSLATE_NOOP("Context", "…")` in reader/ui, read by PySide6's `lupdate`. The .ts keep
no source line numbers (`-locations none`), so moving code does not touch them; strings no
longer in the code are dropped (`-no-obsolete`). New strings come in marked unfinished:
translate them in Qt Linguist (`pyside6-linguist resources/i18n/reader_zh_CN.ts`) or in
the XML directly, then run this again until it reports nothing left.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
I18N = REPO / "resources" / "i18n"
LANGUAGES = ("zh_CN", "zh_TW")

sys.path.insert(0, str(REPO))
from reader.ui.language import compile_catalogue  # noqa: E402


def ts_files(folder: Path = I18N) -> list[Path]:
    return [folder / f"reader_{language}.ts" for language in LANGUAGES]


def sources() -> list[Path]:
    """The modules whose strings are translated: every module of the window."""
    return sorted(p for p in (REPO / "reader" / "ui").rglob("*.py") if "__pycache__" not in p.parts)


def lupdate_command() -> list[str]:
    import PySide6

    folder = Path(PySide6.__file__).parent
    for name in ("lupdate", "lupdate.exe"):
        if (folder / name).is_file():
            return [str(folder / name)]
    found = shutil.which("pyside6-lupdate")
    if found:
        return [found]
    raise SystemExit("translations: PySide6's lupdate was not found")


def run_lupdate(targets: list[Path]) -> None:
    """Bring `targets` (.ts files) up to date with the code's strings."""
    with tempfile.NamedTemporaryFile("w", suffix=".lst", delete=False, encoding="utf-8") as f:
        f.write("\n".join(str(p.relative_to(REPO)) for p in sources()))
        listing = Path(f.name)
    try:
        subprocess.run([*lupdate_command(), "-silent", "-locations", "none", "-no-obsolete",
                        f"@{listing}", "-ts", *map(str, targets)],
                       cwd=REPO, check=True)
    finally:
        listing.unlink(missing_ok=True)


def unfinished(ts: Path) -> list[str]:
    """Each message of `ts` whose translation is missing, unfinished or empty, as
    "context: source"."""
    left = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = [] if translation is None else list(translation.iter("numerusform"))
            texts = [f.text or "" for f in forms] or [
                "" if translation is None else (translation.text or "")]
            if (translation is None or translation.get("type") in ("unfinished", "vanished",
                                                                   "obsolete")
                    or not all(t.strip() for t in texts)):
                left.append(f"{name}: {message.findtext('source', '')}")
    return left


def check(write: bool) -> int:
    """Update (or, with write=False, only compare) the .ts files; report what is left."""
    if write:
        targets = ts_files()
        run_lupdate(targets)
    else:
        scratch = Path(tempfile.mkdtemp(prefix="reader-i18n-"))
        targets = [Path(shutil.copy2(ts, scratch / ts.name)) for ts in ts_files()]
        run_lupdate(targets)
    status = 0
    for ts in targets:
        left = unfinished(ts)
        total = sum(1 for _ in ET.parse(ts).getroot().iter("message"))
        print(f"{ts.name}: {total} strings, {len(left)} to translate")
        for entry in left:
            print(f"  {entry}")
        status |= bool(left)
    if not write:
        shutil.rmtree(targets[0].parent, ignore_errors=True)
    return status


def build_qm(folder: Path) -> int:
    for ts in ts_files():
        problem = compile_catalogue(ts, folder / ts.with_suffix(".qm").name)
        if problem:
            print(f"translations: {problem}", file=sys.stderr)
            return 1
        print(f"translations: {folder / ts.with_suffix('.qm').name}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--check", action="store_true",
                       help="compare without writing; exit 1 if anything is untranslated")
    group.add_argument("--qm", type=Path, metavar="DIR", help="compile the .qm files into DIR")
    args = parser.parse_args(argv)
    if args.qm is not None:
        return build_qm(args.qm)
    return check(write=not args.check)


if __name__ == "__main__":
    sys.exit(main())

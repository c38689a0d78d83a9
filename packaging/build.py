"""Build the desktop app: the PyInstaller bundle, then this system's artefact (archive, installer or dmg).

Run from anywhere, with the project's environment: `python packaging/build.py`. Needs the
`package` extra (`pip install -e '.[package]'`). Writes dist/Transcript Reader/ and
  Linux    dist/transcript-reader-<version>-linux-<arch>.tar.gz (folder, .desktop, icon,
           install script and note)
  Windows  dist/transcript-reader-<version>-windows-x64-setup.exe when Inno Setup's ISCC is
           installed (otherwise it says how to make it)
  macOS    dist/Transcript Reader.app and dist/transcript-reader-<version>-macos-<arch>.dmg
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PACKAGING = REPO / "packaging"
DIST = REPO / "dist"
WORK = REPO / "build" / "pyinstaller"
ICONS = REPO / "build" / "icons"
SVG_ICON = REPO / "resources" / "icons" / "app.svg"
APP_ID = "transcript-reader"  # executable, .desktop file and icon name (Qt's desktopFileName)

sys.path.insert(0, str(REPO))
from reader import APP_NAME, __version__  # noqa: E402

BUNDLE = DIST / APP_NAME
_GLIBC = re.compile(rb"GLIBC_(\d+)\.(\d+)")


def say(message: str) -> None:
    print(f"build: {message}", flush=True)


def render_icons(out: Path) -> None:
    """app.ico (Windows) and app.icns (macOS) from the SVG, drawn by Qt's own SVG renderer."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(SVG_ICON))
    if not renderer.isValid():
        raise SystemExit(f"build: cannot read {SVG_ICON}")
    out.mkdir(parents=True, exist_ok=True)
    for name, fmt, size in (("app.ico", "ICO", 256), ("app.icns", "ICNS", 1024)):
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        if not image.save(str(out / name), fmt):
            say(f"could not write {name} (Qt has no {fmt} writer here); the executable gets "
                "no embedded icon")


def run_pyinstaller() -> None:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        raise SystemExit("build: PyInstaller is missing; install it with "
                         "pip install -e '.[package]'") from None
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
           "--workpath", str(WORK), "--distpath", str(DIST), str(REPO / "build.spec")]
    subprocess.run(cmd, cwd=REPO, check=True)


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def needed_glibc(folder: Path) -> str:
    """The newest glibc symbol version any bundled binary asks for: the oldest glibc it runs on."""
    found = {(2, 17)}
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink() and (".so" in path.name
                                                          or os.access(path, os.X_OK)):
            data = path.read_bytes()
            if data[:4] == b"\x7fELF":
                found.update((int(a), int(b)) for a, b in _GLIBC.findall(data))
    major, minor = max(found)
    return f"{major}.{minor}"


def linux_archive() -> Path:
    """The bundle, the desktop entry, the icon and an installer script in one .tar.gz."""
    arch = platform.machine() or "x86_64"
    stem = f"{APP_ID}-{__version__}-linux-{arch}"
    target = DIST / f"{stem}.tar.gz"
    extras = [
        (PACKAGING / "linux" / f"{APP_ID}.desktop", f"{APP_ID}.desktop", 0o644),
        (SVG_ICON, f"{APP_ID}.svg", 0o644),
        (PACKAGING / "linux" / "install.sh", "install.sh", 0o755),
        (PACKAGING / "linux" / "INSTALL.txt", "INSTALL.txt", 0o644),
    ]

    def normalise(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        return info

    glibc = needed_glibc(BUNDLE)
    # Level 6: within a few per cent of 9 on these binaries, at half the time.
    with tarfile.open(target, "w:gz", compresslevel=6) as tar:
        tar.add(BUNDLE, arcname=f"{stem}/{APP_NAME}", filter=normalise)
        for src, name, mode in extras:
            data = src.read_bytes().replace(b"@GLIBC@", glibc.encode())
            info = normalise(tar.gettarinfo(str(src), arcname=f"{stem}/{name}"))
            info.mode, info.size = mode, len(data)
            tar.addfile(info, io.BytesIO(data))
    say(f"the bundle needs glibc {glibc} or newer")
    return target


def windows_installer() -> Path | None:
    iscc = shutil.which("iscc")
    for var in ("PROGRAMFILES(X86)", "PROGRAMFILES"):  # os.environ keys are upper-case on Windows
        candidate = Path(os.environ.get(var, "")) / "Inno Setup 6" / "ISCC.exe"
        if not iscc and os.environ.get(var) and candidate.is_file():
            iscc = str(candidate)
    script = PACKAGING / "windows" / "installer.iss"
    if not iscc:
        say(f"Inno Setup not found: install it, then run "
            f'iscc /DAppVersion={__version__} "{script}"')
        return None
    subprocess.run([iscc, f"/DAppVersion={__version__}", str(script)], check=True)
    return DIST / f"{APP_ID}-{__version__}-windows-x64-setup.exe"


def macos_dmg() -> Path:
    app = DIST / f"{APP_NAME}.app"
    target = DIST / f"{APP_ID}-{__version__}-macos-{platform.machine()}.dmg"
    subprocess.run(["sh", str(PACKAGING / "macos" / "make-dmg.sh"), str(app), str(target)],
                   check=True)
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle-only", action="store_true",
                        help="stop after the PyInstaller folder (no archive or installer)")
    args = parser.parse_args()

    started = time.monotonic()
    if sys.platform in ("win32", "darwin"):
        render_icons(ICONS)
    say(f"PyInstaller: {APP_NAME} {__version__} ({sys.platform}, Python "
        f"{platform.python_version()})")
    run_pyinstaller()
    size = folder_size(BUNDLE)
    say(f"bundle  {BUNDLE.relative_to(REPO)}/  {size / 2**20:.0f} MB, "
        f"{time.monotonic() - started:.0f} s")
    if args.bundle_only:
        return 0

    t0 = time.monotonic()
    artefact: Path | None
    if sys.platform.startswith("linux"):
        artefact = linux_archive()
    elif sys.platform == "win32":
        artefact = windows_installer()
    elif sys.platform == "darwin":
        artefact = macos_dmg()
    else:
        artefact = None
        say(f"no installer recipe for {sys.platform}; the folder is the app")
    if artefact is not None:
        say(f"artefact {artefact.relative_to(REPO)}  {artefact.stat().st_size / 2**20:.0f} MB, "
            f"{time.monotonic() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

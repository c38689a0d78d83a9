"""Which system libraries Qt's xcb platform plugin needs and the dynamic loader cannot find.

On a fresh Linux desktop Qt fails to start with a long plugin message when, say,
`libxcb-cursor0` is not installed. Before creating the application, the window can call
`missing_libraries(plugin)` and print one line naming what is missing (and `debian_packages`
for the packages that provide them) instead. Qt-free: the plugin's needs are read from its
ELF dynamic section (and those of the Qt libraries beside it that it loads), and each name
is looked up as the dynamic loader would: the `ldconfig` cache first, then an actual load
with ctypes (which also honours LD_LIBRARY_PATH).
"""

from __future__ import annotations

import ctypes
import struct
import subprocess
import sys
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path

_DT_NEEDED = 1
_SHT_DYNAMIC = 6

DEBIAN_PACKAGES: dict[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb.so.1": "libxcb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
}
"""The Debian (and Ubuntu) package holding each library the xcb plugin needs."""


class NotAnElfFileError(ValueError):
    """The path is not a 64- or 32-bit ELF shared object."""


def needed(path: Path) -> list[str]:
    """The DT_NEEDED names of an ELF shared object, in order."""
    data = path.read_bytes()
    if data[:4] != b"\x7fELF":
        raise NotAnElfFileError(f"{path.name}: not an ELF shared library")
    wide = data[4] == 2
    order = "<" if data[5] == 1 else ">"
    if wide:
        shoff, = struct.unpack_from(order + "Q", data, 0x28)
        shentsize, shnum = struct.unpack_from(order + "HH", data, 0x3A)
        section = order + "IIQQQQIIQQ"
        entry = order + "qQ"
    else:
        shoff, = struct.unpack_from(order + "I", data, 0x20)
        shentsize, shnum = struct.unpack_from(order + "HH", data, 0x2E)
        section = order + "IIIIIIIIII"
        entry = order + "iI"
    sections = [struct.unpack_from(section, data, shoff + i * shentsize) for i in range(shnum)]
    names: list[str] = []
    for sh in sections:
        if sh[1] != _SHT_DYNAMIC:
            continue
        offset, size, link = sh[4], sh[5], sh[6]
        strtab = sections[link][4]
        step = struct.calcsize(entry)
        for pos in range(offset, offset + size, step):
            tag, value = struct.unpack_from(entry, data, pos)
            if tag == 0:
                break
            if tag == _DT_NEEDED:
                end = data.index(b"\0", strtab + value)
                names.append(data[strtab + value:end].decode("utf-8", "replace"))
    return names


@cache
def _ldconfig_names() -> frozenset[str]:
    """Library names in the loader's cache (`ldconfig -p`); empty if it cannot be read."""
    for ldconfig in ("ldconfig", "/sbin/ldconfig", "/usr/sbin/ldconfig"):
        try:
            out = subprocess.run([ldconfig, "-p"], capture_output=True, text=True, timeout=10,
                                 check=False).stdout
        except (OSError, subprocess.SubprocessError):
            continue
        return frozenset(line.split()[0] for line in out.splitlines()[1:] if line.strip())
    return frozenset()


def loadable(name: str) -> bool:
    """Whether the dynamic loader finds the library `name` (cache, then a real load)."""
    if name in _ldconfig_names():
        return True
    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


def missing_libraries(plugin: Path, *,
                      is_loadable: Callable[[str], bool] = loadable) -> list[str]:
    """System libraries that `plugin` (e.g. PySide6's platforms/libqxcb.so) needs, directly or
    through the Qt libraries of its own installation, and that cannot be loaded; [] when all
    are there or when this is not Linux."""
    if not sys.platform.startswith("linux") or not plugin.is_file():
        return []
    qt_lib = plugin.resolve().parents[2] / "lib"  # Qt/plugins/platforms -> Qt/lib
    missing: dict[str, None] = {}
    seen: set[str] = set()
    todo = [plugin]
    while todo:
        for name in needed(todo.pop()):
            if name in seen:
                continue
            seen.add(name)
            bundled = qt_lib / name
            if bundled.is_file():
                todo.append(bundled)
            elif not is_loadable(name):
                missing[name] = None
    return list(missing)


def debian_packages(names: Iterable[str]) -> list[str]:
    """The Debian packages that provide these libraries (those this module knows)."""
    return list(dict.fromkeys(DEBIAN_PACKAGES[n] for n in names if n in DEBIAN_PACKAGES))


def xcb_plugin() -> Path | None:
    """The installed PySide6's xcb platform plugin, if there is one (no Qt import)."""
    import importlib.util

    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "Qt" / "plugins" / "platforms"
    plugin = path / "libqxcb.so"
    return plugin if plugin.is_file() else None


def missing_line(plugin: Path | None = None, *,
                 is_loadable: Callable[[str], bool] = loadable) -> str | None:
    """One line for the user when the xcb plugin cannot load, naming what to install; None
    when nothing is missing."""
    plugin = plugin or xcb_plugin()
    if plugin is None:
        return None
    try:
        missing = missing_libraries(plugin, is_loadable=is_loadable)
    except (OSError, ValueError, struct.error):
        return None
    if not missing:
        return None
    packages = debian_packages(missing)
    hint = f" (Debian/Ubuntu: sudo apt install {' '.join(packages)})" if packages else ""
    return (f"reader: the window cannot open: Qt's xcb plugin needs {', '.join(missing)}, "
            f"which the system does not have{hint}")

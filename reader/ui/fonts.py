"""The reading font: the platform's UI font for Latin text, a CJK family for Chinese.

Han characters have regional glyph shapes, so the CJK family follows the script shown:
Simplified for mainland text, Traditional (Taiwan) and Hong Kong variants for the others.
Only families that are installed are chosen; with none, Qt's own fallback applies.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

_SIMPLIFIED = (
    "Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "PingFang SC",
    "Microsoft YaHei", "Microsoft YaHei UI", "Hiragino Sans GB", "Noto Sans SC",
    "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Droid Sans Fallback", "SimHei",
)
_TRADITIONAL = (
    "Noto Sans CJK TC", "Source Han Sans TC", "Source Han Sans TW", "PingFang TC",
    "Microsoft JhengHei", "Microsoft JhengHei UI", "Noto Sans TC",
)
_HONG_KONG = (
    "Noto Sans CJK HK", "Source Han Sans HK", "PingFang HK", "Microsoft JhengHei",
    "Noto Sans HK",
)

_PREFERENCES: dict[str, tuple[str, ...]] = {
    "none": _SIMPLIFIED + _TRADITIONAL,
    "t2s": _SIMPLIFIED + _TRADITIONAL,
    "s2t": _TRADITIONAL + _HONG_KONG + _SIMPLIFIED,
    "s2twp": _TRADITIONAL + _HONG_KONG + _SIMPLIFIED,
    "s2hk": _HONG_KONG + _TRADITIONAL + _SIMPLIFIED,
}


def cjk_family(script: str = "none", available: Iterable[str] | None = None) -> str | None:
    """The preferred installed CJK family for text shown in `script`, or None.

    `available` defaults to the system's families (QFontDatabase); tests pass their own.
    """
    families = set(QFontDatabase.families() if available is None else available)
    folded = {f.casefold(): f for f in families}
    for name in _PREFERENCES.get(script, _PREFERENCES["none"]):
        found = folded.get(name.casefold())
        if found:
            return found
    return None


def reading_font(point_size: int, script: str = "none",
                 available: Iterable[str] | None = None) -> QFont:
    """The font for transcript text at `point_size`."""
    font = QFont(QApplication.font())
    families = [font.family()]
    cjk = cjk_family(script, available)
    if cjk and cjk not in families:
        families.append(cjk)
    font.setFamilies(families)
    font.setPointSize(point_size)
    return font

"""Transcript strings shown outside the reading view (tab titles, lists, tooltips) in the chosen
Chinese script, so a company name or a quote never stays simplified beside text shown in
Taiwan script. The conversion is the core's (OpenCC), as for the reading view itself."""

from __future__ import annotations


def in_script(text: str | None, script: str) -> str:
    """`text` with its Chinese in `script` ('none': as stored); '' for None."""
    if not text or script == "none":
        return text or ""
    from reader.core.convert import converter  # OpenCC loads with the first conversion

    return converter(script).convert_text(text)

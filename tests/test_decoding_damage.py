"""Almost-right bytes: damaged, truncated or NUL-stained files decode as what they are, honestly."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_decoding import (
    ENGLISH,
    LONG_ENGLISH,
    LONG_MIXED,
    LONG_TRADITIONAL,
    MIXED,
    TRADITIONAL,
)

from reader.core.decoding import ENCODINGS, decode

# (reported name, how the file is made from the text, the text)
TRANSCRIPTS = [
    ("utf-8", lambda t: t.encode("utf-8"), MIXED),
    ("utf-8", lambda t: t.encode("utf-8"), LONG_MIXED),
    ("utf-8", lambda t: t.encode("utf-8"), LONG_ENGLISH),
    ("utf-8-sig", lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), TRADITIONAL),
    ("gb18030", lambda t: t.encode("gb18030"), MIXED),
    ("gb18030", lambda t: t.encode("gb18030"), LONG_MIXED),
    ("big5", lambda t: t.encode("cp950"), TRADITIONAL),
    ("big5", lambda t: t.encode("cp950"), LONG_TRADITIONAL),
    ("utf-16-le", lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"), MIXED),
    ("cp1252", lambda t: t.encode("cp1252"), LONG_ENGLISH),
]
_ENCODED = [(name, save(text)) for name, save, text in TRANSCRIPTS]


@st.composite
def damaged(draw: st.DrawFn) -> tuple[str, bytes, int]:
    """A transcript file with k bytes overwritten by random bytes (k from 1 to 5)."""
    name, data = draw(st.sampled_from(_ENCODED))
    k = draw(st.integers(1, 5))
    buf = bytearray(data)
    start = 4 if name in ("utf-8-sig", "utf-16-le") else 0  # the mark itself is not hit
    for _ in range(k):
        buf[draw(st.integers(start, len(buf) - 1))] = draw(st.integers(0, 255))
    return name, bytes(buf), k


@settings(max_examples=300, deadline=None)
@given(damaged())
def test_k_damaged_bytes_keep_the_encoding_with_at_most_k_replacements(
        case: tuple[str, bytes, int]) -> None:
    name, data, k = case
    decoded = decode(data)
    assert decoded.encoding == name
    assert decoded.replaced <= k
    assert decoded.text.count("\ufffd") >= decoded.replaced


def test_one_invalid_byte_in_a_long_utf8_file_is_one_replacement() -> None:
    data = LONG_MIXED.encode("utf-8")
    middle = data.index("资金".encode(), len(data) // 2)
    decoded = decode(data[:middle] + b"\xff" + data[middle + 1:])
    assert (decoded.encoding, decoded.replaced) == ("utf-8", 1)
    assert len(decoded.text) == len(LONG_MIXED)


def test_a_file_cut_in_the_middle_of_a_character_keeps_its_text() -> None:
    data = MIXED.rstrip("\n").encode("utf-8")[:-1]  # the last '？' loses a byte
    decoded = decode(data)
    assert decoded.encoding == "utf-8" and decoded.replaced == 1
    assert decoded.text == MIXED.rstrip("\n")[:-1] + "\ufffd"


def test_a_stray_nul_is_damage_not_utf16() -> None:
    data = MIXED.encode("utf-8")
    at = data.index(b"Thank")
    decoded = decode(data[:at] + b"\x00" + data[at:])
    assert decoded.encoding == "utf-8" and decoded.replaced == 1
    assert "\ufffdThank you" in decoded.text and "\x00" not in decoded.text
    gb = MIXED.encode("gb18030")
    at = gb.index(b"Thank")
    assert decode(gb[:at] + b"\x00" + gb[at:]).encoding == "gb18030"


def test_utf16_without_a_mark_is_still_found_by_its_zeros() -> None:
    assert decode(ENGLISH.encode("utf-16-le")).encoding == "utf-16-le"


def test_a_utf8_mark_before_cp1252_text_is_counted_in_bom() -> None:
    data = codecs.BOM_UTF8 + ENGLISH.encode("cp1252")
    decoded = decode(data)
    assert decoded.encoding == "cp1252" and decoded.bom == 3
    # The schema's rule: the text is data[bom:] decoded with the encoding, newlines normalised.
    assert data[decoded.bom:].decode("cp1252") == decoded.text


@pytest.mark.parametrize(("data", "encoding", "bom"), [
    (codecs.BOM_UTF8 + "营收".encode(), "utf-8-sig", 3),
    (codecs.BOM_UTF16_LE + "营收".encode("utf-16-le"), "utf-16-le", 2),
    (codecs.BOM_UTF32_BE + "营收".encode("utf-32-be"), "utf-32-be", 4),
    ("营收增长".encode("gb18030"), "gb18030", 0),
])
def test_bom_says_how_many_bytes_came_before_the_text(data: bytes, encoding: str,
                                                       bom: int) -> None:
    decoded = decode(data)
    assert (decoded.encoding, decoded.bom) == (encoding, bom)


def test_clean_files_report_no_replacement() -> None:
    for _name, data in _ENCODED:
        assert decode(data).replaced == 0


def test_the_schema_lists_every_encoding_the_decoder_can_report() -> None:
    schema = (Path(__file__).parents[1] / "docs" / "outline-schema.md").read_text("utf-8")
    row = next(line for line in schema.splitlines() if line.startswith("| `source.encoding`"))
    listed = set(re.findall(r"`([a-z0-9-]+)`", row)) - {"source.encoding"}
    assert set(ENCODINGS) <= listed


def test_the_outline_reports_the_damage() -> None:
    from reader.core.outline import to_json, to_text
    from reader.core.pipeline import parse_bytes

    data = MIXED.encode("utf-8")
    at = data.index("资金".encode())
    transcript = parse_bytes(data[:at] + b"\xff" + data[at + 1:], "damaged.txt")
    source = to_json(transcript)["source"]
    assert (source["encoding"], source["replaced"], source["bom"]) == ("utf-8", 1, 0)
    assert "utf-8 (1 damaged byte replaced with U+FFFD)" in to_text(transcript)
    intact = parse_bytes(codecs.BOM_UTF8 + data, "intact.txt")
    assert to_json(intact)["source"]["replaced"] == 0
    assert to_json(intact)["source"]["bom"] == 3
    assert "damaged" not in to_text(intact)

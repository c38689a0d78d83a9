"""Bytes to outline, whatever the bytes: encodings agree, offsets hold, bad input is refused cleanly."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.decoding import DecodeError
from reader.core.documents import DocumentError
from reader.core.outline import to_json
from reader.core.pipeline import parse_bytes, parse_text

TRADITIONAL = "quartr_hoshan_q3_2024_traditional.txt"


def _outline_without_source(data: bytes, name: str) -> dict:
    doc = to_json(parse_bytes(data, name))
    del doc["source"]
    return doc


def _encodings(text: str) -> dict[str, bytes]:
    crlf = text.replace("\n", "\r\n")
    return {
        "utf-8": text.encode("utf-8"),
        "utf-8-sig": text.encode("utf-8-sig"),
        "utf-16 BOM + CRLF": crlf.encode("utf-16"),
        "gb18030": text.encode("gb18030"),
        "big5": text.encode("big5"),
    }


def test_same_outline_in_every_encoding(fixtures_dir: Path) -> None:
    text = (fixtures_dir / TRADITIONAL).read_text(encoding="utf-8")
    variants = _encodings(text)
    reference = _outline_without_source(variants["utf-8"], TRADITIONAL)
    assert reference["meta"]["company"] == "Hoshan Mobility"
    assert [t["interprets"] for t in reference["turns"] if t["interprets"]] == [[2], [4], [8]]
    for label, data in variants.items():
        assert _outline_without_source(data, TRADITIONAL) == reference, label


def test_encoding_reported(fixtures_dir: Path) -> None:
    text = (fixtures_dir / TRADITIONAL).read_text(encoding="utf-8")
    reported = {label: parse_bytes(data, TRADITIONAL).source.encoding
                for label, data in _encodings(text).items()}
    assert reported["utf-8"] == "utf-8"
    assert reported["gb18030"] == "gb18030"
    assert reported["big5"] == "big5"
    assert reported["utf-16 BOM + CRLF"].startswith("utf-16")


def test_source_digest_is_of_the_file_bytes(fixtures_dir: Path) -> None:
    import hashlib

    data = (fixtures_dir / TRADITIONAL).read_bytes()
    assert parse_bytes(data, "x").source.sha256 == hashlib.sha256(data).hexdigest()


def test_no_structure_gives_unknown_speaker_paragraphs() -> None:
    t = parse_text("First thought about margins.\n\nSecond thought about costs.\n")
    assert [p.text for p in t.turns[0].paragraphs] == ["First thought about margins.",
                                                       "Second thought about costs."]
    assert len(t.turns) == 1
    assert {t.speaker_of(turn).kind.value for turn in t.turns} == {"unknown"}


@pytest.mark.parametrize("data", [b"", b"   \n\n", b"\xef\xbb\xbf", b"\x00\x01\x02\x03" * 50])
def test_empty_and_binary_are_refused(data: bytes) -> None:
    with pytest.raises(DecodeError) as info:
        parse_bytes(data, "bad.bin")
    assert "\n" not in str(info.value) and str(info.value)


def _assert_offsets_hold(data: bytes) -> None:
    try:
        t = parse_bytes(data, "any.txt")
    except (DecodeError, DocumentError):  # the two documented one-line refusals
        return
    for turn in t.turns:
        assert turn.paragraphs
        for p in turn.paragraphs:
            assert 0 <= p.start < p.end <= len(t.text)
            assert t.text[p.start:p.end] == p.text
        assert all(0 <= i < len(t.turns) for i in turn.interprets)
        assert 0 <= turn.speaker < len(t.speakers)
    for e in t.exchanges:
        assert all(0 <= i < len(t.turns) for i in e.question + e.answer)
        assert e.asker is None or 0 <= e.asker < len(t.speakers)
    to_json(t)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_any_bytes_give_an_outline_or_the_documented_error(data: bytes) -> None:
    _assert_offsets_hold(data)


_HEADERS = st.sampled_from([
    "Operator (participant)", "Jane Roe (Chief Executive Officer)", "Bo Li (Analyst)",
    "Operator", "Jane Roe -- CEO", "Bo Li: ", "**Jane Roe**", "Transcript", "Q&A", "问答",
    "M\nMandy Dong\nexecutive", "[Interpreted] ", "Our next question comes from the line of Bo Li from Acme.",
])
_BODIES = st.text(alphabet=st.sampled_from(list("abc XYZ.,?!:()[]-谢大家营收用户嗯呃 ，。\n\t\r")),
                  max_size=80)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_HEADERS, _BODIES), max_size=12),
       st.sampled_from(["utf-8", "utf-16", "gb18030"]), st.sampled_from(["\n", "\r\n", "\n\n"]))
def test_transcript_like_text_keeps_offsets(parts: list[tuple[str, str]], codec: str,
                                            sep: str) -> None:
    text = sep.join(f"{h}{sep}{b}" for h, b in parts)
    _assert_offsets_hold(text.encode(codec, errors="replace"))

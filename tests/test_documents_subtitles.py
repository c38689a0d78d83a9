"""WebVTT and SRT front end: voices, prefixes, merged turns, times, and damaged files."""

from __future__ import annotations

from pathlib import Path

import pytest
from documents_helpers import mutated, parse_or_refuse, turns
from hypothesis import HealthCheck, given, settings

from reader.core.documents import DocumentError, extract
from reader.core.pipeline import parse_bytes

DOCS = Path(__file__).resolve().parent / "fixtures" / "documents"


def _vtt(body: str) -> bytes:
    return ("WEBVTT\n\n" + body).encode("utf-8")


def test_vtt_voices_become_turns_with_times() -> None:
    t = parse_bytes((DOCS / "baiyun_call.vtt").read_bytes(), "baiyun_call.vtt")
    assert t.source.container == "vtt"
    assert turns(t) == [("Operator", "presentation"), ("高建明", "presentation"),
                        ("Interpreter", "presentation"), ("Ruth Kamau", "presentation"),
                        ("高建明", "presentation")]
    first = t.turns[0].paragraphs[0]
    assert first.time == (1.0, 9.0)  # two cues of one voice: one paragraph, first start to last end
    assert first.text.startswith("Good morning and welcome to the Baiyun Pharma first quarter")
    chairman = t.turns[1].paragraphs[0]
    assert chairman.text == "各位早上好。第一季度公司营业收入为十二亿元，同比增长百分之十五。创新药收入占比首次超过三成。"
    assert t.turns[2].interprets == [1]
    assert "NOTE" not in t.text and "::cue" not in t.text and "align:" not in t.text


def test_long_run_is_cut_at_a_sentence_end_after_a_minute() -> None:
    t = parse_bytes((DOCS / "baiyun_call.vtt").read_bytes(), "baiyun_call.vtt")
    last = t.turns[-1].paragraphs
    assert [p.time for p in last] == [(40.5, 105.0), (106.0, 120.0)]
    assert "<00:01:30.000>" not in t.text


def test_speaker_line_written_once_per_turn() -> None:
    text = extract((DOCS / "baiyun_call.vtt").read_bytes(), "baiyun_call.vtt")
    assert text is not None
    assert text.text.count("**Operator**") == 1
    assert text.text.count("**高建明**") == 2


def test_srt_name_prefixes() -> None:
    t = parse_bytes((DOCS / "baiyun_call.srt").read_bytes(), "baiyun_call.srt")
    assert t.source.container == "srt"
    assert [name for name, _ in turns(t)] == ["Operator", "高建明", "Interpreter", "Ruth Kamau",
                                             "高建明", "Interpreter"]
    assert t.turns[1].paragraphs[0].text.endswith("创新药收入占比首次超过三成。")
    assert "<i>" not in t.text
    assert t.turns[2].paragraphs[0].time == (18.5, 25.0)


def test_overlapping_cues_read_by_start_time() -> None:
    data = _vtt("00:00:05.000 --> 00:00:09.000\n<v Lu Ping>Second in time.\n\n"
                "00:00:01.000 --> 00:00:06.000\n<v Anna Berg>First in time.\n\n"
                "00:00:03.000 --> 00:00:04.000\n<v Anna Berg>Inside the first.\n")
    t = parse_bytes(data, "x.vtt")
    assert [name for name, _ in turns(t)] == ["Anna Berg", "Lu Ping"]
    assert t.turns[0].paragraphs[0].text == "First in time. Inside the first."
    assert t.turns[0].paragraphs[0].time == (1.0, 6.0)


def test_one_off_colon_is_speech_not_a_speaker() -> None:
    data = _vtt("00:00:01.000 --> 00:00:03.000\nNote: margins are seasonal.\n\n"
                "00:00:03.000 --> 00:00:05.000\nThe second half is stronger.\n")
    t = parse_bytes(data, "x.vtt")
    assert all(s.name is None for s in t.speakers)
    assert "Note: margins are seasonal." in t.turns[0].paragraphs[0].text


def test_rolled_captions_are_kept_once() -> None:
    data = _vtt("00:00:01.000 --> 00:00:03.000\nOur order book is full\n\n"
                "00:00:03.000 --> 00:00:05.000\nOur order book is full through June.\n")
    text = extract(data, "x.vtt")
    assert text is not None
    assert text.text.count("Our order book is full") == 1


@pytest.mark.parametrize("data", [b"WEBVTT\n\nNOTE nothing here\n", b"just words, no cues\n",
                                  b"1\n00:00:01,000 --> garbage\nHi\n"])
def test_no_cues_is_refused(data: bytes) -> None:
    with pytest.raises(DocumentError) as info:
        parse_bytes(data, "x.srt")
    assert "no subtitle cues" in str(info.value)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated((DOCS / "baiyun_call.vtt").read_bytes()))
def test_damaged_vtt_gives_outline_or_one_line(data: bytes) -> None:
    parse_or_refuse(data, "damaged.vtt")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated((DOCS / "baiyun_call.srt").read_bytes()))
def test_damaged_srt_gives_outline_or_one_line(data: bytes) -> None:
    parse_or_refuse(data, "damaged.srt")

"""Transcript JSON front end: speech-to-text shapes, Motley Fool calls, EN/ZH pairs, refusals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from documents_helpers import mutated, parse_or_refuse, turns
from hypothesis import HealthCheck, given, settings

from reader.core.documents import DocumentError, extract
from reader.core.pipeline import parse_bytes

DOCS = Path(__file__).resolve().parent / "fixtures" / "documents"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def _parse(name: str):
    return parse_bytes((DOCS / name).read_bytes(), name)


def test_whisper_segments_merge_by_speaker() -> None:
    t = _parse("whisper_segments.json")
    assert t.source.container == "json"
    assert [name for name, _ in turns(t)] == ["Unknown Speaker 0", "Unknown Speaker 1",
                                             "Unknown Speaker 2"]
    assert [p.time for p in t.turns[0].paragraphs] == [(0.0, 7.9)]
    assert t.turns[1].paragraphs[0].text == "谢谢。第四季度晶圆出货量同比增长百分之二十一。毛利率回升到百分之三十四。"
    assert t.meta.company == "Songhe Semiconductor" and t.meta.period == "Q4 2024"


def test_aws_items_are_attributed_by_speaker_segments() -> None:
    t = _parse("aws_transcribe_items.json")
    assert [name for name, _ in turns(t)] == ["Unknown Speaker 0", "Unknown Speaker 1",
                                             "Unknown Speaker 0"]
    assert [p.text for turn in t.turns for p in turn.paragraphs] == [
        "Welcome to the Songhe call. Revenue grew nine percent.", "What about margins?",
        "Margins improved."]
    assert t.turns[1].paragraphs[0].time == (3.6, 6.0)


def test_aws_audio_segments() -> None:
    t = _parse("aws_transcribe_segments.json")
    assert [(name, turn.paragraphs[0].text) for (name, _), turn in zip(turns(t), t.turns,
                                                                      strict=True)] == [
        ("Unknown Speaker 0", "Welcome to the Songhe call."),
        ("Unknown Speaker 1", "What about margins?")]


def test_deepgram_utterances() -> None:
    t = _parse("deepgram_utterances.json")
    assert [name for name, _ in turns(t)] == ["Unknown Speaker 0", "Unknown Speaker 1",
                                             "Unknown Speaker 0"]
    assert t.turns[2].paragraphs[0].time == (6.6, 9.9)


def test_assemblyai_times_are_milliseconds() -> None:
    t = _parse("assemblyai_utterances.json")
    assert [name for name, _ in turns(t)] == ["Unknown Speaker 1", "Unknown Speaker 2",
                                             "Unknown Speaker 1"]
    assert t.turns[0].paragraphs[0].time == (0.24, 3.12)


def test_plain_list_of_turns() -> None:
    t = _parse("plain_list.json")
    assert turns(t) == [("Operator", "presentation"), ("Helen Marsh", "presentation"),
                        ("Operator", "qa"), ("Ibrahim Sule", "qa")]
    assert t.turns[1].paragraphs[0].text == ("Thank you. Connections grew 5% in the half. "
                                             "Tariff reviews finish in October.")
    assert t.turns[1].paragraphs[0].time == (5.0, 12.0)


def test_fool_shape_sections_and_meta() -> None:
    t = _parse("fool_call.json")
    assert turns(t) == [("Operator", "presentation"), ("Priya Raman", "presentation"),
                        ("Owen Fitch", "presentation"), ("Operator", "qa"),
                        ("Lena Brandt", "qa"), ("Owen Fitch", "qa")]
    assert (t.meta.company, t.meta.ticker, t.meta.period, t.meta.date) == (
        "Marlow Outdoor Brands", "MOB", "Q2 2021", "2021-08-05")
    assert len(t.exchanges) == 1
    assert [p.text for p in t.turns[1].paragraphs] == [
        "Thank you. Tent sales rose 22% in the quarter.", "We opened four stores in Colorado."]


def test_pairs_are_written_as_interleaved_blocks() -> None:
    out = extract((DOCS / "bilingual_pairs.json").read_bytes(), "bilingual_pairs.json")
    assert out is not None
    text = out.text
    assert text.startswith("Company: Dongting Cloud (洞庭云)\nQuarter: Q1 2025\n")
    assert ("  [  4] [EN] Welcome to the Dongting Cloud first quarter 2025 earnings call.\n"
            "       [中] 欢迎参加洞庭云2025年第一季度财报电话会议。\n\n") in text
    assert "  ━━ Prepared Remarks: ━━\n  ━━ 准备好的发言： ━━\n" in text
    assert "  👤 Chief Executive Officer — Ma Xiaolin\n     首席执行官 — 马晓林\n" in text
    # The English repeated inside `zh` (after "  \n", "\n\n原文：" or "\n") is not written again.
    assert text.count("Welcome to the Dongting Cloud first quarter") == 1
    assert text.count("Cloud revenue grew 37%") == 1
    assert text.count("Questions & Answers:") == 1
    assert text.count("May 20, 2025") == 1


def test_pairs_read_as_turns_with_their_renderings() -> None:
    t = _parse("bilingual_pairs.json")
    assert (t.meta.company, t.meta.period, t.meta.date) == ("Dongting Cloud", "Q1 2025",
                                                           "2025-05-20")
    assert [(name, t.turns[i].lang.value) for i, (name, _) in enumerate(turns(t))] == [
        ("Operator", "en"), ("Operator", "zh"), ("Ma Xiaolin", "en"), ("Ma Xiaolin", "zh")]
    assert t.turns[3].interprets == [2]


@pytest.mark.corpus
def test_corpus_pairs_keep_chinese_and_drop_repeats(corpus_dir: Path) -> None:
    folder = corpus_dir / "foolzh-bilingual-json"
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent")
    files = sorted(folder.glob("*.json"))
    assert files
    zh_lines = repeats = 0
    for path in files:
        doc = json.loads(path.read_text(encoding="utf-8"))
        out = extract(path.read_bytes(), path.name)
        assert out is not None
        lines = out.text.split("\n")
        zh_lines += sum(1 for ln in lines if ln.startswith("       [中] "))
        english = "\n".join(pair["en"] for pair in doc["pairs"])
        for pair in doc["pairs"]:
            en = pair["en"].strip()
            if len(en) > 40:  # more often in the text than the English itself has it
                repeats += out.text.count(en) > english.count(en)
    assert zh_lines > 6000
    assert repeats == 0


def test_unknown_shape_is_one_line() -> None:
    with pytest.raises(DocumentError) as info:
        parse_bytes(b'{"orders": [1, 2], "customer": "x"}', "orders.json")
    assert str(info.value) == ("not a transcript JSON shape this app knows (top-level keys: "
                               "customer, orders)")


@pytest.mark.parametrize("data", [b"{\"segments\": [", b"[1, 2, 3]", b"42", b"{}",
                                  b"[" * 100_000 + b"]" * 100_000,
                                  b'{"segments": [{"start": "x", "text": 5}]}',
                                  b'{"results": {"items": [{"alternatives": "no"}]}}',
                                  b'{"pairs": [{"en": null, "zh": []}]}'])
def test_bad_json_gives_outline_or_one_line(data: bytes) -> None:
    parse_or_refuse(data, "bad.json")


def test_invalid_json_names_the_place() -> None:
    with pytest.raises(DocumentError) as info:
        parse_bytes(b'{"segments": [}', "bad.json")
    assert str(info.value).startswith("not valid JSON (line 1, column 15")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated((DOCS / "fool_call.json").read_bytes()))
def test_damaged_fool_json_gives_outline_or_one_line(data: bytes) -> None:
    parse_or_refuse(data, "damaged.json")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated((DOCS / "aws_transcribe_items.json").read_bytes()))
def test_damaged_aws_json_gives_outline_or_one_line(data: bytes) -> None:
    parse_or_refuse(data, "damaged.json")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated((DOCS / "bilingual_pairs.json").read_bytes()))
def test_damaged_pairs_json_gives_outline_or_one_line(data: bytes) -> None:
    parse_or_refuse(data, "damaged.json")


@pytest.mark.corpus
def test_corpus_pairs_and_interleaved_text_give_the_same_turns(corpus_dir: Path) -> None:
    """One parser rule reads both renderings of a call (25 of 30 agree turn for turn when
    this was written; the rest differ where the text files mark summary bullets as headings
    or repeat a participant line)."""
    pairs = sorted((corpus_dir / "foolzh-bilingual-json").glob("*.json"))
    if not pairs:
        pytest.skip(f"{corpus_dir / 'foolzh-bilingual-json'} is absent")
    same = 0
    for path in pairs:
        text_file = (corpus_dir / "foolzh-interleaved"
                     / path.name.replace("bilingual-json", "interleaved").replace(".json", ".txt"))
        a = parse_bytes(path.read_bytes(), path.name)
        b = parse_bytes(text_file.read_bytes(), text_file.name)
        shape_a = [(a.speakers[t.speaker].name, t.section, t.lang) for t in a.turns]
        shape_b = [(b.speakers[t.speaker].name, t.section, t.lang) for t in b.turns]
        same += shape_a == shape_b
        assert (a.meta.company, a.meta.period) == (b.meta.company, b.meta.period), path.name
    assert same >= 0.8 * len(pairs)

"""Word front end: styles as hints, speaker tables, bilingual tables, damaged and hostile files."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from documents_helpers import mutated, parse_or_refuse, turns
from hypothesis import HealthCheck, given, settings

from reader.core.documents import DocumentError, extract
from reader.core.pipeline import parse_bytes

DOCS = Path(__file__).resolve().parent / "fixtures" / "documents"
SPEAKERS = DOCS / "qingshan_speakers.docx"


def test_bold_and_heading_paragraphs_give_speakers_and_sections() -> None:
    t = parse_bytes(SPEAKERS.read_bytes(), SPEAKERS.name)
    assert t.source.container == "docx"
    assert (t.meta.company, t.meta.period, t.meta.date) == ("Qingshan Battery", "Q2 2024",
                                                           "2024-08-20")
    assert turns(t) == [
        ("Operator", "presentation"), ("Zhou Lanfang", "presentation"),
        ("Chen Haoran", "presentation"), ("Operator", "qa"), ("Marta Lindqvist", "qa"),
        ("周兰芳", "qa"), ("Interpreter", "qa")]
    assert t.turns[2].paragraphs[0].text.startswith("Let me add the cash flow.")  # inline label
    assert t.turns[5].paragraphs[0].text == "新产能大约百分之七十已经签了长期合同。"
    assert t.turns[6].interprets == [5]
    assert t.speakers[t.turns[4].speaker].kind.value == "analyst"


def test_bold_sub_heading_is_not_a_speaker() -> None:
    out = extract(SPEAKERS.read_bytes(), SPEAKERS.name)
    assert out is not None
    assert "## Highlights of the Quarter" in out.text
    assert "**Highlights" not in out.text


def test_table_of_names_and_speech_gives_turns() -> None:
    t = parse_bytes((DOCS / "ridgeway_speaker_table.docx").read_bytes(), "r.docx")
    assert turns(t) == [("Tomas Varga", "qa"), ("Liang Meiling", "qa"), ("Tomas Varga", "qa")]


def test_bilingual_table_is_written_as_interleaved_pairs() -> None:
    data = (DOCS / "hexi_bilingual_table.docx").read_bytes()
    out = extract(data, "h.docx")
    assert out is not None
    assert out.text.startswith(
        "Hexi Foods Q3 2024 Earnings Call\n\n"
        "  ━━ Prepared Remarks ━━\n  ━━ 管理层发言 ━━\n\n"
        "  [  2] [EN] Operator\n       [中] 主持人\n\n"
        "  [  3] [EN] Good evening and thank you for joining the Hexi Foods third quarter call.\n"
        "       [中] 晚上好，感谢各位参加河西食品第三季度电话会议。\n\n")
    t = parse_bytes(data, "h.docx")  # the parser's numbered-bilingual rule reads the pairs
    assert [(name, t.turns[i].lang.value) for i, (name, _) in enumerate(turns(t))][:4] == [
        ("Operator", "en"), ("Operator", "zh"), ("Zhang Liwei", "en"), ("Zhang Liwei", "zh")]
    assert t.turns[3].interprets == [2]
    assert {turn.section.value for turn in t.turns[4:]} == {"qa"}
    assert len(t.exchanges) == 1


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


def test_zip_bomb_is_refused_before_reading() -> None:
    bomb = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"\0" * (40 << 20)})
    assert len(bomb) < 200_000
    with pytest.raises(DocumentError) as info:
        parse_bytes(bomb, "bomb.docx")
    assert "zip bomb" in str(info.value) and "\n" not in str(info.value)


@pytest.mark.parametrize(("members", "expected"), [
    ({"xl/workbook.xml": b"<w/>"}, "it is a spreadsheet"),
    ({"ppt/presentation.xml": b"<p/>"}, "it is a slide deck"),
    ({"notes.txt": b"hello"}, "without a document"),
])
def test_other_zips_are_refused_clearly(members: dict[str, bytes], expected: str) -> None:
    with pytest.raises(DocumentError) as info:
        parse_bytes(_zip(members), "call.docx")
    assert expected in str(info.value)


def test_old_doc_is_refused_clearly() -> None:
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600
    with pytest.raises(DocumentError) as info:
        parse_bytes(data, "call.docx")
    assert ".doc" in str(info.value)


@pytest.mark.parametrize("cut", [10, 200, 5_000, 20_000, -300, -22])
def test_truncated_docx_is_one_line(cut: int) -> None:
    data = SPEAKERS.read_bytes()[:cut]
    parse_or_refuse(data, "truncated.docx")


def test_malformed_document_xml_is_one_line() -> None:
    with zipfile.ZipFile(SPEAKERS) as z:
        members = {n: z.read(n) for n in z.namelist()}
    members["word/document.xml"] = members["word/document.xml"][:-400]
    with pytest.raises(DocumentError) as info:
        parse_bytes(_zip(members), "call.docx")
    assert str(info.value).startswith("damaged Word file (")


@pytest.mark.parametrize("missing", ["word/styles.xml", "docProps/core.xml",
                                     "[Content_Types].xml", "docProps/thumbnail.jpeg"])
def test_a_missing_part_costs_the_styles_not_the_text(missing: str) -> None:
    with zipfile.ZipFile(SPEAKERS) as z:
        members = {n: z.read(n) for n in z.namelist() if n != missing}
    damaged = _zip(members)
    whole = parse_bytes(SPEAKERS.read_bytes(), "call.docx")
    t = parse_bytes(damaged, "call.docx")
    assert turns(t) == turns(whole)
    assert [p.text for turn in t.turns for p in turn.paragraphs] == [
        p.text for turn in whole.turns for p in turn.paragraphs]
    out = extract(damaged, "call.docx")
    assert out is not None and len(out.notes) == 1 and "without styles" in out.notes[0]
    assert [d.message for d in t.doubts if d.kind == "document"] == list(out.notes)


def test_deeply_nested_xml_is_one_line() -> None:
    with zipfile.ZipFile(SPEAKERS) as z:
        members = {n: z.read(n) for n in z.namelist()}
    deep = b"<w:sdt>" * 100_000 + b"</w:sdt>" * 100_000
    xml = members["word/document.xml"]
    at = xml.index(b"<w:body>") + len(b"<w:body>")
    members["word/document.xml"] = xml[:at] + deep + xml[at:]
    parse_or_refuse(_zip(members), "deep.docx")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated(SPEAKERS.read_bytes()))
def test_damaged_docx_gives_outline_or_one_line(data: bytes) -> None:
    parse_or_refuse(data, "damaged.docx")


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated(zipfile.ZipFile(SPEAKERS).read("word/document.xml")))
def test_damaged_document_xml_gives_outline_or_one_line(xml: bytes) -> None:
    with zipfile.ZipFile(SPEAKERS) as z:
        members = {n: z.read(n) for n in z.namelist()}
    members["word/document.xml"] = xml
    parse_or_refuse(_zip(members), "damaged.docx")

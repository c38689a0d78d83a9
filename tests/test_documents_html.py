"""Web page front end: the article without the page, speakers, sections, encodings, hostile pages."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from documents_helpers import mutated, parse_or_refuse, turns
from hypothesis import HealthCheck, given, settings

from reader.core.documents import DocumentError, extract
from reader.core.pipeline import parse_bytes

DOCS = Path(__file__).resolve().parent / "fixtures" / "documents"


def _page(body: str, head: str = "") -> bytes:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>".encode()


def test_article_speakers_sections_and_meta() -> None:
    t = parse_bytes((DOCS / "yunfeng_article.html").read_bytes(), "yunfeng_article.html")
    assert t.source.container == "html"
    assert t.meta.company == "Yunfeng Logistics"
    assert t.meta.period == "Q3 2024"
    assert t.meta.date == "2024-11-12"
    assert turns(t) == [
        ("Operator", "presentation"), ("Grace Lin", "presentation"),
        ("徐志远", "presentation"), ("Grace Lin", "presentation"),
        ("Tang Wenjing", "presentation"), ("Operator", "qa"), ("Daniel Okafor", "qa"),
        ("Tang Wenjing", "qa")]
    analyst = t.speakers[t.turns[6].speaker]
    assert analyst.kind.value == "analyst" and analyst.affiliation == "Harbourline Capital"
    cfo = t.turns[4]
    assert [p.text for p in cfo.paragraphs] == [
        "Revenue was RMB 8.4 billion & adjusted net income was RMB 610 million.",
        "Free cash flow turned positive."]  # entity decoded, <br> a line of its own
    assert [p.text for p in t.turns[7].paragraphs][1:] == [
        "Line-haul costs fell 4%.", "Sorting automation reached 91% of hubs."]


@pytest.mark.parametrize("gone", [
    "Open a brokerage account", "Earnings Calls", "Search", "Listen to this article",
    "Draft note", "Subscribers read", "Hidden by a stylesheet", "Related Calls",
    "All rights reserved", "tracked", "font-family", "Share"])
def test_page_chrome_and_hidden_text_are_gone(gone: str) -> None:
    text = extract((DOCS / "yunfeng_article.html").read_bytes(), "yunfeng_article.html")
    assert text is not None
    assert gone not in text.text


def test_gb2312_label_and_text_density_without_main() -> None:
    data = (DOCS / "tianma_gb2312.html").read_bytes()
    t = parse_bytes(data, "tianma_gb2312.html")
    assert t.source.encoding == "gb18030"
    assert "首页" not in t.text and "热门文章" not in t.text and "版权所有" not in t.text
    assert [name for name, _ in turns(t)] == ["主持人", "李国华", "陈晓梅", "李国华"]
    assert t.speakers[t.turns[0].speaker].kind.value == "operator"
    assert t.meta.period == "Q2 2024" and t.meta.date == "2024-08-22"
    assert t.text.count("天马新能源2024年第二季度业绩电话会\n") == 1  # title once


def test_encoding_without_label_uses_the_app_decoder() -> None:
    body = "<p><b>Operator:</b> 欢迎参加本次会议。</p><p><b>Wu Dan:</b> 谢谢。</p>"
    data = _page(body).decode().encode("gb18030")
    assert parse_bytes(data, "call.html").source.encoding == "gb18030"
    assert "欢迎参加本次会议" in parse_bytes(data, "call.html").text


def test_bom_beats_a_wrong_meta_label() -> None:
    data = b"\xef\xbb\xbf" + _page("<p>Café revenue rose.</p>", '<meta charset="iso-8859-1">')
    assert "Café revenue rose." in parse_bytes(data, "x.htm").text


def test_bold_name_over_a_line_break_is_the_speaker() -> None:
    t = parse_bytes(_page("<p><b>Operator</b><br>Welcome to the call.</p>"
                          "<p><b>Zhao Min</b><br/>Thank you, operator.<br>Sales rose 8%.</p>"),
                    "x.html")
    assert [name for name, _ in turns(t)] == ["Operator", "Zhao Min"]
    assert [p.text for p in t.turns[1].paragraphs] == ["Thank you, operator.", "Sales rose 8%."]


def test_tables_give_turns_pairs_or_rows() -> None:
    speakers = ("<table><tr><td>Operator</td><td>Please go ahead.</td></tr>"
                "<tr><td><b>Nadia Costa</b></td><td><p>What is the plan?</p></td></tr></table>")
    t = parse_bytes(_page(speakers), "x.html")
    assert [name for name, _ in turns(t)] == ["Operator", "Nadia Costa"]
    assert t.turns[1].paragraphs[0].text == "What is the plan?"
    pairs = ("<table><tr><th>English</th><th>中文</th></tr>"
             "<tr><td>Sales rose 8%.</td><td>销售额增长百分之八。</td></tr>"
             "<tr><td>Costs fell.</td><td>成本下降。</td></tr></table>")
    text = extract(_page(pairs), "x.html")
    assert text is not None
    assert "  [  2] [EN] Sales rose 8%.\n       [中] 销售额增长百分之八。" in text.text
    grid = ("<table><tr><td>Segment</td><td>Q1</td><td>Q2</td></tr>"
            "<tr><td>Retail</td><td>4.1</td><td>4.4</td></tr></table>")
    text = extract(_page(grid), "x.html")
    assert text is not None and "Segment | Q1 | Q2\n\nRetail | 4.1 | 4.4" in text.text


def test_definition_list_of_speakers() -> None:
    t = parse_bytes(_page("<dl><dt>Operator</dt><dd>Welcome, everyone.</dd>"
                          "<dt>Wei Jun</dt><dd>Thanks. Orders doubled.</dd>"
                          "<dt>Guidance</dt><dd>We keep the range.</dd></dl>"), "x.html")
    assert [name for name, _ in turns(t)] == ["Operator", "Wei Jun"]
    assert [p.text for p in t.turns[1].paragraphs] == [
        "Thanks. Orders doubled.", "Guidance", "We keep the range."]


def test_role_on_the_line_under_a_bold_name() -> None:
    t = parse_bytes(_page("<p><b>Operator</b></p><p>Welcome, everyone.</p>"
                          "<p><b>Pan Yuting</b><br><i>Chief Financial Officer</i></p>"
                          "<p>Margins widened in every region.</p>"), "x.html")
    assert [name for name, _ in turns(t)] == ["Operator", "Pan Yuting"]
    cfo = t.speakers[t.turns[1].speaker]
    assert (cfo.role, cfo.kind.value) == ("Chief Financial Officer", "executive")
    assert [p.text for p in t.turns[1].paragraphs] == ["Margins widened in every region."]


def test_bold_word_at_paragraph_start_is_not_a_speaker() -> None:
    t = parse_bytes(_page("<p><strong>Revenue</strong> grew in every region this year.</p>"
                          "<p><b>Margins</b> held steady through the quarter.</p>"), "x.html")
    assert all(s.name is None for s in t.speakers)
    assert "Revenue grew in every region this year." in t.text


def test_largest_article_wins_and_scripts_never_run() -> None:
    body = ("<article><p>Teaser for another call.</p></article>"
            "<article><h2>Q&amp;A</h2><p><strong>Operator</strong></p><p>First question, "
            "please.</p><p><strong>Ines Moreau</strong></p><p>What drove the quarter and how "
            "will the second half compare?</p></article>"
            "<script>document.write('<p>injected</p>')</script>")
    t = parse_bytes(_page(body), "x.html")
    assert "Teaser" not in t.text and "injected" not in t.text
    assert turns(t) == [("Operator", "qa"), ("Ines Moreau", "qa")]


def test_nested_elements_do_not_recurse_or_hang() -> None:
    deep = "<div>" * 100_000 + "deep words" + "</div>" * 100_000
    data = _page("<p><strong>Operator</strong></p><p>Welcome to the call.</p>" + deep)
    start = time.perf_counter()
    t = parse_or_refuse(data, "deep.html")
    assert time.perf_counter() - start < 3.0
    assert t is not None and "Welcome to the call." in t.text
    assert any(d.kind == "document" and "2048" in d.message for d in t.doubts)


def test_only_nested_elements_is_one_line_refusal() -> None:
    data = _page("<span>" * 100_000 + "x")
    with pytest.raises(DocumentError) as info:
        parse_bytes(data, "deep.html")
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("data", [
    b"<html><body><p>Truncated mid-tag <stro",
    b"<html><body><table><tr><td>cell<td>cell2</table></p></div></body>",
    b"<!DOCTYPE html><html><head><title>x</title></head><body></body></html>",
    b"<?xml version='1.0' encoding='utf-8'?><html><body><p>Declared XML page text.</p></body></html>",
])
def test_malformed_pages_give_outline_or_one_line(data: bytes) -> None:
    parse_or_refuse(data, "bad.html")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated((DOCS / "yunfeng_article.html").read_bytes()))
def test_damaged_page_gives_outline_or_one_line(data: bytes) -> None:
    parse_or_refuse(data, "damaged.html")

"""Markdown export: parsed back with markdown-it-py, it yields the same quotes, tags and notes."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from reader.core.anchoring import Highlight, TranscriptInfo, anchor_at, find_quote
from reader.core.export_md import (
    ORPHANS,
    ExportInput,
    blockquote,
    escape_block,
    export_file_name,
    render_markdown,
    sanitize_file_name,
)
from reader.core.model import Transcript
from reader.core.pipeline import parse_text

FIXTURE = Path(__file__).parent / "fixtures" / "quartr_lanting_q2_2024.txt"
NOW = datetime(2024, 9, 1, 8, 30, tzinfo=UTC)
NASTY = ("*bold* _it_ __b__ [link](http://example.com) ![img](x.png) `code` ``` fence ```\n"
         "# not a heading\n- not a list\n+ nor this\n1. nor this\n2) nor this\n> not a quote\n"
         "| a | b |\n|---|---|\n---\n===\nTitle\n<div>html</div> &amp; &#35; $x$ %%c%% ==h== "
         "~~s~~ ~~~\n    indented four\n\ttabbed\ntrailing backslash \\\n[^1]: footnote\n"
         "[ref]: http://x.example\n\n\nafter blank lines * _ ` # > | [ ]")


def md() -> MarkdownIt:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def norm(text: str) -> str:
    """What a quote must come back as: lines stripped, runs of blank lines as one."""
    return re.sub(r"\n{3,}", "\n\n", "\n".join(line.strip() for line in text.split("\n"))).strip()


def inline_text(tok: Token) -> str:
    parts = []
    for child in tok.children or []:
        if child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif child.type in ("text", "code_inline"):
            parts.append(child.content)
    return "".join(parts)


@dataclass
class Parsed:
    """One highlight's blocks, read back from the rendered document."""

    quote_paragraphs: list[str] = field(default_factory=list)
    speaker: str | None = None
    counterparts: list[tuple[str, str]] = field(default_factory=list)  # (label, text)
    facts: str = ""
    link: str | None = None
    note: list[str] = field(default_factory=list)

    @property
    def quote(self) -> str:
        return "\n\n".join(self.quote_paragraphs)


def split_front_matter(text: str) -> tuple[dict[str, object], str]:
    assert text.startswith("---\n")
    head, body = text[4:].split("\n---\n", 1)
    meta = {}
    for line in head.split("\n"):
        key, value = line.split(": ", 1)
        meta[key] = json.loads(value)
    return meta, body


def parse_document(text: str, with_speakers: bool = True) -> tuple[dict[str, object],
                                                                    list[tuple[str, Parsed]]]:
    """Front matter, then (section title, highlight) pairs, checking that only the block
    types the exporter writes appear at the top level."""
    meta, body = split_front_matter(text)
    tokens = md().parse(body)
    allowed = {"heading_open", "heading_close", "inline", "blockquote_open", "blockquote_close",
               "paragraph_open", "paragraph_close", "hr"}
    stray = {t.type for t in tokens} - allowed
    assert not stray, f"the document grew structure from its content: {stray}"
    out: list[tuple[str, Parsed]] = []
    section = ""
    current: Parsed | None = None
    i = 0
    pending_label: str | None = None
    while i < len(tokens):
        tok = tokens[i]
        if tok.type == "heading_open" and tok.tag == "h2":
            section = inline_text(tokens[i + 1])
            i += 3
            continue
        if tok.type == "heading_open":
            i += 3
            continue
        if tok.type == "blockquote_open":
            end = next(j for j in range(i, len(tokens)) if tokens[j].type == "blockquote_close"
                       and tokens[j].level == tok.level)
            paras = [inline_text(t) for t in tokens[i:end] if t.type == "inline"]
            if pending_label is not None:
                assert current is not None
                current.counterparts.append((pending_label, "\n\n".join(paras)))
                pending_label = None
            else:
                current = Parsed()
                out.append((section, current))
                if with_speakers and section != ORPHANS:
                    current.speaker, paras = paras[0], paras[1:]
                current.quote_paragraphs = paras
            i = end + 1
            continue
        if tok.type == "paragraph_open":
            inline = tokens[i + 1]
            text_ = inline_text(inline)
            if current is not None and not current.facts and text_.startswith("Colour: "):
                current.facts = text_
                links = [c for c in inline.children or [] if c.type == "link_open"]
                current.link = str(links[0].attrs["href"]) if links else None
            elif current is not None and current.facts:
                current.note.append(text_)
            elif text_.endswith(":") and current is not None:
                pending_label = text_
            i += 3
            continue
        if tok.type == "hr":
            current = None
        i += 1
    return meta, out


@pytest.fixture(scope="module")
def transcript() -> Transcript:
    return parse_text(FIXTURE.read_text(encoding="utf-8"), FIXTURE.name, layout="quartr")


def info_for(t: Transcript, **kw: object) -> TranscriptInfo:
    base: dict[str, object] = dict(
        id=7, sha256="ab" * 32, source_path=f"/calls/{FIXTURE.name}", source_name=FIXTURE.name,
        format=t.format, encoding="utf-8", imported_at=NOW, company=t.meta.company,
        ticker="LTDG", title=t.meta.title, period=t.meta.period, date=t.meta.date)
    base.update(kw)
    return TranscriptInfo(**base)  # type: ignore[arg-type]


def highlight(t: Transcript, quote: str, hid: int, *, tags: tuple[str, ...] = (),
              note: str = "", colour: str = "yellow", occurrence: int = 0) -> Highlight:
    start, end = find_quote(t.text, quote)[occurrence]
    a = anchor_at(t.text, start, end)
    return Highlight(hid, 7, a.start, a.end, a.quote, a.prefix, a.suffix, colour, note, tags,
                     NOW, NOW)


NAMES = {"yellow": "Guidance", "red": "Risk", "green": "Numbers", "blue": "Question"}


def test_front_matter_sections_speakers_and_reading_order(transcript: Transcript) -> None:
    hs = [
        highlight(transcript, "We plan to keep the payout ratio at around 25% of net income.",
                  1, tags=("dividend",), colour="green"),
        highlight(transcript, "Total operating expenses were RMB 1.1 billion", 2,
                  tags=("costs", "guidance"), note="Flat QoQ."),
        highlight(transcript, "Hello everyone", 3),
    ]
    doc = render_markdown(ExportInput(info_for(transcript), hs, transcript, NAMES))
    meta, items = parse_document(doc)
    assert meta["company"] == "Lanting Digital" and meta["period"] == transcript.meta.period
    assert meta["date"] == "2024-08-21" and meta["source"] == FIXTURE.name
    assert meta["sha256"] == "ab" * 32 and meta["tags"] == ["costs", "dividend", "guidance"]
    assert [s for s, _ in items] == ["Prepared remarks", "Prepared remarks",
                                     "Questions and answers"]
    first, second, third = (p for _, p in items)
    assert first.quote == "Hello everyone" and second.quote.startswith("Total operating")
    # The interpreter's turn says whom it voices.
    assert first.speaker == "Wendy Luo (Head of Investor Relations), for Peng Gao"
    assert second.speaker == "Daniel Fu (Chief Financial Officer)"
    assert second.facts.startswith("Colour: Guidance") and "#costs #guidance" in second.facts
    assert second.note == ["Note: Flat QoQ."]
    assert third.facts.startswith("Colour: Numbers") and "#dividend" in third.facts
    start = transcript.text.index("We plan to keep")
    assert third.link == f"reader://open?sha256={'ab' * 32}&start={start}&end={hs[0].end}"


def test_mandarin_passage_gets_its_interpretation_and_back(transcript: Transcript) -> None:
    zh = highlight(transcript, "我 们 预 计 下 半 年 放 款 规 模", 1)
    en = highlight(transcript, "We expect loan volume in the second half to keep growing", 2)
    doc = render_markdown(ExportInput(info_for(transcript), [zh, en], transcript, NAMES))
    _, items = parse_document(doc)
    (_, p_zh), (_, p_en) = items
    [(label, text)] = p_zh.counterparts
    assert label.startswith("English interpretation, Wendy Luo")
    assert text == "Thanks, Helen. We expect loan volume in the second half to keep growing steadily."
    [(label, text)] = p_en.counterparts
    assert label.startswith("Original, Peng Gao")
    assert text == "好 的 , 谢 谢 Helen。 我 们 预 计 下 半 年 放 款 规 模 会 保 持 稳 定 增 长 。"


def test_quotes_notes_and_names_full_of_markdown_come_back_verbatim(transcript: Transcript) -> None:
    # The quote must be real source text: put the nasty text into a transcript of its own.
    text = transcript.text.replace("Hello everyone, and thank you", NASTY + " Hello everyone")
    t = parse_text(text, FIXTURE.name, layout="quartr")
    start = t.text.index(NASTY)
    a = anchor_at(t.text, start, start + len(NASTY))
    h = Highlight(1, 7, a.start, a.end, a.quote, a.prefix, a.suffix, "red", NASTY,
                  ("risk", "credit/quality", "風險"), NOW, NOW)
    names = {**NAMES, "red": "Risk *high* | [x] `y`"}
    info = info_for(t, title="# Lanting | *Q2* [call]", company="Lanting `Digital`")
    doc = render_markdown(ExportInput(info, [h], t, names))
    meta, items = parse_document(doc)
    assert meta["title"] == "# Lanting | *Q2* [call]" and meta["company"] == "Lanting `Digital`"
    [(_, p)] = items
    assert p.quote == norm(NASTY)
    assert "\n\n".join(p.note) == "Note: " + norm(NASTY)
    assert p.facts.startswith("Colour: Risk *high* | [x] `y` · #risk #credit/quality #風險")
    heading = md().parse(split_front_matter(doc)[1])[1]
    assert inline_text(heading) == "# Lanting | *Q2* [call]"


def test_orphans_are_listed_apart_without_a_link(transcript: Transcript) -> None:
    placed = highlight(transcript, "Hello everyone", 1)
    orphan = Highlight(2, 7, 10, 10, "A sentence the corrected version removed.", "", "",
                       "blue", "check *why*", ("gone",), NOW, NOW, orphaned=True)
    doc = render_markdown(ExportInput(info_for(transcript), [orphan, placed], transcript, NAMES))
    _, items = parse_document(doc)
    assert [s for s, _ in items] == ["Prepared remarks", ORPHANS]
    gone = items[1][1]
    assert gone.quote == orphan.quote and gone.link is None and "#gone" in gone.facts
    assert gone.note == ["Note: check *why*"]


def test_without_an_outline_or_highlights_the_document_is_still_whole(
        transcript: Transcript) -> None:
    h = highlight(transcript, "Hello everyone", 1)
    doc = render_markdown(ExportInput(info_for(transcript), [h], None, NAMES))
    _, items = parse_document(doc, with_speakers=False)
    assert items[0][1].quote == "Hello everyone"
    empty = render_markdown(ExportInput(info_for(transcript), [], transcript, NAMES))
    assert "No highlights." in empty and parse_document(empty)[1] == []


def test_file_names_are_safe_everywhere(transcript: Transcript) -> None:
    assert export_file_name(info_for(transcript)) == "Lanting-Digital-Q2-2024-2024-08-21-abababab.md"
    weird = info_for(transcript, company="../../etc/passwd", period="Q1/2024", date=None,
                     title=None)
    name = export_file_name(weird)
    assert "/" not in name and "\\" not in name and not name.startswith(".")
    assert export_file_name(info_for(transcript, company="蘭亭數碼", period=None,
                                     date=None)).startswith("蘭亭數碼-")
    assert sanitize_file_name("CON") == "transcript-CON"
    assert sanitize_file_name('a:b*c?"d<e>f|g') == "a-b-c-d-e-f-g"
    assert sanitize_file_name("...") == "transcript"
    assert len(sanitize_file_name("x" * 500)) <= 100


_ALPHABET = st.sampled_from([*"*_[]#>|`~&$%=+-.!()<\\:0123456789 \t\nabc中文", "\u3000"])


@settings(max_examples=300, deadline=None)
@given(st.text(_ALPHABET, min_size=1, max_size=80))
def test_any_text_stays_inside_its_blockquote(text: str) -> None:
    rendered = blockquote(text) or ">"
    tokens = md().parse(rendered)
    expected = norm(text)
    if not expected:
        return
    assert tokens[0].type == "blockquote_open" and tokens[-1].type == "blockquote_close"
    inner = {t.type for t in tokens[1:-1]}
    assert inner <= {"paragraph_open", "paragraph_close", "inline"}, (rendered, inner)
    paras = [inline_text(t) for t in tokens if t.type == "inline"]
    assert "\n\n".join(paras) == expected


@settings(max_examples=200, deadline=None)
@given(st.text(_ALPHABET, min_size=1, max_size=80))
def test_any_note_stays_paragraphs(text: str) -> None:
    lines = escape_block(text)
    tokens = md().parse("\n".join(lines))
    assert {t.type for t in tokens} <= {"paragraph_open", "paragraph_close", "inline"}
    paras = [inline_text(t) for t in tokens if t.type == "inline"]
    assert "\n\n".join(paras) == norm(text)

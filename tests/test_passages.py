"""What a highlight looks like outside the window: the reading view's script and cleanup on
quotes, contexts and notes, the aligned counterpart sentence(s) as context in both directions,
and exports (one call, many calls, callouts) that render no transcript text as structure."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from markdown_it import MarkdownIt
from notes_helpers import CALL, SECOND

from reader.core.align.transcript import align_transcript
from reader.core.anchoring import Highlight, TranscriptInfo, anchor_at, find_quote
from reader.core.export_md import ExportInput, render_combined, render_markdown
from reader.core.model import Transcript
from reader.core.passages import PassageView, display_options
from reader.core.pipeline import parse_text

NOW = datetime(2026, 5, 13, 9, 0, tzinfo=UTC)
NAMES = {"yellow": "Guidance", "red": "Risk", "green": "Numbers", "blue": "Question"}


@pytest.fixture(scope="module")
def call() -> Transcript:
    return parse_text(CALL, "qingyun.txt")


def span(t: Transcript, quote: str) -> tuple[int, int]:
    [found] = find_quote(t.text, quote)
    return found


def view(t: Transcript, script: str = "none", *, raw: bool = False,
         fillers: bool = False) -> PassageView:
    return PassageView(t, t.text, display_options(script, raw=raw, hide_fillers=fillers),
                       align_transcript(t))


# The first Mandarin sentence with its filler, in every script and mode.
SHOWN = {
    ("raw", False): "嗯 , 大 家 好 。 本 季 度 我 们 的 运 费 收 入 增 长 了 百 分 之 九 。",
    ("none", False): "嗯,大家好。本季度我们的运费收入增长了百分之九。",
    ("none", True): "大家好。本季度我们的运费收入增长了百分之九。",
    ("s", False): "嗯,大家好。本季度我们的运费收入增长了百分之九。",
    ("t", False): "嗯,大家好。本季度我們的運費收入增長了百分之九。",
    ("tw", False): "嗯,大家好。本季度我們的運費收入增長了百分之九。",
    ("hk", True): "大家好。本季度我們的運費收入增長了百分之九。",
}


@pytest.mark.parametrize(("mode", "fillers"), list(SHOWN))
def test_quotes_show_as_the_reading_view_does_in_every_script(call: Transcript, mode: str,
                                                             fillers: bool) -> None:
    start, end = span(call, "嗯 , 大 家 好 。 本 季 度 我 们 的 运 费 收 入 增 长 了 百 分 之 九 。")
    v = view(call, "none" if mode == "raw" else mode, raw=mode == "raw", fillers=fillers)
    assert v.text(start, end) == SHOWN[(mode, fillers)]
    # The anchor is untouched: the view only derives text from it.
    assert call.text[start:end].startswith("嗯 , 大")


def test_taiwan_script_uses_taiwan_words_and_notes_follow(call: Transcript) -> None:
    start, end = span(call, "冷 链 用 户 也 更 多 了")
    assert view(call, "tw").text(start, end) == "冷鏈使用者也更多了"
    assert view(call, "hk").text(start, end) == "冷鏈用户也更多了"
    assert view(call, "tw").user_text("用户 growth 很快") == "使用者 growth 很快"
    assert view(call, "s").user_text("資金成本") == "资金成本"
    assert view(call, raw=True).user_text("用户") == "用户"


def test_a_span_across_paragraph_edges_keeps_the_break(call: Transcript) -> None:
    start = call.text.index("冷 链")
    end = call.text.index("Hello everyone") + len("Hello everyone")
    assert view(call, "tw").text(start, end) == (
        "冷鏈使用者也更多了。\n\nAda Kwan (Investor Relations Director)\n\nHello everyone")


def test_context_is_the_aligned_sentence_both_ways(call: Transcript) -> None:
    zh = span(call, "燃 油 成 本 还 有 压 力")
    [c] = view(call, "tw").counterparts(*zh)
    assert c.kind == "interpretation" and c.text == "Fuel costs remain a pressure."
    assert c.speaker.label == "Ada Kwan" and c.speaker.speaks_for == "Lin Bo"
    assert c.speaker.section == "Questions and answers"

    en = span(call, "gross margin to stay stable")
    for script, expected in (("none", "我们预计下半年毛利率会保持稳定。"),
                             ("t", "我們預計下半年毛利率會保持穩定。"),
                             ("tw", "我們預計下半年毛利率會保持穩定。")):
        [c] = view(call, script).counterparts(*en)
        assert c.kind == "original" and c.text == expected
        assert c.speaker.label == "Lin Bo" and c.speaker.speaks_for is None
    [c] = view(call, raw=True).counterparts(*en)
    assert c.text == "我 们 预 计 下 半 年 毛 利 率 会 保 持 稳 定 。"


def test_a_turn_nobody_interprets_has_no_context(call: Transcript) -> None:
    assert view(call).counterparts(*span(call, "How do you see margins")) == []


def info_for(t: Transcript, tid: int, sha: str) -> TranscriptInfo:
    return TranscriptInfo(id=tid, sha256=sha, source_path=f"/calls/{tid}.txt",
                          source_name=f"{tid}.txt", format=t.format, encoding="utf-8",
                          imported_at=NOW, company=t.meta.company, title=t.meta.title,
                          period=t.meta.period, date=t.meta.date)


def highlight(t: Transcript, quote: str, hid: int, tid: int, note: str = "",
              tags: tuple[str, ...] = ()) -> Highlight:
    start, end = span(t, quote)
    a = anchor_at(t.text, start, end)
    return Highlight(hid, tid, a.start, a.end, a.quote, a.prefix, a.suffix, "yellow", note,
                     tags, NOW, NOW)


HOSTILE = "see [this](http://x.example) ![i](y.png) <b>bold</b> <https://z.example> www.q.example"


def exports(call: Transcript) -> list[str]:
    second = parse_text(SECOND, "tiemu.txt")
    hs = [highlight(call, "燃 油 成 本 还 有 压 力", 1, 1, note=HOSTILE + " 用户", tags=("成本",)),
          highlight(call, "gross margin to stay stable", 2, 1, note="<script>x</script>")]
    other = [highlight(second, "Orders for warehouse arms doubled", 3, 2, note=HOSTILE)]
    out = []
    for script in ("none", "s", "t", "tw", "hk"):
        for raw in (False, True):
            opts = display_options(script, raw=raw)
            a = ExportInput(info_for(call, 1, "a" * 64), hs, call, NAMES, options=opts,
                            alignment=align_transcript(call), obsidian=script == "tw")
            b = ExportInput(info_for(second, 2, "b" * 64), other, second, NAMES, options=opts)
            out += [render_markdown(a), render_combined([a, b])]
    return out


def test_exports_render_no_transcript_text_as_links_images_or_html(call: Transcript) -> None:
    md = MarkdownIt("commonmark").enable(["table", "strikethrough", "linkify"]) \
        if _has_linkify() else MarkdownIt("commonmark").enable(["table", "strikethrough"])
    for doc in exports(call):
        body = doc.split("\n---\n", 1)[1]
        tokens = md.parse(body)
        kinds = {t.type for t in tokens} | {c.type for t in tokens for c in t.children or []}
        assert not kinds & {"html_block", "html_inline", "image", "fence", "code_block",
                            "bullet_list_open", "ordered_list_open", "table_open"}, kinds
        links = [c.attrs.get("href") for t in tokens for c in t.children or []
                 if c.type == "link_open"]
        assert links and all(str(h).startswith("reader://open?sha256=") for h in links), links


def _has_linkify() -> bool:
    try:
        import linkify_it  # noqa: F401
    except ImportError:
        return False
    return True


def test_one_file_for_many_calls_keeps_each_calls_section_in_order(call: Transcript) -> None:
    docs = exports(call)
    combined = docs[1]  # script none, not raw
    assert combined.startswith("---\ntitle: \"Highlights\"\ncalls: 2\nhighlights: 3\n")
    assert combined.count("\n# ") == 2
    assert combined.index("# Qingyun Freight - Q1 2026") < combined.index("# Tiemu Robotics")
    assert "> 燃油成本还有压力" in combined and "> Fuel costs remain a pressure." in combined
    tw = docs[12]  # Taiwan script, one call, callouts
    assert "> [!quote] **Lin Bo** (Chief Executive Officer)" in tw
    assert "> 燃油成本還有壓力" in tw and "使用者" in tw
    assert "*English interpretation*, **Ada Kwan** (Investor Relations Director), for Lin Bo:" in tw
    raw = docs[6]  # script s, raw: the stored text
    assert "> 燃 油 成 本 还 有 压 力" in raw

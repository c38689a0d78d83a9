"""Anchors follow their text into corrected versions; what cannot be found is orphaned, never moved."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.anchoring import CONTEXT, Placement, TextMap, anchor_at, find_quote, reanchor
from reader.core.records import Anchor

FIXTURE = Path(__file__).parent / "fixtures" / "quartr_lanting_q2_2024.txt"


@pytest.fixture(scope="module")
def v1() -> str:
    return FIXTURE.read_text(encoding="utf-8")


def anchor_on(text: str, quote: str, occurrence: int = 0) -> Anchor:
    spans = find_quote(text, quote)
    start, end = spans[occurrence]
    return anchor_at(text, start, end)


def corrected(v1: str) -> str:
    """A corrected re-issue: words fixed, a paragraph inserted, one sentence deleted."""
    v2 = v1.replace("RMB 3.2 billion, up 12%", "RMB 3.25 billion, up 12.4%")
    v2 = v2.replace("Total operating expenses were", "Total opex was")
    v2 = v2.replace("Let me walk you through the financials. ", "")
    v2 = v2.replace(
        "Daniel Fu (Chief Financial Officer)\n\nSure.",
        "Daniel Fu (Chief Financial Officer)\n\nLet me add one point on credit quality first. "
        "Delinquency rates improved in every month of the quarter.\n\nSure.")
    v2 = v2.replace("十五个 BP。", "十五个基点。")
    return "Corrected transcript, reissued Aug 23, 2024\n\n" + v2


def test_anchor_at_keeps_context_and_checks_bounds(v1: str) -> None:
    a = anchor_on(v1, "Let me walk you through the financials.")
    assert v1[a.start:a.end] == a.quote
    assert len(a.prefix) == CONTEXT and v1[a.start - CONTEXT:a.start] == a.prefix
    assert len(a.suffix) == CONTEXT and v1[a.end:a.end + CONTEXT] == a.suffix
    edge = anchor_at("short text", 0, 5)
    assert edge.prefix == "" and edge.suffix == " text"
    with pytest.raises(ValueError):
        anchor_at("short", 3, 3)
    with pytest.raises(ValueError):
        anchor_at("short", 2, 9)


def test_find_quote_exact_then_across_cjk_spacing(v1: str) -> None:
    assert len(find_quote(v1, "Thank you.")) > 3
    spaced = find_quote(v1, "我们预计下半年放款规模会保持稳定增长。")
    assert len(spaced) == 1
    s, e = spaced[0]
    assert v1[s:e] == "我 们 预 计 下 半 年 放 款 规 模 会 保 持 稳 定 增 长 。"
    # A line break or doubled space in a pasted quote is only spacing.
    s2, e2 = find_quote(v1, "Our funding cost declined by 15\n basis  points")[0]
    assert v1[s2:e2] == "Our funding cost declined by 15 basis points"
    assert find_quote(v1, "not in this call at all") == []
    assert find_quote(v1, "   ") == []
    # English words do not run together when spaces are dropped next to Han characters only.
    assert find_quote("the rest", "therest") == []
    assert find_quote("aaa", "aa") == [(0, 2), (1, 3)]


def test_find_quote_in_either_chinese_script(v1: str) -> None:
    # The call is in simplified script, with speech-recognition spaces; the quote is not.
    for quote in ("資金成本", "资金成本", "資金成本環比下降"):
        spans = find_quote(v1, quote)
        assert len(spans) == 1, quote
        s, e = spans[0]
        assert v1[s:e].replace(" ", "").startswith("资金成本")
    assert find_quote("營收 達到 三十億", "营收达到") == [(0, 5)]
    assert find_quote(v1, "資金費用") == []


def test_identical_text_keeps_everything(v1: str) -> None:
    anchors = [anchor_on(v1, "Thank you.", 2), anchor_on(v1, "Q2 2024")]
    for a, r in zip(anchors, reanchor(v1, v1, anchors), strict=True):
        assert r.placement is Placement.KEPT and r.anchor == a


def test_corrected_version_moves_highlights_and_orphans_the_deleted_sentence(v1: str) -> None:
    v2 = corrected(v1)
    cases = {
        # quote in v1: expected text in v2 (None: deleted)
        "This quarter our revenue reached RMB 3.2 billion, up 12% year over year.":
            "This quarter our revenue reached RMB 3.25 billion, up 12.4% year over year.",
        "Total operating expenses were RMB 1.1 billion, flat from last quarter.":
            "Total opex was RMB 1.1 billion, flat from last quarter.",
        "Sure. We expect the coverage ratio to stay above 400% through the end of the year.":
            "Sure. We expect the coverage ratio to stay above 400% through the end of the year.",
        "We plan to keep the payout ratio at around 25% of net income.":
            "We plan to keep the payout ratio at around 25% of net income.",
        "我们的 资金成本 环比 下降了 十五个 BP。": "我们的 资金成本 环比 下降了 十五个基点。",
        "我 们 预 计 下 半 年 放 款 规 模 会 保 持 稳 定 增 长 。":
            "我 们 预 计 下 半 年 放 款 规 模 会 保 持 稳 定 增 长 。",
        "Let me walk you through the financials.": None,
    }
    anchors = [anchor_on(v1, q) for q in cases]
    results = reanchor(v1, v2, anchors)
    for (quote, expected), r in zip(cases.items(), results, strict=True):
        if expected is None:
            assert r.placement is Placement.ORPHANED, quote
            assert r.anchor.quote == quote and r.anchor.start == r.anchor.end
            # It sits where the sentence was: right before what followed it.
            assert v2[r.anchor.start:].startswith("Total opex was")
        else:
            assert r.placement is not Placement.ORPHANED, quote
            assert v2[r.anchor.start:r.anchor.end] == expected == r.anchor.quote, quote
            assert r.placement is (Placement.KEPT if expected == quote else Placement.EDITED)


def test_deleted_sentence_is_not_attached_to_a_copy_elsewhere(v1: str) -> None:
    # "Thank you." occurs many times; delete the highlighted one (the analyst's, before
    # "Our next question comes ...").
    target = "Mark Tan (Analyst)\n\nThank you. Our next question"
    assert v1.count(target) == 1
    quote_at = v1.index(target) + len("Mark Tan (Analyst)\n\n")
    a = anchor_at(v1, quote_at, quote_at + len("Thank you."))
    v2 = v1.replace(target, "Mark Tan (Analyst)\n\nOur next question")
    [r] = reanchor(v1, v2, [a])
    assert r.placement is Placement.ORPHANED and r.anchor.quote == "Thank you."


def test_moved_paragraph_is_found_at_its_new_place(v1: str) -> None:
    para = "Hi, this is Ivy from Northpeak. How do you think about the dividend this year?"
    a = anchor_on(v1, "How do you think about the dividend this year?")
    v2 = v1.replace(para + "\n\n", "")
    v2 = v2.replace("Sign in\n\n", f"Sign in\n\n{para}\n\n", 1)
    [r] = reanchor(v1, v2, [a])
    assert r.placement in (Placement.KEPT, Placement.FOUND)
    assert v2[r.anchor.start:r.anchor.end] == a.quote
    assert r.anchor.start < v2.index("Transcript")


def test_two_equal_candidates_are_ambiguous_and_orphaned() -> None:
    old = "Intro line.\nThe margin outlook is unchanged for the year.\nClosing line.\n"
    a = anchor_on(old, "The margin outlook is unchanged for the year.")
    dup = "Other words.\nThe margin outlook is unchanged for the year.\nMore words.\n"
    new = "Intro changed.\n" + dup + dup
    [r] = reanchor(old, new, [a])
    assert r.placement is Placement.ORPHANED


def test_orphan_is_found_again_when_its_text_returns(v1: str) -> None:
    a = anchor_on(v1, "Let me walk you through the financials.")
    v2 = corrected(v1)
    [orphan] = reanchor(v1, v2, [a])
    assert orphan.orphaned
    [still] = reanchor(v2, v2, [orphan.anchor])
    assert still.orphaned and still.anchor.quote == a.quote
    [back] = reanchor(v2, v1, [orphan.anchor])
    assert back.placement is Placement.FOUND
    assert (back.anchor.start, back.anchor.end) == (a.start, a.end)


def test_text_map_maps_unchanged_characters_exactly() -> None:
    old = "alpha beta gamma.\ndelta epsilon.\n"
    new = "alpha BETA gamma.\nnew line.\ndelta epsilon.\n"
    tmap = TextMap.between(old, new)
    assert tmap.map_start(old.index("gamma")) == new.index("gamma")
    assert tmap.map_start(old.index("delta")) == new.index("delta")
    assert tmap.map_start(old.index("beta")) is None
    assert tmap.map_end(len(old)) == len(new)


def test_one_long_line_without_breaks_still_maps() -> None:
    sentence = "Revenue in segment {} grew {} percent. "
    old = "".join(sentence.format(i, i % 17) for i in range(20_000))  # ~0.8 MB, one line
    new = old.replace("segment 15000 grew", "segment 15000 rose")
    a = anchor_on(old, "Revenue in segment 19999 grew 7 percent.")
    b = anchor_on(old, "Revenue in segment 15000 grew 6 percent.")
    ra, rb = reanchor(old, new, [a, b])
    assert ra.placement is Placement.KEPT and new[ra.anchor.start:ra.anchor.end] == a.quote
    assert rb.placement is Placement.EDITED
    assert new[rb.anchor.start:rb.anchor.end] == "Revenue in segment 15000 rose 6 percent."


_WORDS = st.sampled_from(["revenue", "margin", "营收", "增长", " ", "\n", "\n\n", ".", "。",
                          "guidance", "Q3", "12%", "RMB"])


@settings(max_examples=60, deadline=None)
@given(before=st.lists(_WORDS, max_size=30), after=st.lists(_WORDS, max_size=30),
       insert_at=st.integers(min_value=0, max_value=10_000), cut=st.integers(0, 40))
def test_edits_outside_a_highlight_never_change_its_text(v1: str, before: list[str],
                                                         after: list[str], insert_at: int,
                                                         cut: int) -> None:
    a = anchor_on(v1, "We expect loan volume in the second half to keep growing steadily.")
    head, body, tail = v1[:a.start], v1[a.start:a.end], v1[a.end:]
    i = insert_at % (len(head) + 1)
    head = head[:i] + "".join(before) + head[i + cut:]
    j = insert_at % (len(tail) + 1)
    tail = tail[:j] + "".join(after) + tail[j:]
    new = head + body + tail
    [r] = reanchor(v1, new, [a])
    assert r.placement is not Placement.ORPHANED
    assert new[r.anchor.start:r.anchor.end] == a.quote
